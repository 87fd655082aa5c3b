package bib

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// hostile are entries whose values try to break out of their field or
// entry: closing braces that would end the field (and the entry) and
// start a planted one, a journal ending in a brace that would swallow the
// fields after it, quotes, @, % and backslashes.
var hostile = []Entry{
	{Key: "title2020", Kind: "journal-article", Authors: []Name{{Family: "Able", Given: "A."}}, Year: 2020,
		Title: `Break out}}}@misc(forged, title={planted}) and more`, Container: "Journal of Tests", Volume: "3", Pages: "1–9", DOI: "10.1000/x"},
	{Key: "journal2021", Kind: "journal-article", Authors: []Name{{Family: "Baker", Given: "B."}}, Year: 2021,
		Title: "A plain title", Container: "Ends in a brace}", Volume: "7", Issue: "2", Pages: "10–20", DOI: "10.1000/y"},
	{Key: "author2022", Kind: "report", Authors: []Name{{Literal: `Org} and {Other`}}, Year: 2022,
		Title: `Percent % and "quotes" and @at and \backslash{`, Publisher: `Pub}lisher`},
}

// TestBibTeXHostile writes the hostile entries and reads them back with
// real BibTeX (plain style, \nocite{*}): exactly those entries come back,
// none planted, none lost, with the fields after a hostile value (year,
// volume, pages, DOI) kept, and BibTeX reports no error.
func TestBibTeXHostile(t *testing.T) {
	testenv.Short(t, "runs bibtex")
	bibtex := testenv.LookPath(t, "bibtex", "texlive-binaries")
	dir := t.TempDir()
	var b bytes.Buffer
	if err := WriteBibTeX(&b, hostile); err != nil {
		t.Fatal(err)
	}
	if n, m := strings.Count(b.String(), "{"), strings.Count(b.String(), "}"); n != m {
		t.Errorf("%d opening and %d closing braces: BibTeX counts them all", n, m)
	}
	if err := os.WriteFile(filepath.Join(dir, "refs.bib"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	aux := "\\relax\n\\citation{*}\n\\bibstyle{plain}\n\\bibdata{refs}\n"
	if err := os.WriteFile(filepath.Join(dir, "doc.aux"), []byte(aux), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bibtex, "doc")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("bibtex: %v\n%s\n%s", err, out, b.String())
	}
	bbl, err := os.ReadFile(filepath.Join(dir, "doc.bbl"))
	if err != nil {
		t.Fatal(err)
	}
	items := strings.Count(string(bbl), `\bibitem{`)
	if items != len(hostile) || strings.Contains(string(bbl), `\bibitem{forged}`) {
		t.Errorf("BibTeX read %d entries (want %d, none planted):\n%s", items, len(hostile), bbl)
	}
	for _, e := range hostile {
		if !strings.Contains(string(bbl), `\bibitem{`+e.Key+`}`) {
			t.Errorf("entry %s lost", e.Key)
		}
	}
	// The fields after a hostile value survive: the years, the second
	// entry's volume and pages.
	for _, want := range []string{"2020", "2021", "2022", "7(2):10--20"} {
		if !strings.Contains(string(bbl), want) {
			t.Errorf("the bibliography lacks %q:\n%s", want, bbl)
		}
	}
	if blg, _ := os.ReadFile(filepath.Join(dir, "doc.blg")); bytes.Contains(blg, []byte("error message")) {
		t.Errorf("BibTeX reports errors:\n%s", blg)
	}
}

// TestBibTeXKeys: a key BibTeX would misread is refused.
func TestBibTeXKeys(t *testing.T) {
	for _, key := range []string{"", "a b", "a,b", "a}b", "a{b", `a"b`, "a%b", "a#b", "a=b", "a(b"} {
		if err := WriteBibTeX(&bytes.Buffer{}, []Entry{{Key: key, Title: "t"}}); err == nil {
			t.Errorf("key %q accepted", key)
		}
	}
	if err := WriteBibTeX(&bytes.Buffer{}, []Entry{{Key: "akhtar-ahmed2023:x_1", Title: "t"}}); err != nil {
		t.Errorf("a plain key refused: %v", err)
	}
}
