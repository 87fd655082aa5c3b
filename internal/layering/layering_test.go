package layering

import (
	"reflect"
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/internal/testenv"
)

const m = Module + "/analysis/"

// TestCheck runs the checker on a made-up module with one violation of
// each kind: a direct import, an indirect one (through two other core
// packages), an in-package and an external test import, and an import
// path, a pattern and a tree (a path that is no package, as an allowlist
// names one) written in strings; a package that reaches the study layer
// in two ways has two violations. Around them are what must pass: a test
// import of a core package, a string naming a core package or a tree of
// them, a core package whose dependency has a study-layer test import
// (tests are not linked into it), a study package importing the engine
// and the engine importing the core. newpkg is in neither list.
func TestCheck(t *testing.T) {
	pkgs := []Package{
		{ImportPath: m + "table", Imports: []string{m + "bib", "strings"}},
		{ImportPath: m + "bib", Imports: []string{m + "datapkg"}},
		{ImportPath: m + "datapkg", Imports: []string{m + "paper"}},
		{ImportPath: m + "paper", Imports: []string{m + "study"}},
		{ImportPath: m + "study", Imports: []string{m + "build"}},
		{ImportPath: m + "build", Imports: []string{"os"}, TestImports: []string{m + "figure"}, Strings: []string{m + "frame"}},
		{ImportPath: m + "figure", TestImports: []string{m + "study"}},
		{ImportPath: m + "frame", Imports: []string{m + "figure"}},
		{ImportPath: m + "quotes", XTestImports: []string{m + "quotes", m + "synthcoding"}},
		{ImportPath: m + "synthcoding", Imports: []string{m + "compendium"}},
		{ImportPath: m + "compendium", TestImports: []string{m + "synthcoding"}},
		{ImportPath: m + "cli", Imports: []string{m + "compendium"}},
		{ImportPath: m + "safefile", Strings: []string{m + "paper"}},
		{ImportPath: m + "graph", Strings: []string{Module + "/analysis/..."}},
		{ImportPath: m + "graph/network", Strings: []string{m + "graph/..."}},
		{ImportPath: m + "notebook/cell", Imports: []string{m + "paper"}, TestImports: []string{m + "study"}},
		{ImportPath: m + "figure/svg", Strings: []string{Module + "/analysis"}},
		{ImportPath: m + "figure/pdf", Strings: []string{m + "graph/encoding"}},
		{ImportPath: m + "newpkg"},
		{ImportPath: Module + "/cmd/nexus", Imports: []string{m + "study"}},
	}
	v, u := Check(pkgs)
	want := []string{
		m + "bib -> " + m + "datapkg -> " + m + "paper",
		m + "compendium -> " + m + "synthcoding (test import)",
		m + "datapkg -> " + m + "paper",
		m + "figure -> " + m + "study (test import)",
		m + "figure/svg -> " + Module + "/analysis/... (string)",
		m + "graph -> " + Module + "/analysis/... (string)",
		m + "notebook/cell -> " + m + "paper",
		m + "notebook/cell -> " + m + "study (test import)",
		m + "quotes -> " + m + "synthcoding (test import)",
		m + "safefile -> " + m + "paper (string)",
		m + "table -> " + m + "bib -> " + m + "datapkg -> " + m + "paper",
	}
	var got []string
	for _, x := range v {
		got = append(got, x.String())
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("violations\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !reflect.DeepEqual(u, []string{m + "newpkg"}) {
		t.Errorf("unclassified %v, want newpkg", u)
	}
	if !Match(m+"qda/...", m+"qda") || !Match(m+"qda/...", m+"qda/refi") || Match(m+"qda/...", m+"qdax") || Match(m+"bib", m+"bib/x") {
		t.Error("Match")
	}
}

// TestPathsInSource finds the import paths of the module in the string
// literals of a Go file, and nothing else.
func TestPathsInSource(t *testing.T) {
	src := "package p\n" +
		"import \"" + Module + "/analysis/bib\"\n" + // an import: go list reports it
		"// " + m + "study in a comment is no string\n" +
		"var args = []string{\"list\", \"-deps\", \"" + m + "qda/...\"}\n" +
		"var allow = map[string]bool{`" + m + "graph`: true}\n" +
		"const prog = \"package main\\nimport (\\n\\t\\\"fmt\\\"\\n\\t\\\"" + m + "study\\\"\\n)\"\n" +
		"var msg = \"see " + m + "paper.\"\n" +
		"var prefix = \"" + m + "\" + name\n" +
		"var other = \"github.com/nexus-toolkit/nexusx/a example.org/" + m + "\"\n"
	got, err := PathsInSource("p.go", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{m + "qda/...", m + "graph", m + "study", m + "paper"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if _, err := PathsInSource("bad.go", []byte("package")); err == nil {
		t.Error("a file that does not parse: no error")
	}
}

// TestLayering: no core package, with its tests and the import paths in
// its strings, reaches the study layer, except the listed ones, each of
// which still does; every package under analysis/ is classified.
func TestLayering(t *testing.T) {
	gobin := testenv.LookPath(t, "go", "golang-go")
	pkgs, err := Load(gobin, "../..", Module+"/...")
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for _, p := range pkgs {
		found[p.ImportPath] = len(p.Imports) > 0
	}
	// The patterns must match the module, or the test proves nothing.
	if !found[m+"bib"] || !found[m+"qda"] || !found[m+"study"] {
		t.Fatalf("go list found no import graph for bib, qda and study: %d packages", len(pkgs))
	}
	v, unclassified := Check(pkgs)
	bad := map[string]bool{}
	for _, x := range v {
		bad[x.Key()] = true
		if why, ok := Exceptions[x.Key()]; ok {
			t.Logf("known exception: %s (%s)", x, why)
			continue
		}
		t.Errorf("core package reaches the study layer: %s; expected no import, test import or import path in a string of %s", x, strings.Join(Study, ", "))
	}
	for p := range Exceptions {
		if !bad[p] {
			t.Errorf("%s is listed in Exceptions but no longer reaches the study layer that way (or no longer exists): remove it from internal/layering", p)
		}
	}
	for _, p := range unclassified {
		t.Errorf("%s is neither core nor study layer: add it to Core or Study in internal/layering", p)
	}
}
