package notebook

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/internal/testenv"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// newRoot makes a repository in a temporary directory: the notebooks and
// dataset of testdata/root, the module's go.mod and go.sum, and copies of
// the packages the notebook programs import.
func newRoot(t *testing.T) string {
	t.Helper()
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	if err := os.CopyFS(root, os.DirFS("testdata/root")); err != nil {
		t.Fatal(err)
	}
	testenv.CopyModule(t, root)
	// A snapshot of the packages the notebook programs import, so that the
	// cache key does not change while the test runs.
	deps, err := exec.Command("go", "list", "-deps", "github.com/nexus-toolkit/nexus/analysis/notebook/cell").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	var pkgs []string
	for _, p := range strings.Fields(string(deps)) {
		if rest, ok := strings.CutPrefix(p, "github.com/nexus-toolkit/nexus/"); ok {
			pkgs = append(pkgs, rest)
		}
	}
	for _, pkg := range pkgs {
		gos, err := filepath.Glob(filepath.Join(repo, pkg, "*.go"))
		if err != nil || len(gos) == 0 {
			t.Fatalf("no Go files in %s: %v", pkg, err)
		}
		dst := filepath.Join(root, pkg)
		if err := os.MkdirAll(dst, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, g := range gos {
			if strings.HasSuffix(g, "_test.go") {
				continue
			}
			b, err := os.ReadFile(g)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dst, filepath.Base(g)), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return root
}

// render renders the notebooks of root into root/out and returns the log.
func render(t *testing.T, root string, force bool, names ...string) (string, error) {
	t.Helper()
	var log bytes.Buffer
	files := make([]string, len(names))
	for i, n := range names {
		files[i] = filepath.Join(root, "notebooks", n)
	}
	err := Render(Options{Root: root, Out: filepath.Join(root, "out"), Force: force, Log: &log}, files...)
	return log.String(), err
}

// tree returns every file under dir by slash path.
func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// summary lists the files of a tree with their sizes and sha256.
func summary(files map[string][]byte) string {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, n := range names {
		fmt.Fprintf(&b, "%x  %s\n", sha256.Sum256(files[n]), n)
	}
	return b.String()
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./analysis/notebook -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; run go test ./analysis/notebook -update and review the diff\ngot:\n%s", path, got)
	}
}

// TestRenderAndCache renders the demo notebook, compares it with the
// golden files, renders it again from the cache and by force (both must
// give the same bytes), then changes one byte of the dataset and then the
// code under analysis/, each of which must run the notebook again.
func TestRenderAndCache(t *testing.T) {
	testenv.Short(t, "compiles and runs notebook programs")
	t.Parallel()
	root := newRoot(t)
	log, err := render(t, root, false, "01-demo.md")
	if err != nil {
		t.Fatal(err)
	}
	if log != "render notebooks/01-demo.md: ran\n" {
		t.Errorf("first render: log %q, expected a run", log)
	}
	out := filepath.Join(root, "out")
	first := tree(t, out)
	golden(t, "01-demo.md", first["01-demo.md"])
	golden(t, "01-demo.html", first["01-demo.html"])
	golden(t, "01-demo.sha256", []byte(summary(first)))
	t.Run("browser", func(t *testing.T) { checkPages(t, []string{filepath.Join(out, "01-demo.html")}, true) })

	log, err = render(t, root, false, "01-demo.md")
	if err != nil {
		t.Fatal(err)
	}
	if log != "render notebooks/01-demo.md: cached\n" {
		t.Errorf("second render: log %q, expected a cache hit", log)
	}
	if got := summary(tree(t, out)); got != summary(first) {
		t.Errorf("a cache hit gave other files:\n%s\nexpected:\n%s", got, summary(first))
	}

	// Prose is not part of the key: editing it renders again from the cache.
	nbPath := filepath.Join(root, "notebooks", "01-demo.md")
	src, _ := os.ReadFile(nbPath)
	os.WriteFile(nbPath, bytes.Replace(src, []byte("## Results"), []byte("## Results of the demo"), 1), 0o644)
	if log, err = render(t, root, false, "01-demo.md"); err != nil || log != "render notebooks/01-demo.md: cached\n" {
		t.Errorf("after a prose edit: log %q, err %v, expected a cache hit", log, err)
	}
	if !bytes.Contains(tree(t, out)["01-demo.md"], []byte("## Results of the demo")) {
		t.Error("after a prose edit: the new prose is missing")
	}
	// Prose added above the claims renders from the cache too, and the
	// claims keep their own lines, which moved.
	os.WriteFile(nbPath, bytes.Replace(src, []byte("## Loading"), []byte("An added paragraph.\n\n## Loading"), 1), 0o644)
	if log, err = render(t, root, false, "01-demo.md"); err != nil || log != "render notebooks/01-demo.md: cached\n" {
		t.Errorf("after adding prose: log %q, err %v, expected a cache hit", log, err)
	}
	if md := tree(t, out)["01-demo.md"]; !bytes.Contains(md, []byte("notebooks/01-demo.md:62: every value is positive")) {
		t.Errorf("after adding two lines of prose above the claim at line 60, the claim is not at line 62:\n%s", md)
	}
	os.WriteFile(nbPath, src, 0o644)

	log, err = render(t, root, true, "01-demo.md")
	if err != nil {
		t.Fatal(err)
	}
	if log != "render notebooks/01-demo.md: ran\n" {
		t.Errorf("forced render: log %q, expected a run", log)
	}
	if got := summary(tree(t, out)); got != summary(first) {
		t.Errorf("a forced run gave other files:\n%s\nexpected:\n%s", got, summary(first))
	}

	// One byte of the dataset: beta's value 5 becomes 6.
	data := filepath.Join(root, "datasets", "demo", "1.0.0", "values.csv")
	b, _ := os.ReadFile(data)
	if err := os.WriteFile(data, bytes.Replace(b, []byte("beta,5"), []byte("beta,6"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	log, err = render(t, root, false, "01-demo.md")
	if err != nil {
		t.Fatal(err)
	}
	if log != "render notebooks/01-demo.md: ran\n" {
		t.Errorf("after a dataset change: log %q, expected a run", log)
	}
	// A change to the code under analysis/ runs the notebook again too.
	lib := filepath.Join(root, "analysis", "notebook", "cell", "doc.go")
	b, _ = os.ReadFile(lib)
	os.WriteFile(lib, append(b, "\n// A comment.\n"...), 0o644)
	if log, err = render(t, root, false, "01-demo.md"); err != nil || log != "render notebooks/01-demo.md: ran\n" {
		t.Errorf("after a change under analysis/: log %q, err %v, expected a run", log, err)
	}
	md := tree(t, out)["01-demo.md"]
	if !bytes.Contains(md, []byte("| beta | 6.0 |")) || !bytes.Contains(md, []byte("add up to **11**")) {
		t.Errorf("after a dataset change the output does not show the new value:\n%s", md)
	}
}

// TestErrors renders broken notebooks: each error must name the notebook's
// own file and line, and nothing may be written.
func TestErrors(t *testing.T) {
	testenv.Short(t, "compiles and runs 18 failing notebooks")
	t.Parallel()
	root := newRoot(t)
	for _, tc := range []struct {
		file string
		want []string
	}{
		{"02-compile-error.md", []string{"notebooks/02-compile-error.md:12:13: cell 2 (tbl-broken): undefined: y"}},
		{"03-panic.md", []string{"notebooks/03-panic.md:15: cell 2 (fig-boom): panic: runtime error: index out of range [5] with length 3"}},
		{"04-unknown.md", []string{
			"notebooks/04-unknown.md:6:5: unknown cross-reference @fig-missing, expected the label of a cell in this notebook (fig-real)",
			"notebooks/04-unknown.md:8:10: unknown citation key @nobody2020, expected a key of datasets/demo/1.0.0/references.csv",
			"notebooks/04-unknown.md:12:26: unknown cross-reference @tbl-nothing",
		}},
		{"05-forbidden.md", []string{"notebooks/05-forbidden.md:6:11: cell 1: os.ReadFile may not be used in a notebook"}},
		{"06-bad-options.md", []string{
			"notebooks/06-bad-options.md:3: dataset nosuch/1.0.0: no directory datasets/nosuch/1.0.0 or datasets/nosuch/v1.0.0",
			`notebooks/06-bad-options.md:7: label "Fig One" is not valid`,
			`notebooks/06-bad-options.md:8: option echo: value "maybe", expected true or false`,
			`notebooks/06-bad-options.md:9: unknown cell option "colour"`,
		}},
		{"07-outside.md", []string{`notebooks/07-outside.md:6: cell 1: path "../outside.txt" leaves the repository, expected a path inside it`}},
		{"09-goroutine.md", []string{"notebooks/09-goroutine.md:14: cell 2 (tbl-x): panic: assignment to entry in nil map"}},
		{"08-syntax.md", []string{"notebooks/08-syntax.md:7:8: cell 1: expected operand, found '{'"}},
		// Imports come from an allowlist: reading any file through
		// text/template, writing anywhere through a build package, and
		// dialling out through x/net/proxy are all refused before a build.
		{"10-template.md", []string{"notebooks/10-template.md:6:9: cell 1: package text/template may not be imported in a notebook, expected one of the allowed packages"}},
		{"11-build.md", []string{
			"notebooks/11-build.md:7:11: cell 1: package go/build may not be imported in a notebook",
			"notebooks/11-build.md:8:3: cell 1: package github.com/nexus-toolkit/nexus/analysis/build may not be imported in a notebook",
		}},
		{"12-proxy.md", []string{
			"notebooks/12-proxy.md:7:5: cell 1: package net/http/pprof may not be imported in a notebook",
			"notebooks/12-proxy.md:8:3: cell 1: package golang.org/x/net/proxy may not be imported in a notebook",
		}},
		{"13-timeout.md", []string{"notebooks/13-timeout.md:11: cell 2: the notebook ran longer than its timeout of 1s and was stopped in this cell"}},
		{"14-output.md", []string{"notebooks/14-output.md:11: cell 2 (tbl-flood): the cell's output passed the cap of 1 MiB and the program was stopped"}},
		{"19-total-output.md", []string{"notebooks/19-total-output.md:16: cell 3 (tbl-third): the notebook's output passed the cap of 2 MiB for all cells together in this cell and the program was stopped"}},
		// A claim that does not hold fails at the line of its call, and
		// quotes it.
		{"16-claim.md", []string{`notebooks/16-claim.md:14: cell 2: claim does not hold: "there are four values"`}},
		// An inline value is compiled and run at its place in the prose.
		{"17-inline.md", []string{"notebooks/17-inline.md:10:16: undefined: m"}},
		{"18-inline-panic.md", []string{"notebooks/18-inline-panic.md:10: panic: runtime error: index out of range [3] with length 2"}},
		{"15-limits.md", []string{
			`notebooks/15-limits.md:3: timeout "soon", expected a positive duration such as 30s or 5m`,
			`notebooks/15-limits.md:4: max-output: size "2 MB", expected a positive number of bytes`,
		}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			t.Parallel()
			_, err := render(t, root, false, tc.file)
			if err == nil {
				t.Fatal("no error")
			}
			var ps Problems
			if !errors.As(err, &ps) {
				t.Errorf("error %T, expected Problems", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error\n%v\ndoes not contain\n%s", err, w)
				}
			}
			if n := strings.Count(err.Error(), "\nnotebooks/") + 1; n != len(tc.want) {
				t.Errorf("%d problems reported, expected %d:\n%v", n, len(tc.want), err)
			}
			name := strings.TrimSuffix(tc.file, ".md")
			for _, f := range []string{name + ".md", name + ".html", name} {
				if _, err := os.Stat(filepath.Join(root, "out", f)); err == nil {
					t.Errorf("out/%s was written by a failed render", f)
				}
			}
		})
	}
}
