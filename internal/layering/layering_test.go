package layering

import (
	"bufio"
	"bytes"
	"os/exec"
	"reflect"
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// TestCheck runs the checker on a made-up graph: a core package that
// reaches study through another core package, one that does not, and a
// package in neither list.
func TestCheck(t *testing.T) {
	g := map[string][]string{
		"github.com/nexus-toolkit/nexus/analysis/table":   {"github.com/nexus-toolkit/nexus/analysis/bib", "strings"},
		"github.com/nexus-toolkit/nexus/analysis/bib":     {"github.com/nexus-toolkit/nexus/analysis/datapkg"},
		"github.com/nexus-toolkit/nexus/analysis/datapkg": {"github.com/nexus-toolkit/nexus/analysis/paper"},
		"github.com/nexus-toolkit/nexus/analysis/paper":   {"github.com/nexus-toolkit/nexus/analysis/study"},
		"github.com/nexus-toolkit/nexus/analysis/study":   nil,
		"github.com/nexus-toolkit/nexus/analysis/build":   {"os"},
		"github.com/nexus-toolkit/nexus/analysis/newpkg":  nil,
		"github.com/nexus-toolkit/nexus/cmd/nexus":        {"github.com/nexus-toolkit/nexus/analysis/study"},
	}
	v, u := Check(g)
	want := []string{
		"github.com/nexus-toolkit/nexus/analysis/bib -> github.com/nexus-toolkit/nexus/analysis/datapkg -> github.com/nexus-toolkit/nexus/analysis/paper",
		"github.com/nexus-toolkit/nexus/analysis/datapkg -> github.com/nexus-toolkit/nexus/analysis/paper",
		"github.com/nexus-toolkit/nexus/analysis/table -> github.com/nexus-toolkit/nexus/analysis/bib -> github.com/nexus-toolkit/nexus/analysis/datapkg -> github.com/nexus-toolkit/nexus/analysis/paper",
	}
	var got []string
	for _, x := range v {
		got = append(got, x.String())
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("violations\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !reflect.DeepEqual(u, []string{"github.com/nexus-toolkit/nexus/analysis/newpkg"}) {
		t.Errorf("unclassified %v, want newpkg", u)
	}
	if !Match("github.com/nexus-toolkit/nexus/analysis/qda/...", "github.com/nexus-toolkit/nexus/analysis/qda") || !Match("github.com/nexus-toolkit/nexus/analysis/qda/...", "github.com/nexus-toolkit/nexus/analysis/qda/refi") ||
		Match("github.com/nexus-toolkit/nexus/analysis/qda/...", "github.com/nexus-toolkit/nexus/analysis/qdax") || Match("github.com/nexus-toolkit/nexus/analysis/bib", "github.com/nexus-toolkit/nexus/analysis/bib/x") {
		t.Error("Match")
	}
}

// moduleImports runs go list over the whole module and returns each
// package's direct imports (test files excluded, as a build sees them).
func moduleImports(t *testing.T) map[string][]string {
	t.Helper()
	gobin := testenv.LookPath(t, "go", "golang-go")
	cmd := exec.Command(gobin, "list", "-deps", "-f", "{{.ImportPath}}{{range .Imports}} {{.}}{{end}}", "github.com/nexus-toolkit/nexus/...")
	cmd.Dir = "../.."
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.Bytes())
	}
	g := map[string][]string{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) > 0 {
			g[f[0]] = f[1:]
		}
	}
	if len(g) == 0 || g["github.com/nexus-toolkit/nexus/analysis/bib"] == nil {
		t.Fatalf("go list gave no import graph for github.com/nexus-toolkit/nexus/analysis/bib:\n%s", out)
	}
	return g
}

// TestLayering: no core package imports the study layer, except the
// listed ones, each of which still does; every package under analysis/
// is classified.
func TestLayering(t *testing.T) {
	g := moduleImports(t)
	v, unclassified := Check(g)
	bad := map[string]bool{}
	for _, x := range v {
		bad[x.Package] = true
		if why, ok := Exceptions[x.Package]; ok {
			t.Logf("known exception: %s (%s)", x, why)
			continue
		}
		t.Errorf("core package imports the study layer: %s; expected no import of %s", x, strings.Join(Study, ", "))
	}
	for p := range Exceptions {
		if !bad[p] {
			t.Errorf("%s is listed in Exceptions but no longer imports the study layer (or no longer exists): remove it from internal/layering", p)
		}
	}
	for _, p := range unclassified {
		t.Errorf("%s is neither core nor study layer: add it to Core or Study in internal/layering", p)
	}
}
