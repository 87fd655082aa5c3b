package notebook

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// write writes files (slash paths relative to dir) into dir.
func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// renderWith renders the notebooks (slash paths relative to opt.Root)
// and returns the log.
func renderWith(t *testing.T, opt Options, names ...string) (string, error) {
	t.Helper()
	var log bytes.Buffer
	opt.Log = &log
	files := make([]string, len(names))
	for i, n := range names {
		files[i] = filepath.Join(opt.Root, filepath.FromSlash(n))
	}
	err := Render(opt, files...)
	return log.String(), err
}

// foreignModule makes, in a temporary directory, a compendium of its own
// module (example.org/bali) that requires the toolkit through a replace
// directive to this checkout: a study package outside analysis/, a
// dataset under data/ and notebooks under notes/.
func foreignModule(t *testing.T) string {
	t.Helper()
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	mod, err := os.ReadFile(filepath.Join(repo, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	sum, err := os.ReadFile(filepath.Join(repo, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	// The toolkit's own requirements, so that the build needs no network.
	_, reqs, _ := strings.Cut(string(mod), "\nrequire")
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"go.mod": "module example.org/bali\n\ngo 1.26.0\n\nrequire github.com/nexus-toolkit/nexus v0.0.0\n\nrequire" + reqs +
			"\nreplace github.com/nexus-toolkit/nexus => " + filepath.ToSlash(repo) + "\n",
		"go.sum": string(sum),
		// Pins the toolkit packages the notebook programs use.
		"tools.go":               "//go:build tools\n\npackage bali\n\nimport _ \"github.com/nexus-toolkit/nexus/analysis/notebook/cell\"\n",
		"study/bali/bali.go":     "// Package bali is the study of the test compendium.\npackage bali\n\n// Members lists the members of the cell.\nfunc Members() []string { return []string{\"a\", \"b\", \"c\"} }\n",
		"study/other/other.go":   "// Package other is a package no notebook compiles.\npackage other\n\n// N is a number.\nconst N = 1\n",
		"notes/01-bali.md":       "---\ntitle: The cell\ndataset: demo/1.0.0\n---\n\n```go\nm := bali.Members()\nfmt.Println(strings.Join(m, \" \"))\ncell.Claim(\"the cell has three members\", len(m) == 3)\n```\n\nThe cell has `{go} len(m)` members.\n",
		"notes/02-paper.md":      "---\ntitle: Another study's package\n---\n\n```go\nimport (\n\t\"fmt\"\n\t\"github.com/nexus-toolkit/nexus/analysis/paper\"\n)\n\nfmt.Println(paper.Outputs)\n```\n",
		"notes/03-undeclared.md": "---\ntitle: A package the compendium does not declare\n---\n\n```go\nimport \"example.org/bali/study/other\"\n\nfmt.Println(other.N)\n```\n",
	})
	if err := os.CopyFS(filepath.Join(dir, "data", "demo", "1.0.0"), os.DirFS("testdata/root/datasets/demo/1.0.0")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestForeignModule renders the notebook of another module that requires
// the toolkit, with its own module path, study package, dataset directory
// and output directory; refuses the imports it does not allow at the
// import line; and reruns the notebook when its study package changes,
// not when another package of the module does.
func TestForeignModule(t *testing.T) {
	testenv.Short(t, "compiles and runs notebook programs")
	t.Parallel()
	dir := foreignModule(t)
	opt := Options{Root: dir, Packages: []string{"example.org/bali/study/bali"}, Datasets: "data", Out: filepath.Join(dir, "site")}
	log, err := renderWith(t, opt, "notes/01-bali.md")
	if err != nil {
		t.Fatal(err)
	}
	if log != "render notes/01-bali.md: ran\n" {
		t.Errorf("log %q, expected a run", log)
	}
	md, err := os.ReadFile(filepath.Join(dir, "site", "01-bali.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"The cell has 3 members.", "a b c", "the cell has three members", "demo 1.0.0"} {
		if !bytes.Contains(md, []byte(want)) {
			t.Errorf("01-bali.md lacks %q:\n%s", want, md)
		}
	}
	in, err := newInputs(opt, dir)
	if err != nil {
		t.Fatal(err)
	}
	if in.module != "example.org/bali" {
		t.Errorf("module %q, expected example.org/bali from go.mod", in.module)
	}

	for _, tc := range []struct{ file, want string }{
		{"notes/02-paper.md", "notes/02-paper.md:8:3: cell 1: package github.com/nexus-toolkit/nexus/analysis/paper may not be imported in a notebook, expected one of the allowed packages: the study packages example.org/bali/study/bali; "},
		{"notes/03-undeclared.md", "notes/03-undeclared.md:6:9: cell 1: package example.org/bali/study/other may not be imported in a notebook"},
	} {
		if _, err := renderWith(t, opt, tc.file); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, expected %q", tc.file, err, tc.want)
		}
	}

	write(t, dir, map[string]string{"study/other/other.go": "// Package other is a package no notebook compiles.\npackage other\n\n// N is another number.\nconst N = 2\n"})
	if log, err := renderWith(t, opt, "notes/01-bali.md"); err != nil || log != "render notes/01-bali.md: cached\n" {
		t.Errorf("after editing a package the notebook does not compile: log %q, err %v, expected a cache hit", log, err)
	}
	write(t, dir, map[string]string{"study/bali/bali.go": "// Package bali is the study of the test compendium.\npackage bali\n\n// Members lists the members of the cell.\nfunc Members() []string { return []string{\"a\", \"b\", \"c\", \"d\"} }\n"})
	if _, err := renderWith(t, opt, "notes/01-bali.md"); err == nil || !strings.Contains(err.Error(), `notes/01-bali.md:9: cell 1: claim does not hold: "the cell has three members"`) {
		t.Errorf("after editing the study package: err %v, expected the notebook to run again and its claim to fail", err)
	}

	// Its make rules name its study's files and the renderer's, in the
	// toolkit's checkout, and no other package of the module.
	var rules bytes.Buffer
	if err := MakeRules(&rules, opt, "site", filepath.Join(dir, "notes", "01-bali.md")); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"site/01-bali.md site/01-bali.html: go.mod go.sum \\\n", "\tstudy/bali/bali.go", "/analysis/notebook/render.go \\\n", "/analysis/notebook/cell/cell.go \\\n"} {
		if !strings.Contains(rules.String(), want) {
			t.Errorf("the rules lack %q:\n%s", want, rules.String())
		}
	}
	if strings.Contains(rules.String(), "study/other") {
		t.Errorf("the rules name a package the notebook does not compile:\n%s", rules.String())
	}
}

// TestKeyFollowsSource renders two notebooks of one compendium: one of a
// second study that imports the study's package, one that does not.
// Editing the second study's package runs its notebook again and not the
// other; editing a file both programs compile (of the cell API, in a
// package it imports) runs both again; editing a test file or a file the
// build excludes runs neither.
func TestKeyFollowsSource(t *testing.T) {
	testenv.Short(t, "compiles and runs notebook programs")
	t.Parallel()
	root := newRoot(t)
	write(t, root, map[string]string{
		"analysis/second/second.go": "// Package second is a second study.\npackage second\n\n// Answer is the answer.\nfunc Answer() int { return 42 }\n",
		"notebooks/30-second.md":    "---\ntitle: The second study\n---\n\nThe answer is `{go} second.Answer()`.\n",
	})
	opt := Options{Root: root, Out: filepath.Join(root, "out"), Packages: []string{toolkit + "/analysis/second/..."}}
	both := []string{"notebooks/01-demo.md", "notebooks/30-second.md"}
	expect := func(what, want string) {
		t.Helper()
		log, err := renderWith(t, opt, both...)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if log != want {
			t.Errorf("%s: log\n%s\nexpected\n%s", what, log, want)
		}
	}
	expect("first render", "render notebooks/01-demo.md: ran\nrender notebooks/30-second.md: ran\n")
	if md, _ := os.ReadFile(filepath.Join(root, "out", "30-second.md")); !bytes.Contains(md, []byte("The answer is 42.")) {
		t.Errorf("30-second.md:\n%s", md)
	}
	edit := func(rel, add string) {
		t.Helper()
		p := filepath.Join(root, filepath.FromSlash(rel))
		b, err := os.ReadFile(p)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		write(t, root, map[string]string{rel: string(b) + add})
	}
	edit("analysis/second/second.go", "\n// A comment.\n")
	expect("after editing the second study", "render notebooks/01-demo.md: cached\nrender notebooks/30-second.md: ran\n")
	edit("analysis/second/second_test.go", "package second\n")
	edit("analysis/second/other_windows.go", "package second\n\nfunc onWindows() {}\n")
	edit("analysis/table/extra.go", "//go:build ignore\n\npackage table\n")
	expect("after adding a test and excluded files", "render notebooks/01-demo.md: cached\nrender notebooks/30-second.md: cached\n")
	edit("analysis/table/table.go", "\n// A comment.\n")
	expect("after editing a package of the cell API", "render notebooks/01-demo.md: ran\nrender notebooks/30-second.md: ran\n")
}

// TestResolve: a cell's unimported package names resolve from the
// allowlist, by the symbols used where several allowed packages share a
// name (csv: encoding/csv, not graph/encoding/csv; rand: math/rand/v2 for
// IntN); a name no allowed package has stays unresolved; the cell's own
// imports stay.
func TestResolve(t *testing.T) {
	testenv.Short(t, "lists packages with the go command")
	t.Parallel()
	root := newRoot(t)
	in, err := newInputs(Options{Root: root}, root)
	if err != nil {
		t.Fatal(err)
	}
	src := "---\ntitle: T\n---\n\n```go\nimport gobuild \"go/build\"\n\nr := csv.NewReader(strings.NewReader(\"a\"))\nx := rand.IntN(3)\nfmt.Println(r, x, exec.Command, plotter.Values{}, dataframe.New, gobuild.Default)\n```\n"
	nb, err := Parse(root, "notebooks/t.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	saved := checkProgram
	checkProgram = func(allowlist, *Notebook, string, string, []byte) error { return nil }
	defer func() { checkProgram = saved }()
	_, paths, err := in.program(nb)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(paths, " ")
	want := "github.com/nexus-toolkit/nexus/analysis/notebook/cell go/build encoding/csv fmt github.com/go-gota/gota/dataframe gonum.org/v1/plot/plotter math/rand/v2 strings"
	if got != want {
		t.Errorf("imports\n%s\nexpected\n%s", got, want)
	}
	// rand.IntN is math/rand/v2's only, so that rand is chosen over
	// math/rand; exec (os/exec) is not allowed and stays undefined.
}

// TestMakeRules writes the make rules of two notebooks of one compendium,
// one of a second study, and runs make with them and a pattern rule like
// the Makefile's: after the first make, editing the second study's
// package remakes its notebook only, and editing a file of the cell API
// remakes both.
func TestMakeRules(t *testing.T) {
	testenv.Short(t, "lists the packages of notebooks with the go command")
	t.Parallel()
	mk := testenv.LookPath(t, "make", "make")
	root := newRoot(t)
	write(t, root, map[string]string{
		"analysis/second/second.go": "// Package second is a second study.\npackage second\n\n// Answer is the answer.\nfunc Answer() int { return 42 }\n",
		"notebooks/30-second.md":    "---\ntitle: The second study\n---\n\nThe answer is `{go} second.Answer()`.\n",
		"Makefile": "FIGURES := out\nall: $(FIGURES)/notebooks/01-demo.md $(FIGURES)/notebooks/30-second.md\ninclude notebooks.mk\n" +
			"$(FIGURES)/notebooks/%.md $(FIGURES)/notebooks/%.html: notebooks/%.md\n\t@echo render $<\n\t@mkdir -p $(@D) && touch $(FIGURES)/notebooks/$*.md $(FIGURES)/notebooks/$*.html\n",
	})
	opt := Options{Root: root, Packages: []string{toolkit + "/analysis/second/..."}}
	var rules bytes.Buffer
	if err := MakeRules(&rules, opt, "$(FIGURES)/notebooks", filepath.Join(root, "notebooks", "01-demo.md"), filepath.Join(root, "notebooks", "30-second.md")); err != nil {
		t.Fatal(err)
	}
	write(t, root, map[string]string{"notebooks.mk": rules.String()})
	for _, want := range []string{
		"\n$(FIGURES)/notebooks/30-second.md $(FIGURES)/notebooks/30-second.html: go.mod go.sum \\\n",
		"\tanalysis/second/second.go \\\n",
		"\tanalysis/notebook/cell/cell.go \\\n",
	} {
		if !strings.Contains(rules.String(), want) {
			t.Errorf("the rules lack %q:\n%s", want, rules.String())
		}
	}
	demo, _, _ := strings.Cut(rules.String(), "30-second.md $(FIGURES)")
	if strings.Contains(demo, "analysis/second/") {
		t.Errorf("01-demo's rule names the second study:\n%s", demo)
	}
	run := func(what, want string, touch ...string) {
		t.Helper()
		for _, f := range touch {
			// Later than every file make wrote before.
			now := time.Now()
			if err := os.Chtimes(filepath.Join(root, filepath.FromSlash(f)), now, now); err != nil {
				t.Fatal(err)
			}
		}
		cmd := exec.Command(mk, "-s")
		cmd.Dir = root
		cmd.Env = testenv.Environ()
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: make: %v\n%s", what, err, out)
		}
		if string(out) != want {
			t.Errorf("%s: make printed\n%s\nexpected\n%s", what, out, want)
		}
	}
	run("first make", "render notebooks/01-demo.md\nrender notebooks/30-second.md\n")
	run("second make", "")
	run("after editing the second study", "render notebooks/30-second.md\n", "analysis/second/second.go")
	run("after editing the cell API", "render notebooks/01-demo.md\nrender notebooks/30-second.md\n", "analysis/notebook/cell/cell.go")
}
