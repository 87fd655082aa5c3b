package notebook

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/table"
)

// Inline is an inline value of the prose: a code span `{go} EXPR`, in
// Quarto's inline-code syntax. The program evaluates EXPR after the cells
// above it, in their scope, and the render prints its value with %v in
// place of the span.
type Inline struct {
	// Index is the 0-based position of the value among the notebook's
	// inline values.
	Index int
	// Line and Col are where the span starts (its first backtick);
	// ExprCol is the column of the expression's first byte.
	Line, Col, ExprCol int
	// Expr is the Go expression.
	Expr string
}

// inlinePrefix starts the text of a code span that is an inline value.
const inlinePrefix = "{go}"

// Inline placeholders stand for a value in resolved prose until the run
// gives it: inlineOpen, the index, inlineClose.
const (
	inlineOpen  = "\x02"
	inlineClose = "\x03"
)

// eachProseLine calls fn for each line of the Markdown src, which starts at
// line first, with fenced says whether the line belongs to a fenced code
// block (its fences included), where nothing is resolved.
func eachProseLine(src string, first int, fn func(l string, n int, fenced bool)) {
	fence := ""
	for i, l := range strings.SplitAfter(src, "\n") {
		trim := strings.TrimSpace(l)
		switch {
		case fence != "":
			if strings.HasPrefix(trim, fence) && strings.Trim(trim, fence[:1]) == "" {
				fence = ""
			}
			fn(l, first+i, true)
		case fenceRE.MatchString(trim):
			fence = fenceRE.FindStringSubmatch(trim)[1]
			fn(l, first+i, true)
		default:
			fn(l, first+i, false)
		}
	}
}

// codeSpan reads the code span that starts with the backtick at l[i]: the
// run of backticks there up to the next run of the same length. It
// returns the index after the span and the span's text; ok is false when
// the run is not closed on the line (end is then after the run).
func codeSpan(l string, i int) (end int, text string, ok bool) {
	j := i
	for j < len(l) && l[j] == '`' {
		j++
	}
	n := j - i
	for k := j; k < len(l); {
		if l[k] != '`' {
			k++
			continue
		}
		m := k
		for m < len(l) && l[m] == '`' {
			m++
		}
		if m-k == n {
			return m, l[j:k], true
		}
		k = m
	}
	return j, "", false
}

// inlineExpr returns the expression of a code span's text and its offset
// in text, when the span is an inline value: "{go}", white space and the
// expression (which may be empty, an error the caller reports).
func inlineExpr(text string) (string, int, bool) {
	rest, ok := strings.CutPrefix(text, inlinePrefix)
	if !ok || rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return "", 0, false
	}
	expr := strings.TrimSpace(rest)
	return expr, len(text) - len(strings.TrimLeft(rest, " \t")), true
}

// findInlines lists the inline values of the prose blocks of nb, in order,
// and reports an empty expression.
func findInlines(nb *Notebook, bad func(line int, format string, args ...any)) {
	for _, b := range nb.Blocks {
		if b.Cell != nil {
			continue
		}
		eachProseLine(b.Prose, b.Line, func(l string, n int, fenced bool) {
			if fenced {
				return
			}
			for i := 0; i < len(l); i++ {
				switch l[i] {
				case '\\':
					i++
				case '`':
					end, text, ok := codeSpan(l, i)
					if expr, off, isInline := inlineExpr(text); ok && isInline {
						if expr == "" {
							bad(n, "inline value %q has no expression, expected `{go} EXPR`", l[i:end])
						} else {
							run := strings.Index(l[i:], text)
							nb.Inlines = append(nb.Inlines, Inline{Index: len(nb.Inlines), Line: n, Col: i + 1, ExprCol: i + run + off + 1, Expr: expr})
						}
					}
					i = end - 1
				}
			}
		})
	}
}

// inlineAt returns the index of the inline value whose span starts at
// line and col, or -1.
func (nb *Notebook) inlineAt(line, col int) int {
	for _, in := range nb.Inlines {
		if in.Line == line && in.Col == col {
			return in.Index
		}
	}
	return -1
}

// onInlineLine reports whether an inline value sits on line.
func (nb *Notebook) onInlineLine(line int) bool {
	for _, in := range nb.Inlines {
		if in.Line == line {
			return true
		}
	}
	return false
}

// inlinePlaceholder stands for the value of inline value i.
func inlinePlaceholder(i int) string { return inlineOpen + strconv.Itoa(i) + inlineClose }

// fillInlines replaces the placeholders of s with the values of res,
// escaped as Markdown text (so HTML made from the Markdown escapes them
// too).
func fillInlines(s string, res *Result) (string, error) {
	if !strings.Contains(s, inlineOpen) {
		return s, nil
	}
	var b strings.Builder
	for {
		i := strings.Index(s, inlineOpen)
		if i < 0 {
			b.WriteString(s)
			return b.String(), nil
		}
		j := strings.Index(s[i:], inlineClose) + i
		n, _ := strconv.Atoi(s[i+len(inlineOpen) : j])
		if n >= len(res.Inline) {
			return "", fmt.Errorf("inline value %d was not computed by the run", n+1)
		}
		b.WriteString(s[:i])
		b.WriteString(table.EscapeMarkdown(res.Inline[n]))
		s = s[j+len(inlineClose):]
	}
}
