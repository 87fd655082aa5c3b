package notebook

import (
	"bytes"
	"fmt"
	"html"
	"path"
	"path/filepath"
	"strings"

	"nexus/analysis/notebook/cell"
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
	b.WriteString(s[:body])
	rest := s[body:]
	row := -1
	for {
		tr := strings.Index(rest, "<tr>")
		if tr < 0 {
			break
		}
		row++
		end := strings.Index(rest[tr:], "</tr>")
		if end < 0 {
			break
		}
		end += tr
		b.WriteString(rest[:tr])
		b.WriteString(withEvidence(rest[tr:end], row, at))
		rest = rest[end:]
	}
	b.WriteString(rest)
	return b.Bytes()
}

// withEvidence adds the evidence of row's cells to the HTML of the row
// (from "<tr>" up to "</tr>"). Cell text is escaped HTML, so "</td>" only
// ends a cell.
func withEvidence(tr string, row int, at map[[2]int]*cell.Evidence) string {
	var b strings.Builder
	col := 0
	for {
		end := strings.Index(tr, "</td>")
		if end < 0 {
			b.WriteString(tr)
			return b.String()
		}
		b.WriteString(tr[:end])
		if e := at[[2]int{row, col}]; e != nil {
			b.WriteString(evidenceHTML(e))
		}
		b.WriteString("</td>")
		tr = tr[end+len("</td>"):]
		col++
	}
}

// evidenceHTML is the expandable list of the rows behind one cell.
func evidenceHTML(e *cell.Evidence) string {
	var b strings.Builder
	n := "1 row"
	if len(e.Rows) != 1 {
		n = fmt.Sprintf("%d rows", len(e.Rows))
	}
	fmt.Fprintf(&b, `<details class="evidence"><summary>%s</summary><ol>`, n)
	for _, r := range e.Rows {
		fmt.Fprintf(&b, "<li>%s <span class=\"source\">%s:%d</span>", html.EscapeString(r.Ref), html.EscapeString(path.Base(filepath.ToSlash(r.File))), r.Line)
		if r.Page > 0 {
			fmt.Fprintf(&b, ", page %d", r.Page)
		}
		if r.Quote != "" {
			b.WriteString(": “" + html.EscapeString(r.Quote) + "”")
		}
		b.WriteString("</li>")
	}
	b.WriteString("</ol></details>")
	return b.String()
}
