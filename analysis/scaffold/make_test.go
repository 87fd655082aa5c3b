package scaffold_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/cli"
	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// TestNewThenMake does what the README's "Start a new compendium" says,
// in a temporary directory: nexus new DIR (against this checkout of the
// toolkit), then, with no edit, make, make test and make verify, each of
// which must pass. It needs make and the go command, and the module proxy
// for any module the cache lacks.
func TestNewThenMake(t *testing.T) {
	testenv.Short(t, "runs make, make test and make verify in a new compendium")
	makeBin := testenv.LookPath(t, "make", "make")
	testenv.LookPath(t, "go", "golang-go")
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "my-study")
	var stdout, stderr bytes.Buffer
	if code := cli.Main(&stdout, &stderr, []string{"new", "-toolkit", root, dir}); code != 0 {
		t.Fatalf("nexus new: exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
	if !strings.Contains(stdout.String(), "next: cd "+dir+" && make && make verify") {
		t.Errorf("nexus new printed no next step:\n%s", stdout.String())
	}
	for _, target := range []string{"all", "test", "verify"} {
		cmd := exec.Command(makeBin, target)
		cmd.Dir = dir
		cmd.Env = testenv.Environ("GOFLAGS=-mod=readonly")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("make %s in the new compendium: %v\n%s", target, err, out)
		}
		if target == "verify" && !strings.Contains(string(out), "every file under figures matches a fresh build") {
			t.Errorf("make verify did not report a match:\n%s", out)
		}
	}
	for _, f := range []string{"figures/tbl-nodes.csv", "figures/fig-network.svg", "figures/notebooks/01-start.html", "figures/claims.csv", "figures/index.html", "figures/MANIFEST"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("make wrote no %s", f)
		}
	}
	// The front door is built by make and listed in the MANIFEST, and it
	// shows the starter table and figure.
	page, _ := os.ReadFile(filepath.Join(dir, "figures", "index.html"))
	for _, want := range []string{`<h3 id="T1">`, `<img src="fig-network.png"`, "<h2 id=\"claims\">"} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("figures/index.html of the new compendium lacks %s", want)
		}
	}
	if mf, _ := os.ReadFile(filepath.Join(dir, "figures", "MANIFEST")); !bytes.Contains(mf, []byte("  index.html\n")) {
		t.Errorf("the MANIFEST of the new compendium does not list index.html:\n%s", mf)
	}
	// A second nexus new into the same directory is refused, naming what
	// is there.
	stdout.Reset()
	stderr.Reset()
	if code := cli.Main(&stdout, &stderr, []string{"new", "-toolkit", root, dir}); code != 1 || !strings.Contains(stderr.String(), "it holds .ci/, .github/, .gitignore") {
		t.Errorf("nexus new into the built compendium: exit %d, %s", code, stderr.String())
	}
}
