package notebook

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/notebook/cell"
	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// TestFindInlines: inline values are found in prose only, with the
// position of their expression; other code spans are left alone.
func TestFindInlines(t *testing.T) {
	src := "---\ntitle: T\n---\n\nSum `{go} a + b`, code `{r} x`, \\`{go} no\\` and ``{go} s[`x`]``.\n\n" +
		"```text\n`{go} fenced`\n```\n\n```go\na, b := 1, 2\n```\n\nAfter: `{go}   a` and `{go}` alone.\n"
	nb, err := Parse("testdata/root", "n.md", []byte(src))
	if err == nil || !strings.Contains(err.Error(), "n.md:15: inline value \"`{go}`\" has no expression") {
		t.Errorf("error %v, expected the empty inline value at line 15", err)
	}
	want := []Inline{
		{Index: 0, Line: 5, Col: 5, ExprCol: 11, Expr: "a + b"},
		{Index: 1, Line: 5, Col: 49, ExprCol: 56, Expr: "s[`x`]"},
		{Index: 2, Line: 15, Col: 8, ExprCol: 16, Expr: "a"},
	}
	if len(nb.Inlines) != len(want) {
		t.Fatalf("inline values %+v, expected %+v", nb.Inlines, want)
	}
	for i, w := range want {
		if nb.Inlines[i] != w {
			t.Errorf("inline value %d: %+v, expected %+v", i, nb.Inlines[i], w)
		}
	}
	// The program evaluates each value after the cells above it.
	prog := generate(nb, []segment{{cell: nb.Cells[0], line: 12, text: "a, b := 1, 2\n"}}, nil, false)
	for _, w := range []string{
		"nbrt.Inline(0, /*line n.md:5:11*/a + b)\nnbrt.Inline(1, /*line n.md:5:56*/s[`x`])\nnbrt.Begin(1)",
		"a, b := 1, 2\nnbrt.Inline(2, /*line n.md:15:16*/a)\n}",
	} {
		if !strings.Contains(string(prog), w) {
			t.Errorf("program\n%s\nlacks\n%s", prog, w)
		}
	}
}

// TestFillInlines: a value is text in the Markdown, so the HTML made from
// it escapes it too.
func TestFillInlines(t *testing.T) {
	res := &Result{Inline: []string{"<b>1</b> & *2*"}}
	got, err := fillInlines("x "+inlinePlaceholder(0)+" y", res)
	if err != nil {
		t.Fatal(err)
	}
	if got != `x \<b\>1\</b\> & \*2\* y` {
		t.Errorf("Markdown %q", got)
	}
	if h := string(markdownHTML(got)); !strings.Contains(h, "x &lt;b&gt;1&lt;/b&gt; &amp; *2* y") {
		t.Errorf("HTML %q", h)
	}
	if _, err := fillInlines(inlinePlaceholder(1), res); err == nil {
		t.Error("a value the run did not compute: no error")
	}
}

// TestTableHTMLEvidence: each traced cell gets an expandable list of its
// rows with page and quote, escaped, in its own cell of the HTML table.
func TestTableHTMLEvidence(t *testing.T) {
	o := Output{Kind: "table", Text: "| a | b |\n| :-- | :-- |\n| 1 | 2 |\n| 3 | 4 |\n", Evidence: []cell.Evidence{{
		Row: 1, Col: 1, Rows: []cell.Source{{Ref: "relations/r1", File: "datasets/d/relations.csv", Line: 7, Page: 3, Quote: `<script>alert("x")</script> & more`}},
	}}}
	h := string(tableHTML(o))
	want := `<td style="text-align:left">4<details class="evidence"><summary>1 row</summary><ol><li>relations/r1 <span class="source">relations.csv:7</span>, page 3: “&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; more”</li></ol></details></td>`
	if !strings.Contains(h, want) {
		t.Errorf("HTML\n%s\nlacks\n%s", h, want)
	}
	if strings.Count(h, "<details") != 1 || strings.Contains(h, "<script>") {
		t.Errorf("HTML has the evidence in the wrong place or unescaped:\n%s", h)
	}
}

// TestCheckClaims: the claims that held, with their lines, as CSV.
func TestCheckClaims(t *testing.T) {
	testenv.Short(t, "compiles and runs notebook programs")
	t.Parallel()
	root := newRoot(t)
	all, err := CheckClaims(Options{Root: root}, filepath.Join(root, "notebooks", "01-demo.md"))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteClaims(&b, all); err != nil {
		t.Fatal(err)
	}
	want := "notebook,line,claim\nnotebooks/01-demo.md,60,every value is positive\nnotebooks/01-demo.md,61,the total is <more> than the largest value\n"
	if b.String() != want {
		t.Errorf("claims\n%s\nexpected\n%s", b.String(), want)
	}
}

// TestStreamNewRecords: inline values, claims and the evidence of the
// table just shown reach the result.
func TestStreamNewRecords(t *testing.T) {
	var data []byte
	rec := func(kind, payload string) {
		data = append(data, cell.RecordStart+"m"+kind+" "+base64.StdEncoding.EncodeToString([]byte(payload))+"\n"...)
	}
	rec(cell.KindInline, "1 before any cell")
	rec(cell.KindBegin, "1")
	rec(cell.KindTable, "| a |\n")
	rec(cell.KindEvidence, `[{"row":0,"col":0,"rows":[{"ref":"r/k","file":"d/r.csv","line":2,"page":4,"quote":"q"}]}]`)
	rec(cell.KindClaim, "12 the claim text")
	rec(cell.KindInline, "0 42")
	s := newStream(1, "m", 1<<20, nil)
	s.Write(data)
	s.Close()
	r := s.res
	if fmt.Sprint(r.Inline) != "[42 before any cell]" {
		t.Errorf("inline values %q", r.Inline)
	}
	if len(r.Claims) != 1 || r.Claims[0] != (Claim{Line: 12, Text: "the claim text"}) {
		t.Errorf("claims %+v", r.Claims)
	}
	if len(r.Cells[0]) != 1 || len(r.Cells[0][0].Evidence) != 1 || r.Cells[0][0].Evidence[0].Rows[0].Quote != "q" {
		t.Errorf("outputs %+v, expected the table with its evidence", r.Cells[0])
	}
}

// TestKeyInlines: the cache key changes with an inline value's expression,
// with the cell it follows and with the dataset's identity, and not with
// the rest of the prose.
func TestKeyInlines(t *testing.T) {
	g := &graph{byPath: map[string]*goPackage{}, hashes: map[string]string{}}
	in := &inputs{goVersion: "go", res: &resolver{graph: g}, datasets: map[string]string{"": ""}, infos: map[string]*datasetInfo{}}
	key := func(src string) string {
		t.Helper()
		nb, err := Parse("testdata/root", "n.md", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		k, err := in.key("testdata/root", nb, nil)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	const head = "---\ntitle: T\n---\n\n```go\nx := 1\n```\n\n"
	base := key(head + "It is `{go} x`.\n\n```go\nx++\n```\n")
	if key(head+"Indeed, it is `{go} x`.\n\n```go\nx++\n```\n") != base {
		t.Error("other prose changed the key")
	}
	if key(head+"It is `{go} x + 1`.\n\n```go\nx++\n```\n") == base {
		t.Error("another expression kept the key")
	}
	if key(head+"```go\nx++\n```\n\nIt is `{go} x`.\n") == base {
		t.Error("evaluating the value after another cell kept the key")
	}
	in.infos[""] = &datasetInfo{Name: "d", Version: "1", Hash: "sha256:0"}
	if key(head+"It is `{go} x`.\n\n```go\nx++\n```\n") == base {
		t.Error("another dataset identity kept the key")
	}
}
