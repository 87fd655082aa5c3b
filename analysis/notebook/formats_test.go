package notebook

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// convertScript is the conversion `make formats` runs.
var convertScript = filepath.Join("..", "..", "notebooks", "pandoc", "convert")

// formatsTools stops the test through testenv.Missing (a failure in CI)
// unless every program the conversion and its checks need is installed.
func formatsTools(t *testing.T) {
	t.Helper()
	testenv.LookPath(t, "pandoc", "pandoc")
	testenv.LookPath(t, "pdflatex", "texlive-latex-base texlive-latex-recommended texlive-latex-extra lmodern")
	testenv.LookPath(t, "rsvg-convert", "librsvg2-bin")
	testenv.LookPath(t, "pdftotext", "poppler-utils")
	testenv.LookPath(t, "bash", "bash")
}

// convert runs the conversion of the notebooks mds into out.
func convert(t *testing.T, out string, mds ...string) (string, error) {
	t.Helper()
	cmd := exec.Command("bash", append([]string{convertScript, out}, mds...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	return stderr.String(), err
}

// TestFormatsRepository converts every notebook rendered in the
// repository's figures/notebooks to PDF (pandoc with pdflatex) and DOCX
// with the conversion of `make formats`, fails on any pandoc or LaTeX
// error, and reads each result back: the PDF's text (pdftotext) and the
// DOCX's (pandoc) must hold the notebook's title, and a minus sign
// (U+2212) of the Markdown must still be in the PDF, not dropped.
func TestFormatsRepository(t *testing.T) {
	formatsTools(t)
	if testing.Short() {
		testenv.Missing(t, "-short was given; the PDF and DOCX conversion of the notebooks did not run")
	}
	t.Parallel()
	mds, _ := filepath.Glob(filepath.Join("..", "..", "figures", "notebooks", "*.md"))
	if len(mds) == 0 {
		testenv.Missing(t, "no rendered notebooks under figures/notebooks (run make)")
	}
	out := t.TempDir()
	if log, err := convert(t, out, mds...); err != nil {
		t.Fatalf("the conversion failed: %v\n%s", err, log)
	}
	for _, md := range mds {
		src, err := os.ReadFile(md)
		if err != nil {
			t.Fatal(err)
		}
		title := ""
		for _, l := range strings.Split(string(src), "\n") {
			if h, ok := strings.CutPrefix(l, "# "); ok {
				title = h
				break
			}
		}
		// The title's first words, as pdftotext and pandoc give them back.
		words := strings.Fields(title)
		if len(words) > 3 {
			words = words[:3]
		}
		want := strings.Join(words, " ")
		name := strings.TrimSuffix(filepath.Base(md), ".md")
		pdf, err := exec.Command("pdftotext", "-enc", "UTF-8", filepath.Join(out, name+".pdf"), "-").Output()
		if err != nil {
			t.Errorf("%s.pdf: pdftotext: %v", name, err)
		}
		if !strings.Contains(string(pdf), want) {
			t.Errorf("%s.pdf: the text does not hold the title %q", name, want)
		}
		if strings.Contains(string(src), "\u2212") && !strings.Contains(string(pdf), "\u2212") {
			t.Errorf("%s.pdf: the Markdown has minus signs (U+2212), the PDF none", name)
		}
		docx, err := exec.Command("pandoc", "-f", "docx", "-t", "plain", filepath.Join(out, name+".docx")).Output()
		if err != nil {
			t.Errorf("%s.docx: pandoc cannot read it back: %v", name, err)
		}
		if !strings.Contains(strings.Join(strings.Fields(string(docx)), " "), want) {
			t.Errorf("%s.docx: the text does not hold the title %q", name, want)
		}
		t.Logf("%s: PDF (%d characters of text) and DOCX written and read back", name, len(pdf))
	}
}

// TestFormatsFails makes sure the conversion reports a pandoc error, with
// the notebook's name, and leaves no output for it: a notebook whose
// figure is missing cannot be converted to PDF.
func TestFormatsFails(t *testing.T) {
	testenv.Short(t, "runs pandoc")
	t.Parallel()
	formatsTools(t)
	dir := t.TempDir()
	md := filepath.Join(dir, "99-broken.md")
	os.WriteFile(md, []byte("# Broken\n\n![Figure](99-broken/missing.svg)\n"), 0o644)
	out := filepath.Join(dir, "out")
	log, err := convert(t, out, md)
	if err == nil {
		t.Fatal("the conversion of a notebook with a missing figure succeeded")
	}
	if !strings.Contains(log, "99-broken.md: pandoc to pdf failed") {
		t.Errorf("the error does not name the notebook and the format:\n%s", log)
	}
	if _, err := os.Stat(filepath.Join(out, "99-broken.pdf")); err == nil {
		t.Error("a failed conversion left a PDF")
	}
	left, _ := filepath.Glob(filepath.Join(out, "*.tmp.*"))
	if len(left) > 0 {
		t.Errorf("a failed conversion left %v", left)
	}
}
