package table

import (
	"bufio"
	"io"
	"strings"
)

// markdownEscaper escapes the characters that GitHub-flavoured Markdown
// would read as markup inside a table cell.
var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`,
	`<`, `\<`, `>`, `\>`, `|`, `\|`, `~`, `\~`, `$`, `\$`,
)

// EscapeMarkdown escapes s for one cell of a GitHub-flavoured Markdown
// table: the characters \ ` * _ [ ] < > | ~ $ get a backslash ($ would
// start GitHub math), "&" gets one where it could start an entity such as
// "&copy;", line breaks (LF, CR LF or CR) become <br>, and leading and
// trailing spaces are trimmed. Bare URLs are left as they are, so GitHub
// links them. A control character other than tab and line break (NUL,
// ESC, DEL, C1) is written out as "<U+0000>", so it shows.
func EscapeMarkdown(s string) string {
	ls := lines(visible(s))
	for i, l := range ls {
		ls[i] = escapeEntities(markdownEscaper.Replace(l))
	}
	return strings.TrimSpace(strings.Join(ls, "<br>"))
}

// escapeEntities escapes "&" where it could start an entity reference
// (followed by a letter, digit or "#"), so that "&copy;" stays as typed.
func escapeEntities(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '&' && i+1 < len(s) && (isAlnum(s[i+1]) || s[i+1] == '#') {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// isAlnum reports whether c is an ASCII letter or digit.
func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// WriteMarkdown writes the table as GitHub-flavoured Markdown: a
// paragraph "**Title.** Caption" when either is set, the table with an
// alignment row, and one paragraph per note. Missing cells print their mark
// (NotReported or NotApplicable).
func (t *Table) WriteMarkdown(w io.Writer) error {
	if err := t.Validate(); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	if head := t.heading(); head != "" {
		bw.WriteString(head)
		bw.WriteString("\n\n")
	}
	row := func(cells []string) {
		bw.WriteString("|")
		for _, c := range cells {
			if c == "" {
				bw.WriteString(" |")
				continue
			}
			bw.WriteString(" ")
			bw.WriteString(c)
			bw.WriteString(" |")
		}
		bw.WriteString("\n")
	}
	cells := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		cells[i] = EscapeMarkdown(c.title())
	}
	row(cells)
	for i, c := range t.Columns {
		switch c.align() {
		case AlignRight:
			cells[i] = "--:"
		case AlignCenter:
			cells[i] = ":-:"
		default:
			cells[i] = ":--"
		}
	}
	row(cells)
	for _, r := range t.Rows {
		for i, c := range r {
			cells[i] = EscapeMarkdown(t.text(c))
		}
		row(cells)
	}
	for _, n := range t.Notes {
		bw.WriteString("\n")
		bw.WriteString(escapeParagraph(n))
		bw.WriteString("\n")
	}
	return bw.Flush()
}

// heading returns the Markdown paragraph of title and caption.
func (t *Table) heading() string {
	var parts []string
	if t.Title != "" {
		parts = append(parts, "**"+escapeParagraph(strings.TrimSuffix(t.Title, "."))+".**")
	}
	if t.Caption != "" {
		parts = append(parts, escapeParagraph(t.Caption))
	}
	return strings.Join(parts, " ")
}

// escapeParagraph escapes text for a Markdown paragraph outside a table:
// as in a cell, but line breaks become spaces.
func escapeParagraph(s string) string {
	ls := lines(visible(s))
	for i, l := range ls {
		ls[i] = strings.TrimSpace(escapeEntities(markdownEscaper.Replace(l)))
	}
	return escapeBlockStart(strings.Join(ls, " "))
}

// escapeBlockStart escapes a leading character that would start a heading,
// a list, a block quote or a thematic break ("#", "-", "+", "=", "1." or
// "1)").
func escapeBlockStart(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '#', '-', '+', '=':
		return `\` + s
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		return s[:i] + `\` + s[i:]
	}
	return s
}
