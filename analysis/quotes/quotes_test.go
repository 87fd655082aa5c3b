package quotes

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/datapkg"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

func TestSplitFormFeeds(t *testing.T) {
	p, err := Split("one\n two\fthree\f", SplitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Pages() != 2 || p.Page(1) != "one two" || p.Page(2) != "three" || p.Page(3) != "" || p.Page(0) != "" {
		t.Errorf("pages %d: %q %q", p.Pages(), p.Page(1), p.Page(2))
	}
}

func TestSplitPageMark(t *testing.T) {
	text := "cover\nHEAD\npage one\n  HEAD  \npage\ttwo\nHEADER is not a mark\n"
	p, err := Split(text, SplitOptions{PageMark: "HEAD"})
	if err != nil {
		t.Fatal(err)
	}
	if p.Pages() != 2 || p.Page(1) != "page one" || p.Page(2) != "page two HEADER is not a mark" {
		t.Errorf("pages %d: %q %q", p.Pages(), p.Page(1), p.Page(2))
	}
	if _, err := Split(text, SplitOptions{PageMark: "nowhere"}); !errors.Is(err, ErrNoPages) {
		t.Errorf("missing mark: err = %v, want ErrNoPages", err)
	}
	if _, err := Split(text, SplitOptions{}); !errors.Is(err, ErrNoPages) {
		t.Errorf("no form feeds: err = %v, want ErrNoPages", err)
	}
}

func TestContains(t *testing.T) {
	p, _ := Split("alpha beta\n gamma\fdelta epsilon\f", SplitOptions{})
	for _, c := range []struct {
		text        string
		first, last int
		want        bool
	}{
		{"beta gamma", 1, 1, true},
		{"beta  \n gamma", 1, 1, true},
		{"Beta gamma", 1, 1, false}, // letter case counts
		{"gamma delta", 1, 1, false},
		{"gamma delta", 1, 2, true}, // over the page break
		{"delta", 1, 1, false},
		{"delta", 0, 2, false}, // no page 0
		{"delta", 2, 3, false}, // no page 3
		{"delta", 2, 1, false},
		// White space only quotes nothing (issue 19 item 9).
		{" ", 1, 1, false},
		{"\u00a0\u202f", 1, 2, false},
		{"\t\r\n", 1, 1, false},
		{"", 1, 1, false},
	} {
		if got := p.Contains(c.text, c.first, c.last); got != c.want {
			t.Errorf("Contains(%q, %d, %d) = %v, want %v", c.text, c.first, c.last, got, c.want)
		}
	}
	if p.Find("epsilon") != 2 || p.Find("zeta") != 0 || p.Find("\u00a0") != 0 {
		t.Errorf("Find: %d %d", p.Find("epsilon"), p.Find("zeta"))
	}
}

func TestReadFileRefusesPDF(t *testing.T) {
	_, err := ReadFile("paper.PDF", SplitOptions{})
	if err == nil || !strings.Contains(err.Error(), "pdftotext") {
		t.Errorf("err = %v, want the pdftotext route", err)
	}
}

// TestCheck checks the example package against the example paper and
// compares the misses with testdata/check.golden.
func TestCheck(t *testing.T) {
	pkg, err := datapkg.Read(filepath.Join("testdata", "pkg"))
	if err != nil {
		t.Fatal(err)
	}
	paper, err := ReadFile(filepath.Join("testdata", "paper.txt"), SplitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	rep := Check(pkg, paper, Conventional(pkg))
	var b strings.Builder
	for _, m := range rep.Misses {
		b.WriteString(m.String() + "\n")
	}
	if rep.Checked != 6 {
		t.Errorf("checked %d quotes, want 6", rep.Checked)
	}
	golden(t, "check.golden", b.String())
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("%s differs (go test ./analysis/quotes -update):\ngot:\n%s\nwant:\n%s", name, got, want)
	}
}
