package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/study"
	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// paperFile is the plain-text copy of the paper beside the clone, under
// testenv.PaperDir (CI has it; a fork opts out with NEXUS_WITHOUT_PAPER).
const paperFile = "ullah-bano-2025-ttp-regional-alliances.txt"

// runQuotes runs `nexus quotes` and returns its exit code and output.
func runQuotes(t *testing.T, args ...string) (int, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := exit(&stderr, run(&stdout, &stderr, append([]string{"quotes"}, args...)))
	return code, stdout.String() + stderr.String()
}

// TestQuotesAgainstPaper: every quote of every dataset version is on its
// page of the paper, whether its pages are marked by the running header
// or, as pdftotext writes them, by form feeds.
func TestQuotesAgainstPaper(t *testing.T) {
	paper := testenv.Paper(t, paperFile, "the quotes of the dataset are checked against the paper")
	b, err := os.ReadFile(paper)
	if err != nil {
		t.Fatal(err)
	}
	ff := filepath.Join(t.TempDir(), "paper-ff.txt")
	text := strings.Replace(string(b), study.PageMark, "", 1)
	if err := os.WriteFile(ff, []byte(strings.ReplaceAll(text, study.PageMark, "\f")), 0o644); err != nil {
		t.Fatal(err)
	}
	dirs, _ := filepath.Glob("../../datasets/ttp-alliances/v*")
	if len(dirs) == 0 {
		t.Fatal("no dataset versions")
	}
	for _, dir := range dirs {
		for _, copy := range []string{paper, ff} {
			code, out := runQuotes(t, "-paper", copy, dir)
			if code != 0 || !strings.Contains(out, "quotes verbatim on their page") {
				t.Errorf("%s against %s: exit %d\n%s", dir, copy, code, out)
			}
		}
	}
}

// TestQuotesCatchOneWord: a one-word change to the paper fails the check,
// and the report names the row's file and line and the page.
func TestQuotesCatchOneWord(t *testing.T) {
	paper := testenv.Paper(t, paperFile, "the quotes of the dataset are checked against the paper")
	b, err := os.ReadFile(paper)
	if err != nil {
		t.Fatal(err)
	}
	// events.csv line 13 quotes page 1: "After the Taliban regained control in Afghanistan in August 2021".
	const was, now = "Taliban regained control", "Taliban retook control"
	if !bytes.Contains(b, []byte(was)) {
		t.Fatalf("the paper no longer reads %q", was)
	}
	changed := filepath.Join(t.TempDir(), "paper.txt")
	if err := os.WriteFile(changed, bytes.Replace(b, []byte(was), []byte(now), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out := runQuotes(t, "-paper", changed, "../../datasets/ttp-alliances/v1.0.0")
	want := "../../datasets/ttp-alliances/v1.0.0/events.csv:13: page 1: quote not found"
	if code != 1 || !strings.Contains(out, want) {
		t.Errorf("exit %d, want 1 and a line %q; got:\n%s", code, want, out)
	}
}

// TestQuotesUsage: no paper is a usage error; a PDF gets the pdftotext route.
func TestQuotesUsage(t *testing.T) {
	if code, _ := runQuotes(t); code != 2 {
		t.Errorf("no -paper: exit %d, want 2", code)
	}
	var stdout, stderr bytes.Buffer
	err := run(&stdout, &stderr, []string{"quotes", "-paper", "paper.pdf"})
	if err == nil || !strings.Contains(err.Error(), "pdftotext") {
		t.Errorf("PDF: err = %v, want the pdftotext route", err)
	}
}
