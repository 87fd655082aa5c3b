package table

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"
)

// TestMarkdownRenders renders the edge-case table with a GitHub-flavoured
// Markdown parser and checks that every cell comes back as its text: no
// cell split by "|", no emphasis, code, link or tag from the data.
func TestMarkdownRenders(t *testing.T) {
	tb := edgeTable()
	var md, out bytes.Buffer
	if err := tb.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	gm := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(gmhtml.WithUnsafe()))
	if err := gm.Convert(md.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	body := out.String()
	for _, tag := range []string{"<em>", "<code>", "<del>", "<h1>", "<ol>", "<h>"} {
		if strings.Contains(body, tag) {
			t.Errorf("rendered table contains %s:\n%s", tag, body)
		}
	}
	rows := regexp.MustCompile(`(?s)<tr>(.*?)</tr>`).FindAllStringSubmatch(body, -1)
	if len(rows) != len(tb.Rows)+1 {
		t.Fatalf("rendered %d rows, want %d", len(rows), len(tb.Rows)+1)
	}
	cell := regexp.MustCompile(`(?s)<t[dh][^>]*>(.*?)</t[dh]>`)
	anchor := regexp.MustCompile(`</?a[^>]*>`)
	for i, r := range tb.Rows {
		got := cell.FindAllStringSubmatch(rows[i+1][1], -1)
		if len(got) != len(r) {
			t.Errorf("row %d: %d cells, want %d", i+1, len(got), len(r))
			continue
		}
		for j, c := range r {
			want := strings.Join(lines(strings.TrimSpace(tb.text(c))), "<br>")
			// <br> passes as raw HTML, as on GitHub, and a bare URL
			// becomes a link; the rest is text. A link from data such
			// as "[f](g)" would lose its brackets and fail.
			if g := html.UnescapeString(anchor.ReplaceAllString(got[j][1], "")); g != want {
				t.Errorf("row %d, column %d: rendered %q, want %q", i+1, j+1, g, want)
			}
		}
	}
}

// FuzzMarkdownCell checks that any one-line text survives a round trip
// through a one-cell table and a GFM parser (bare URLs may become links),
// control characters as "<U+XXXX>", and that no control character
// reaches the Markdown.
func FuzzMarkdownCell(f *testing.F) {
	for _, s := range []string{"a|b", "&copy; &#169;", "*x*", "`c`", "<b>", "[l](u)", "~~s~~", "$x$", `\`, "http://x.org", "a  b",
		"nul\x00here", "esc\x1b[31m", "del\x7f", "c1\u0085\u009f", "\x00"} {
		f.Add(s)
	}
	gm := goldmark.New(goldmark.WithExtensions(extension.GFM))
	cell := regexp.MustCompile(`(?s)<td[^>]*>(.*?)</td>`)
	anchor := regexp.MustCompile(`</?a[^>]*>`)
	f.Fuzz(func(t *testing.T, s string) {
		v := visible(s)
		if !utf8.ValidString(s) || strings.ContainsFunc(v, func(r rune) bool { return unicode.IsSpace(r) && r != ' ' }) {
			t.Skip() // line breaks and other white space: not one line
		}
		tb := New("", Column{Name: "c"})
		tb.Append(Str(s))
		var md, out bytes.Buffer
		tb.WriteMarkdown(&md)
		if i := strings.IndexFunc(md.String(), func(r rune) bool { return unicode.IsControl(r) && r != '\n' }); i >= 0 {
			t.Fatalf("%q: control character in the Markdown %q", s, md.String())
		}
		if err := gm.Convert(md.Bytes(), &out); err != nil {
			t.Fatal(err)
		}
		m := cell.FindStringSubmatch(out.String())
		want := strings.Trim(v, " ")
		if want == "" {
			return
		}
		if m == nil {
			t.Fatalf("%q: no cell in %q", s, out.String())
		}
		// Bare URLs become links, as intended on GitHub.
		got := html.UnescapeString(anchor.ReplaceAllString(m[1], ""))
		if got != want {
			t.Fatalf("%q: rendered %q from %q", s, got, md.String())
		}
	})
}
