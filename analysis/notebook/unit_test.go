package notebook

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/bib"
)

func TestParse(t *testing.T) {
	src := "---\ntitle: T\ndataset:\n  name: demo\n  version: 1.0.0\n---\n\nProse.\n\n```text\nnot a cell\n```\n\n" +
		"```{go}\n//| label: fig-a\n//| caption: \"A: quoted\"\n//| echo: false\nx := 1\n```\n\n````go\n//| eval: false\ny := \"```\"\n````\n"
	nb, err := Parse("testdata/root", "notebooks/t.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if nb.Title != "T" || nb.Dataset != "datasets/demo/1.0.0" || nb.Name != "t" {
		t.Errorf("front matter: %q %q %q", nb.Title, nb.Dataset, nb.Name)
	}
	if len(nb.Cells) != 2 || len(nb.Blocks) != 3 {
		t.Fatalf("%d cells, %d blocks, expected 2 and 3", len(nb.Cells), len(nb.Blocks))
	}
	c := nb.Cells[0]
	if c.Label != "fig-a" || c.Caption != "A: quoted" || c.Echo || !c.Eval || !c.Output || c.Line != 14 || c.CodeLine != 18 || c.Code != "x := 1\n" {
		t.Errorf("cell 1: %+v", *c)
	}
	if c := nb.Cells[1]; c.Eval || c.Code != "y := \"```\"\n" || c.CodeLine != 23 {
		t.Errorf("cell 2: %+v", *c)
	}
	if !strings.Contains(nb.Blocks[0].Prose, "```text\nnot a cell\n```") || nb.Blocks[0].Line != 7 {
		t.Errorf("prose block: line %d %q", nb.Blocks[0].Line, nb.Blocks[0].Prose)
	}
}

func TestParseProblems(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"no front matter\n", "n.md:1: no front matter"},
		{"---\ntitle: T\n", "n.md:1: front matter is not closed"},
		{"---\ndataset: x\n---\n", "n.md:1: front matter has no title"},
		{"---\ntitle: T\nauthor: A\n---\n", "n.md:3: front matter: field author not found, expected title, dataset, timeout and max-output"},
		{"---\ntitle: T\n---\n```go\n//| label: fig-a\nx := 1\n```\n```go\n//| label: fig-a\n```\n", `n.md:9: label "fig-a" is already used at line 5`},
		{"---\ntitle: T\n---\n```go\n//|label\n```\n", `n.md:5: cell option "//|label" is malformed`},
		{"---\ntitle: T\n---\n```go\nx := 1\n", "n.md:4: code block is not closed"},
	} {
		_, err := Parse("testdata/root", "n.md", []byte(tc.src))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Parse(%q) = %v, expected %q", tc.src, err, tc.want)
		}
	}
}

func TestSplit(t *testing.T) {
	code := "x := 1\nfunc f() int {\n\treturn x0\n}\ntype T struct{}\nfunc (T) M() {}\nfunc() {\n\tfmt.Println(x)\n}()\ng := func(a int) int { return a }\nimport \"strings\"\n"
	c := &Cell{Index: 1, CodeLine: 10, Code: code}
	segs, probs := split("n.md", c)
	if probs != nil {
		t.Fatal(probs)
	}
	var got []string
	for _, s := range segs {
		kind := "stmt"
		if s.decl {
			kind = "decl"
		}
		if s.isImp {
			kind = "import"
		}
		got = append(got, kind+"@"+strconv.Itoa(s.line))
	}
	want := "stmt@10 decl@11 stmt@16 import@20"
	if strings.Join(got, " ") != want {
		t.Errorf("segments %s, expected %s", strings.Join(got, " "), want)
	}
}

func refsForTest() map[string]*Reference {
	ref := func(e bib.Entry) *Reference { return &Reference{Entry: e} }
	return map[string]*Reference{
		"a2018":  ref(bib.Entry{Key: "a2018", AuthorsAsPrinted: "Bacon, T.", Surnames: []string{"Bacon"}, Year: 2018, Title: "First"}),
		"b2018":  ref(bib.Entry{Key: "b2018", AuthorsAsPrinted: "Bacon, T.", Surnames: []string{"Bacon"}, Year: 2018, Title: "Second"}),
		"two":    ref(bib.Entry{Key: "two", Surnames: []string{"Akhtar", "Ahmed"}, Year: 2023}),
		"three":  ref(bib.Entry{Key: "three", Surnames: []string{"Allan", "Clarke", "Johnston"}, Year: 2020}),
		"nodate": ref(bib.Entry{Key: "nodate", Surnames: []string{"Anon"}}),
	}
}

func TestCitations(t *testing.T) {
	tx := &texter{file: "n.md", targets: map[string]target{"fig-x": {"fig-x", "Figure 1"}}, refs: refsForTest(), dataset: "d", cited: map[string]bool{}}
	in := "@two and @three say [see @a2018, p. 5; @b2018]; also [-@nodate] and @fig-x. Mail x@y.org, \\@two, `@two`, [@fig-x].\n"
	mid := tx.text(in, 1)
	if len(tx.probs) > 0 {
		t.Fatal(tx.probs)
	}
	tx.finish()
	got := tx.resolve(mid)
	want := "[Akhtar and Ahmed (2023)](#ref-two) and [Allan et al. (2020)](#ref-three) say (see [Bacon, 2018a](#ref-a2018), p. 5; [Bacon, 2018b](#ref-b2018)); " +
		"also ([n.d.](#ref-nodate)) and [Figure 1](#fig-x). Mail x@y.org, \\@two, `@two`, [Figure 1](#fig-x).\n"
	if got != want {
		t.Errorf("got\n%s\nexpected\n%s", got, want)
	}
	if p := bib.Names(refsForTest()["two"].Entry); p != "Akhtar & Ahmed" {
		t.Errorf("parenthetical names %q", p)
	}
}

func TestReferenceEscaped(t *testing.T) {
	r := &Reference{Entry: bib.Entry{Key: "k", AuthorsAsPrinted: "O'Neil, <b>", Surnames: []string{"O'Neil"}, Year: 2020, Title: "A *bold* [link](javascript:x)", URL: "javascript:alert(1)"}}
	md := referenceMarkdown(r)
	h := string(markdownHTML(md))
	for _, bad := range []string{"<b>", "<em>bold", `href="javascript`, "<a href=\"javascript"} {
		if strings.Contains(h, bad) {
			t.Errorf("reference HTML contains %q:\n%s", bad, h)
		}
	}
	if !strings.Contains(h, `<a id="ref-k"></a>`) || !strings.Contains(h, "&lt;b&gt;") {
		t.Errorf("reference HTML lacks the anchor or the escaped text:\n%s", h)
	}
}

func TestRawHTMLEscaped(t *testing.T) {
	h := string(markdownHTML("a <script>alert(1)</script> b<br>c\n\n<div onclick=\"x\">\nblock\n</div>\n"))
	if strings.Contains(h, "<script>") || strings.Contains(h, "<div") || !strings.Contains(h, "<br>") || !strings.Contains(h, "&lt;script&gt;") {
		t.Errorf("raw HTML not escaped as expected:\n%s", h)
	}
}

func TestFence(t *testing.T) {
	if f := fenceFor("a ```` b"); f != "`````" {
		t.Errorf("fenceFor = %q", f)
	}
}

// TestProblemColumns: a problem's column counts characters of the
// notebook line, not bytes: "ë" and "—" before the reference take 2 and 3
// bytes, so the @ is at byte 14 but character 11.
func TestProblemColumns(t *testing.T) {
	src := "---\ntitle: T\n---\nZoë — see @fig-nope.\n"
	nb, err := Parse("testdata/root", "n.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	tx := &texter{file: "n.md", targets: map[string]target{}, refs: refsForTest(), dataset: "d", cited: map[string]bool{}, inlines: nb.inlineAt}
	tx.text(nb.Blocks[0].Prose, nb.Blocks[0].Line)
	err = tx.probs.err(nb)
	want := "n.md:4:11: unknown cross-reference @fig-nope, expected the label of a cell in this notebook (it has no fig-* labels)"
	if err == nil || err.Error() != want || !errors.Is(err, ErrNotebook) {
		t.Errorf("got %v, want %s", err, want)
	}
}
