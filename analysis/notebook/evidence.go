package notebook

import (
	"bytes"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/notebook/cell"
)

// tableHTML converts a table output to HTML. Each cell that has evidence
// (Output.Evidence) gets an expandable list of the rows of data behind it,
// a <details> element that works without JavaScript: each row's
// resource/key, its file:line in the dataset (whose directory the header
// names), its page and its verbatim quote.
func tableHTML(o Output) []byte {
	h := markdownHTML(o.Text)
	if len(o.Evidence) == 0 {
		return h
	}
	at := map[[2]int]*cell.Evidence{}
	for i := range o.Evidence {
		e := &o.Evidence[i]
		at[[2]int{e.Row, e.Col}] = e
	}
	s := string(h)
	body := strings.Index(s, "<tbody>")
	if body < 0 {
		return h
	}
	var b bytes.Buffer
	size := len(s)
	for _, e := range o.Evidence {
		for _, r := range e.Rows {
			size += len(r.Ref) + len(r.File) + len(r.Quote) + 80
		}
	}
	b.Grow(size + size/8)
	b.WriteString(s[:body])
	rest := s[body:]
	for row := 0; ; row++ {
		tr := strings.Index(rest, "<tr>")
		if tr < 0 {
			break
		}
		end := strings.Index(rest[tr:], "</tr>")
		if end < 0 {
			break
		}
		end += tr
		b.WriteString(rest[:tr])
		writeRow(&b, rest[tr:end], row, at)
		rest = rest[end:]
	}
	b.WriteString(rest)
	return b.Bytes()
}

// writeRow writes the HTML of a table row (from "<tr>" up to "</tr>") with
// the evidence of its cells. Cell text is escaped HTML, so "</td>" only
// ends a cell.
func writeRow(b *bytes.Buffer, tr string, row int, at map[[2]int]*cell.Evidence) {
	for col := 0; ; col++ {
		end := strings.Index(tr, "</td>")
		if end < 0 {
			b.WriteString(tr)
			return
		}
		b.WriteString(tr[:end])
		if e := at[[2]int{row, col}]; e != nil {
			writeEvidence(b, e)
		}
		b.WriteString("</td>")
		tr = tr[end+len("</td>"):]
	}
}

// writeEvidence writes the expandable list of the rows behind one cell.
func writeEvidence(b *bytes.Buffer, e *cell.Evidence) {
	b.WriteString(`<details class="evidence"><summary>`)
	b.WriteString(strconv.Itoa(len(e.Rows)))
	if len(e.Rows) == 1 {
		b.WriteString(" row")
	} else {
		b.WriteString(" rows")
	}
	b.WriteString("</summary><ol>")
	for _, r := range e.Rows {
		b.WriteString("<li>")
		escapeTo(b, r.Ref)
		b.WriteString(` <span class="source">`)
		escapeTo(b, path.Base(filepath.ToSlash(r.File)))
		b.WriteString(":" + strconv.Itoa(r.Line) + "</span>")
		if r.Page > 0 {
			b.WriteString(", page " + strconv.Itoa(r.Page))
		}
		if r.Quote != "" {
			b.WriteString(": “")
			escapeTo(b, r.Quote)
			b.WriteString("”")
		}
		b.WriteString("</li>")
	}
	b.WriteString("</ol></details>")
}

// htmlEscaper escapes as html.EscapeString does.
var htmlEscaper = strings.NewReplacer(`&`, "&amp;", `'`, "&#39;", `<`, "&lt;", `>`, "&gt;", `"`, "&#34;")

// escapeTo writes s escaped for HTML text and attribute values.
func escapeTo(b *bytes.Buffer, s string) { htmlEscaper.WriteString(b, s) }
