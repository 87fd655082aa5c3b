package table

import (
	"bufio"
	"io"
	"strings"
	"unicode/utf8"
)

// latexSpecial maps the runes that need a LaTeX input form. Text-mode
// commands end in {} so that a following letter or space is kept.
var latexSpecial = map[rune]string{
	'\\': `\textbackslash{}`,
	'{':  `\{`,
	'}':  `\}`,
	'$':  `\$`,
	'&':  `\&`,
	'#':  `\#`,
	'_':  `\_`,
	'%':  `\%`,
	'^':  `\textasciicircum{}`,
	'~':  `\textasciitilde{}`,
	'<':  `\textless{}`,
	'>':  `\textgreater{}`,
	'|':  `\textbar{}`,
	'`':  `\textasciigrave{}`,
	// Typographic punctuation as the ASCII ligatures that every font and
	// engine supports.
	'\u2013': "--",       // en dash
	'\u2014': "---",      // em dash
	'\u2018': "`",        // left single quotation mark
	'\u2019': "'",        // right single quotation mark
	'\u201C': "``",       // left double quotation mark
	'\u201D': "''",       // right double quotation mark
	'\u2026': `\ldots{}`, // horizontal ellipsis
	'\u00A0': "~",        // no-break space
}

// EscapeLaTeX escapes s for LaTeX text mode. The characters
// \ { } $ & # _ % ^ ~ < > | become commands that print them; en and em
// dashes, curly quotes, the ellipsis and the no-break space become their
// LaTeX input forms (--, ---, ` ', “ ”, \ldots{}, ~). Where two pieces
// of output would join into a TeX ligature they did not mean (ASCII "--",
// ",,", "“", "”", a hyphen after an en dash, "!" or "?" before a left
// quote; see ligature), {} is put between them, so text prints as typed. Other non-ASCII text is kept as UTF-8. Line
// breaks become spaces; each line is trimmed. A control character other
// than tab and line break (NUL, ESC, DEL, C1), which LaTeX would refuse
// or drop, is written out as "<U+0000>" (printed with \textless{} and
// \textgreater{}).
func EscapeLaTeX(s string) string {
	return strings.Join(escapeLines(s), " ")
}

// ligature reports whether TeX would join the ASCII characters a and b
// of the output into a ligature the text did not mean: "--" (a dash),
// two backquotes or two apostrophes (curly double quotes), ",," („ under
// the T1 encoding), "<<" and
// ">>" (« and » under T1; the escaper never emits a bare < or >, but the
// rule holds whatever maps to them), and "!`" and "?`" (¡ and ¿).
func ligature(a, b byte) bool {
	switch b {
	case '-', '`', '\'', ',', '<', '>':
		if a == b {
			return true
		}
	}
	return b == '`' && (a == '!' || a == '?')
}

// escapeLaTeXLine escapes one line.
func escapeLaTeXLine(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	var last byte
	emit := func(piece string) {
		if ligature(last, piece[0]) {
			b.WriteString("{}")
		}
		b.WriteString(piece)
		last = piece[len(piece)-1]
	}
	for _, r := range s {
		if rep, ok := latexSpecial[r]; ok {
			emit(rep)
			continue
		}
		if r < utf8.RuneSelf && ligature(last, byte(r)) {
			b.WriteString("{}")
		}
		b.WriteRune(r)
		last = 0
		if r < utf8.RuneSelf {
			last = byte(r)
		}
	}
	return b.String()
}

// escapeLines escapes every line of s.
func escapeLines(s string) []string {
	ls := lines(visible(s))
	for i, l := range ls {
		ls[i] = escapeLaTeXLine(strings.TrimSpace(l))
	}
	return ls
}

// cell escapes a cell for column c: in a p{} column a line break becomes
// \newline, elsewhere a space.
func latexCell(s string, c Column) string {
	sep := " "
	if c.Width != "" {
		sep = `\newline `
	}
	return strings.Join(escapeLines(s), sep)
}

// colSpec returns the tabular column specification.
func (t *Table) colSpec() string {
	var b strings.Builder
	for _, c := range t.Columns {
		a := c.align()
		if c.Width != "" {
			switch a {
			case AlignRight:
				b.WriteString(`>{\raggedleft\arraybackslash}`)
			case AlignCenter:
				b.WriteString(`>{\centering\arraybackslash}`)
			default:
				b.WriteString(`>{\raggedright\arraybackslash}`)
			}
			b.WriteString("p{" + c.Width + "}")
			continue
		}
		switch a {
		case AlignRight:
			b.WriteString("r")
		case AlignCenter:
			b.WriteString("c")
		default:
			b.WriteString("l")
		}
	}
	return b.String()
}

// WriteLaTeX writes the table as a booktabs tabular in a table float
// (\caption{Title. Caption}, \label, notes in a footnotesize paragraph
// below), or as a longtable with a repeated header when t.Long is set.
// Missing cells print as MissingText.
func (t *Table) WriteLaTeX(w io.Writer) error {
	if err := t.Validate(); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	caption := ""
	if t.Title != "" {
		caption = EscapeLaTeX(strings.TrimSuffix(t.Title, ".")) + "."
	}
	if t.Caption != "" {
		if caption != "" {
			caption += " "
		}
		caption += EscapeLaTeX(t.Caption)
	}
	captionLines := func() {
		if caption != "" {
			bw.WriteString(`\caption{` + caption + "}")
			if t.Label != "" {
				bw.WriteString(`\label{` + t.Label + "}")
			}
			bw.WriteString("\n")
		}
	}
	header := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		header[i] = latexCell(c.title(), c)
	}
	headerRow := strings.Join(header, " & ") + ` \\` + "\n"
	if t.Long {
		bw.WriteString(`\begin{longtable}{` + t.colSpec() + "}\n")
		if caption != "" {
			bw.WriteString(`\caption{` + caption + "}")
			if t.Label != "" {
				bw.WriteString(`\label{` + t.Label + "}")
			}
			bw.WriteString(` \\` + "\n")
		}
		bw.WriteString(`\toprule` + "\n" + headerRow + `\midrule` + "\n" + `\endfirsthead` + "\n")
		bw.WriteString(`\toprule` + "\n" + headerRow + `\midrule` + "\n" + `\endhead` + "\n")
		bw.WriteString(`\bottomrule` + "\n" + `\endfoot` + "\n")
	} else {
		bw.WriteString(`\begin{table}[htbp]` + "\n" + `\centering` + "\n")
		captionLines()
		bw.WriteString(`\begin{tabular}{` + t.colSpec() + "}\n")
		bw.WriteString(`\toprule` + "\n" + headerRow + `\midrule` + "\n")
	}
	cells := make([]string, len(t.Columns))
	for _, r := range t.Rows {
		for i, c := range r {
			cells[i] = latexCell(t.text(c), t.Columns[i])
		}
		bw.WriteString(strings.Join(cells, " & "))
		bw.WriteString(` \\` + "\n")
	}
	if t.Long {
		bw.WriteString(`\end{longtable}` + "\n")
		for _, n := range t.Notes {
			bw.WriteString(`{\raggedright\footnotesize ` + EscapeLaTeX(n) + `\par}` + "\n")
		}
		return bw.Flush()
	}
	bw.WriteString(`\bottomrule` + "\n" + `\end{tabular}` + "\n")
	if len(t.Notes) > 0 {
		bw.WriteString(`\par\smallskip` + "\n")
	}
	for _, n := range t.Notes {
		bw.WriteString(`{\raggedright\footnotesize ` + EscapeLaTeX(n) + `\par}` + "\n")
	}
	bw.WriteString(`\end{table}` + "\n")
	return bw.Flush()
}
