package bib

import (
	"bytes"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// exportFiles writes the dataset's references to dir as refs.bib and
// refs.json and returns the entries.
func exportFiles(t *testing.T, dir string) []Entry {
	t.Helper()
	es := loadEntries(t)
	for name, f := range map[string]func(*bytes.Buffer) error{
		"refs.bib":  func(b *bytes.Buffer) error { return WriteBibTeX(b, es) },
		"refs.json": func(b *bytes.Buffer) error { return WriteCSLJSON(b, es) },
	} {
		if err := os.WriteFile(filepath.Join(dir, name), write(t, f), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return es
}

// run runs a program in dir and returns its combined output; it fails
// the test when the program fails.
func run(t *testing.T, dir, prog string, args ...string) string {
	t.Helper()
	cmd := exec.Command(prog, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", filepath.Base(prog), strings.Join(args, " "), err, out)
	}
	return string(out)
}

// TestBibTeXNoWarning reads the dataset's export with BibTeX itself, in
// the standard plain and apalike styles, citing every entry: BibTeX must
// report no warning at all (no "Warning--" line, no "(There was 1
// warning)") and set every entry.
func TestBibTeXNoWarning(t *testing.T) {
	testenv.Short(t, "runs bibtex")
	bibtex := testenv.LookPath(t, "bibtex", "texlive-binaries")
	dir := t.TempDir()
	es := exportFiles(t, dir)
	for _, style := range []string{"plain", "apalike"} {
		aux := fmt.Sprintf("\\relax\n\\citation{*}\n\\bibstyle{%s}\n\\bibdata{refs}\n", style)
		if err := os.WriteFile(filepath.Join(dir, style+".aux"), []byte(aux), 0o644); err != nil {
			t.Fatal(err)
		}
		out := run(t, dir, bibtex, style)
		if strings.Contains(strings.ToLower(out), "warning") {
			t.Errorf("bibtex (%s.bst) warns:\n%s", style, out)
		}
		bbl, err := os.ReadFile(filepath.Join(dir, style+".bbl"))
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(string(bbl), `\bibitem`); n != len(es) {
			t.Errorf("bibtex (%s.bst) set %d entries, want %d", style, n, len(es))
		}
	}
}

// TestBiberDatamodel validates the dataset's export against biblatex's
// data model with biber --tool --validate-datamodel: every entry has the
// fields its type requires and no field its type does not know, so biber
// must report no warning and no error.
func TestBiberDatamodel(t *testing.T) {
	testenv.Short(t, "runs biber")
	biber := testenv.LookPath(t, "biber", "biber")
	dir := t.TempDir()
	exportFiles(t, dir)
	out := run(t, dir, biber, "--tool", "--validate-datamodel", "--output-file", "checked.bib", "refs.bib")
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "WARN") || strings.Contains(line, "ERROR") {
			t.Errorf("biber: %s", line)
		}
	}
	if !strings.Contains(out, "Output to checked.bib") {
		t.Errorf("biber wrote no output:\n%s", out)
	}
}

// cslEntry matches one entry of a bibliography as Pandoc's citeproc
// writes it in HTML.
var cslEntry = regexp.MustCompile(`(?s)<div id="ref-([^"]+)" class="csl-entry"[^>]*>\s*(.*?)\s*</div>`)

// noSpans removes the spans that change nothing in how an entry is
// printed: plain ones and nocase ones (the protected text of BibTeX's
// braces and CSL-JSON's nocase markup, already printed as it is). Spans
// with a style keep their opening tag, so a difference in style remains.
var noSpans = strings.NewReplacer(`<span>`, "", `<span class="nocase">`, "", `</span>`, "")

// citeproc renders the bibliography of every entry of the file at path
// with Pandoc's citeproc and its default style (Chicago author-date) and
// returns the keys in the bibliography's order and each entry's HTML.
func citeproc(t *testing.T, pandoc, dir, path string) ([]string, map[string]string) {
	t.Helper()
	doc := filepath.Join(dir, "nocite.md")
	if err := os.WriteFile(doc, []byte("---\nnocite: \"@*\"\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := run(t, dir, pandoc, "--citeproc", "--bibliography", path, "-t", "html", "--wrap=none", doc)
	var keys []string
	byKey := map[string]string{}
	for _, m := range cslEntry.FindAllStringSubmatch(out, -1) {
		keys = append(keys, m[1])
		byKey[m[1]] = noSpans.Replace(m[2])
	}
	return keys, byKey
}

// TestCiteprocSame renders the BibTeX and the CSL-JSON export with
// Pandoc's citeproc in the same style and compares the bibliographies
// entry by entry and in order. They must be identical, titles' capitals
// and the @misc entries (web pages, news items without an author)
// included, and every entry must print its title and any address.
func TestCiteprocSame(t *testing.T) {
	testenv.Short(t, "runs pandoc's citeproc")
	pandoc := testenv.LookPath(t, "pandoc", "pandoc")
	dir := t.TempDir()
	es := exportFiles(t, dir)
	bibKeys, fromBib := citeproc(t, pandoc, dir, "refs.bib")
	cslKeys, fromCSL := citeproc(t, pandoc, dir, "refs.json")
	if len(bibKeys) != len(es) || len(cslKeys) != len(es) {
		t.Fatalf("rendered %d entries from BibTeX and %d from CSL-JSON, want %d", len(bibKeys), len(cslKeys), len(es))
	}
	misc := 0
	for _, e := range es {
		b, c := fromBib[e.Key], fromCSL[e.Key]
		if typ, _ := bibType(e); typ == "misc" {
			misc++
		}
		if b != c {
			t.Errorf("%s renders differently\n BibTeX:   %s\n CSL-JSON: %s", e.Key, b, c)
		}
		for _, s := range []string{html.EscapeString(strings.ReplaceAll(e.Title, "'", "’")), html.EscapeString(e.URL)} {
			if !strings.Contains(b, s) {
				t.Errorf("%s: %q missing from %s", e.Key, s, b)
			}
		}
	}
	if strings.Join(bibKeys, " ") != strings.Join(cslKeys, " ") {
		t.Errorf("order differs:\n BibTeX:   %v\n CSL-JSON: %v", bibKeys, cslKeys)
	}
	if misc == 0 {
		t.Error("the dataset has no @misc entry, so the test no longer covers them")
	}
	t.Logf("%d entries render identically; %d of them are @misc in BibTeX", len(es), misc)
}

// TestBiblatexAPA typesets the dataset's export with biblatex-apa
// (pdflatex, biber, pdflatex twice), with BiblatexAPASourcemap in the
// preamble, and reads the PDF back: no entry may print a bracketed
// "[newspaper]" after its title, every news item prints its full date as
// the reference list does ("(2023, July 29)"), and biber warns of
// nothing.
func TestBiblatexAPA(t *testing.T) {
	testenv.Short(t, "runs pdflatex and biber")
	pdflatex := testenv.LookPath(t, "pdflatex", "texlive-latex-base")
	biber := testenv.LookPath(t, "biber", "biber")
	pdftotext := testenv.LookPath(t, "pdftotext", "poppler-utils")
	kpsewhich := testenv.LookPath(t, "kpsewhich", "texlive-binaries")
	if out, err := exec.Command(kpsewhich, "apa.bbx").Output(); err != nil || len(bytes.TrimSpace(out)) == 0 {
		testenv.Missing(t, "biblatex-apa's apa.bbx not found by kpsewhich (apt-get install texlive-bibtex-extra)")
	}
	dir := t.TempDir()
	es := exportFiles(t, dir)
	doc := `\documentclass{article}
\usepackage[american]{babel}
\usepackage{csquotes}
\usepackage[style=apa]{biblatex}
` + BiblatexAPASourcemap + `
\addbibresource{refs.bib}
\raggedright\hyphenpenalty=10000\exhyphenpenalty=10000
\begin{document}
\nocite{*}
\printbibliography
\end{document}
`
	if err := os.WriteFile(filepath.Join(dir, "apa.tex"), []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	latex := []string{"-interaction=nonstopmode", "-halt-on-error", "apa.tex"}
	run(t, dir, pdflatex, latex...)
	if out := run(t, dir, biber, "apa"); strings.Contains(out, "WARN") || strings.Contains(out, "ERROR") {
		t.Errorf("biber warns:\n%s", out)
	}
	run(t, dir, pdflatex, latex...)
	run(t, dir, pdflatex, latex...)
	run(t, dir, pdftotext, "apa.pdf", "apa.txt")
	txt, err := os.ReadFile(filepath.Join(dir, "apa.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(txt)), " ")
	if strings.Contains(text, "[newspaper]") {
		t.Errorf("biblatex-apa prints [newspaper]:\n%s", text)
	}
	news := 0
	for _, e := range es {
		if e.Kind != "news" || e.Day == 0 {
			continue
		}
		news++
		if date := "(" + e.DateAsPrinted + ")"; !strings.Contains(text, date) {
			t.Errorf("%s: biblatex-apa does not print the date %s", e.Key, date)
		}
	}
	if news == 0 {
		t.Error("no news item with a full date in the dataset: the test checks nothing")
	}
}
