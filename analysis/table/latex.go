package table

import (
	"bufio"
	"io"
	"slices"
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
	'\u2013': "--",           // en dash
	'\u2014': "---",          // em dash
	'\u2018': "`",            // left single quotation mark
	'\u2019': "'",            // right single quotation mark
	'\u201C': "``",           // left double quotation mark
	'\u201D': "''",           // right double quotation mark
	'\u2026': `\ldots{}`,     // horizontal ellipsis
	'\u00A0': "~",            // no-break space
	'\u2212': `\textminus{}`, // minus sign, which pdflatex cannot set from UTF-8
}

// EscapeLaTeX escapes s for LaTeX text mode. The characters
// \ { } $ & # _ % ^ ~ < > | become commands that print them; en and em
// dashes, curly quotes, the ellipsis and the no-break space become their
// LaTeX input forms (--, ---, ` ', “ ”, \ldots{}, ~). Where two pieces
// of output would join into a TeX ligature they did not mean (ASCII "--",
// "“", "”", or a hyphen after an en dash), {} is put between them, so
// text prints as typed. Other non-ASCII text is kept as UTF-8. Line
// breaks become spaces; each line is trimmed. A control character other
// than tab and line break (NUL, ESC, DEL, C1), which LaTeX would refuse
// or drop, is written out as "<U+0000>" (printed with \textless{} and
// \textgreater{}).
func EscapeLaTeX(s string) string {
	return strings.Join(escapeLines(s), " ")
}

// escapeLaTeXLine escapes one line.
func escapeLaTeXLine(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	var last byte
	emit := func(piece string) {
		if c := piece[0]; last == c && (c == '-' || c == '`' || c == '\'') {
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
		if last == byte(r) && (r == '-' || r == '`' || r == '\'') {
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

// latexCell escapes a cell for column c: in a wrapping column (X or
// p{}) a line break becomes \newline, elsewhere a space, and the text
// starts with \hspace{0pt} so that TeX may hyphenate its first word.
func latexCell(s string, c Column, wrap bool) string {
	if c.Width == "" && !wrap {
		return strings.Join(escapeLines(s), " ")
	}
	text := strings.Join(escapeLines(s), `\newline `)
	if text == "" {
		return ""
	}
	return `\hspace{0pt}` + text
}

// WriteLaTeX writes the table for booktabs: a tabularx (a table float
// with \caption{Title. Caption}, \label and notes in a footnotesize
// paragraph below) or, when t.Long is set, an xltabular that breaks
// across pages with a repeated header. The table is as wide as the line
// (\linewidth) of the document it is input in: long text wraps in
// ragged-right X columns that share the width (see layout), in the
// largest of \small, \footnotesize and \scriptsize at which every column
// fits a 17 cm text width; a table that fits no portrait page at any
// size is set on a landscape page (pdflscape) and says so in its
// caption. Missing cells print their mark (NotReported or NotApplicable). The packages it needs are
// those of Preamble.
func (t *Table) WriteLaTeX(w io.Writer) error {
	if err := t.Validate(); err != nil {
		return err
	}
	l := t.layout()
	bw := bufio.NewWriter(w)
	caption := ""
	if t.Title != "" {
		caption = EscapeLaTeX(strings.TrimSuffix(t.Title, ".")) + "."
	}
	if t.Caption != "" {
		caption = joinSpace(caption, EscapeLaTeX(t.Caption))
	}
	if l.landscape {
		caption = joinSpace(caption, "Set in landscape to fit the page.")
	}
	captionLine := func(end string) {
		if caption != "" {
			bw.WriteString(`\caption{` + caption + "}")
			if t.Label != "" {
				bw.WriteString(`\label{` + t.Label + "}")
			}
			bw.WriteString(end + "\n")
		}
	}
	header := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		header[i] = latexCell(c.title(), c, l.wrap[i])
	}
	headerRow := strings.Join(header, " & ") + ` \\` + "\n"
	env, width := "tabular", ""
	if t.Long {
		env = "longtable"
	}
	if slices.Contains(l.wrap, true) {
		env, width = "tabularx", `{\linewidth}`
		if t.Long {
			env = "xltabular"
		}
	}
	if l.landscape {
		bw.WriteString(`\begin{landscape}` + "\n")
	}
	if t.Long {
		bw.WriteString(`\begingroup` + l.size + `\setlength{\tabcolsep}{4pt}` + "\n")
		bw.WriteString(`\begin{` + env + `}` + width + `{` + t.colSpec(l) + "}\n")
		captionLine(` \\`)
		bw.WriteString(`\toprule` + "\n" + headerRow + `\midrule` + "\n" + `\endfirsthead` + "\n")
		bw.WriteString(`\toprule` + "\n" + headerRow + `\midrule` + "\n" + `\endhead` + "\n")
		bw.WriteString(`\bottomrule` + "\n" + `\endfoot` + "\n")
	} else {
		bw.WriteString(`\begin{table}[htbp]` + "\n" + `\centering` + l.size + `\setlength{\tabcolsep}{4pt}` + "\n")
		captionLine("")
		bw.WriteString(`\begin{` + env + `}` + width + `{` + t.colSpec(l) + "}\n")
		bw.WriteString(`\toprule` + "\n" + headerRow + `\midrule` + "\n")
	}
	cells := make([]string, len(t.Columns))
	for _, r := range t.Rows {
		for i, c := range r {
			cells[i] = latexCell(t.text(c), t.Columns[i], l.wrap[i])
		}
		bw.WriteString(strings.Join(cells, " & "))
		bw.WriteString(` \\` + "\n")
	}
	if t.Long {
		bw.WriteString(`\end{` + env + `}` + "\n")
	} else {
		bw.WriteString(`\bottomrule` + "\n" + `\end{` + env + `}` + "\n")
		if len(t.Notes) > 0 {
			bw.WriteString(`\par\smallskip` + "\n")
		}
	}
	for _, n := range t.Notes {
		bw.WriteString(`{\raggedright\footnotesize ` + EscapeLaTeX(n) + `\par}` + "\n")
	}
	if t.Long {
		bw.WriteString(`\endgroup` + "\n")
	} else {
		bw.WriteString(`\end{table}` + "\n")
	}
	if l.landscape {
		bw.WriteString(`\end{landscape}` + "\n")
	}
	return bw.Flush()
}

// joinSpace joins two pieces of text with a space, leaving out an empty
// one.
func joinSpace(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	return a + " " + b
}

// Preamble is the LaTeX preamble under which every table WriteLaTeX
// writes compiles with pdflatex and lualatex: T1 fonts in Latin Modern,
// UTF-8 input, and the table packages (booktabs for the rules, longtable
// and xltabular for tables that break across pages, array and tabularx
// for the wrapping columns, pdflscape for landscape pages, caption).
// Set the page with geometry, e.g. \usepackage[a4paper,textwidth=17cm]{geometry}.
const Preamble = `\usepackage[T1]{fontenc}
\usepackage[utf8]{inputenc}
\usepackage{lmodern}
\usepackage{booktabs,longtable,array,tabularx,xltabular,pdflscape,caption}
`
