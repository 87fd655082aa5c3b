package table

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The LaTeX layout of a table: which columns wrap, how the line width is
// shared among them, the type size, and whether the table is turned to
// landscape. WriteLaTeX sizes every table for the line width of the
// document it is input in (\linewidth), so the same file fits a 17 cm
// text width and a journal's own; the estimates below only decide the
// shares and the orientation, measured for a 17 cm text width (Width17)
// in Latin Modern.

// Width17 is the text width, in points, the layout is measured for:
// 17 cm, the full text width of the compendium's page.
const Width17 = 17 / 2.54 * 72.27

// LandscapeWidth is the text width, in points, of a landscape page of
// the same document: the text height of an A4 page with 2.5 cm margins
// (24.7 cm).
const LandscapeWidth = 24.7 / 2.54 * 72.27

// tabColSep is the space, in points, on each side of a column
// (\tabcolsep as WriteLaTeX sets it).
const tabColSep = 4.0

// charWidth is the estimated width, in em, of an average character of
// running text in Latin Modern Roman; wordWidth that of the characters of
// a long word (which may be capitals or digits), used for the narrowest
// width a wrapping column may get.
const (
	charWidth = 0.5
	wordWidth = 0.56
)

// typeSizes are the sizes the layout tries, largest first, with their
// size in points: a table is set in the largest size at which its
// columns fit.
var typeSizes = []struct {
	command string
	pt      float64
}{{`\small`, 9}, {`\footnotesize`, 8}, {`\scriptsize`, 7}}

// slack is how much wider than their longest words the wrapping columns
// must be, together, for a type size to count as fitting: with less room
// every column would be squeezed to its longest word.
const slack = 1.4

// fixedLimit is the widest, in em, that a text column may be on one line
// before it wraps.
const fixedLimit = 9.0

// candidates are the orientations and type sizes (indices into
// typeSizes) the layout tries, in order: portrait in \small and
// \footnotesize, then landscape in those sizes, then \scriptsize, which
// is the last resort in either orientation.
var candidates = []struct {
	landscape bool
	size      int
}{{false, 0}, {false, 1}, {true, 0}, {true, 1}, {false, 2}, {true, 2}}

// latexLayout is the layout of one table.
type latexLayout struct {
	size      string    // the type size command, e.g. \small
	landscape bool      // the table is turned to a landscape page
	wrap      []bool    // the column wraps (an X column)
	share     []float64 // an X column's share of the X columns' width (\hsize factor); they add up to the number of X columns
}

// columnText measures a column, in characters: its longest line, its
// longest word, over the header and every cell, and the mean length of
// its non-empty cells.
func (t *Table) columnText(j int) (line, word int, mean float64) {
	total, filled := 0, 0
	measure := func(s string) {
		if strings.TrimSpace(s) != "" {
			filled++
		}
		for _, l := range lines(visible(s)) {
			l = strings.TrimSpace(l)
			n := utf8.RuneCountInString(l)
			line = max(line, n)
			total += n
			for _, w := range strings.FieldsFunc(l, func(r rune) bool { return unicode.IsSpace(r) || r == '-' || r == '/' }) {
				word = max(word, utf8.RuneCountInString(w))
			}
		}
	}
	for _, r := range t.Rows {
		measure(t.text(r[j]))
	}
	if filled > 0 {
		mean = float64(total) / float64(filled)
	}
	measure(t.Columns[j].title())
	return line, word, mean
}

// layout decides the table's type size, orientation and column shares:
// the first of the candidates at which every column gets at least its
// longest word, with room to spare (slack), and the columns that stay on
// one line fit beside the wrapping ones.
func (t *Table) layout() latexLayout {
	n := len(t.Columns)
	lines, words, means := make([]float64, n), make([]float64, n), make([]float64, n)
	for j := range t.Columns {
		l, w, m := t.columnText(j)
		lines[j], words[j], means[j] = float64(l), float64(w), m
	}
	for _, c := range candidates {
		width := Width17
		if c.landscape {
			width = LandscapeWidth
		}
		ts := typeSizes[c.size]
		if l, ok := t.fit(width-2*tabColSep*float64(n), ts.pt, lines, words, means, slack); ok {
			l.size, l.landscape = ts.command, c.landscape
			return l
		}
	}
	// Nothing fits with room to spare: the smallest size in landscape,
	// with whatever room there is.
	l, _ := t.fit(LandscapeWidth-2*tabColSep*float64(n), typeSizes[len(typeSizes)-1].pt, lines, words, means, 1)
	l.size, l.landscape = typeSizes[len(typeSizes)-1].command, true
	return l
}

// fit shares avail points among the columns at type size pt: number
// columns and text columns no wider than fixedLimit em stay on one line;
// the others wrap, sharing what is left by the length of their text
// (see shareWidths) but never below their longest word. It reports false
// when the columns do not fit with room times their longest words.
func (t *Table) fit(avail, pt float64, lines, words, means []float64, room float64) (latexLayout, bool) {
	n := len(t.Columns)
	l := latexLayout{wrap: make([]bool, n), share: make([]float64, n)}
	fixed, minWrap := 0.0, 0.0
	var wrapping []int
	for j, c := range t.Columns {
		one := lines[j] * charWidth * pt
		if c.Kind == KindNumber || c.Width != "" || lines[j]*charWidth <= fixedLimit {
			if c.Width != "" {
				one = 0 // an explicit width is the caller's; it is not estimated
			}
			fixed += one
			continue
		}
		l.wrap[j] = true
		wrapping = append(wrapping, j)
		minWrap += words[j] * wordWidth * pt
	}
	rest := avail - fixed
	if len(wrapping) == 0 {
		return l, fixed <= avail
	}
	ok := rest >= minWrap*room
	// Where even the longest words do not fit, they are scaled down
	// together: the shares stay proportional, and the overfull lines are
	// the document's to report.
	scale := 1.0
	if rest < minWrap {
		scale = max(rest, 1) / minWrap
		rest = max(rest, 1)
	}
	// The wrapping columns start from shares in proportion to the
	// length of their text (shareWidths) and then trade width, a step at
	// a time, wherever that makes the table shorter (shorten).
	floor := func(j int) float64 { return words[j] * wordWidth * pt * scale }
	widths := shareWidths(rest, wrapping, func(j int) float64 { return max((means[j]+lines[j])/2, 1) }, floor)
	t.shorten(widths, wrapping, floor, charWidth*pt)
	total := 0.0
	for _, j := range wrapping {
		total += widths[j]
	}
	for _, j := range wrapping {
		l.share[j] = widths[j] / total * float64(len(wrapping))
	}
	return l, ok
}

// colSpec returns the column specification for the layout: r, l or c
// for a column on one line, a ragged-right X column with its \hsize
// share for a wrapping one, p{Width} for a column of explicit Width.
func (t *Table) colSpec(l latexLayout) string {
	var b strings.Builder
	for j, c := range t.Columns {
		a := c.align()
		switch {
		case c.Width != "" || l.wrap[j]:
			switch a {
			case AlignRight:
				b.WriteString(`>{\raggedleft\arraybackslash`)
			case AlignCenter:
				b.WriteString(`>{\centering\arraybackslash`)
			default:
				b.WriteString(`>{\raggedright\arraybackslash`)
			}
			if c.Width != "" {
				b.WriteString("}p{" + c.Width + "}")
				continue
			}
			fmt.Fprintf(&b, `\hsize=%.3f\hsize}X`, l.share[j])
		case a == AlignRight:
			b.WriteString("r")
		case a == AlignCenter:
			b.WriteString("c")
		default:
			b.WriteString("l")
		}
	}
	return b.String()
}

// shareWidths shares width among the columns cols in proportion to
// weight, giving each at least floor: the columns whose proportional
// share is below their floor get the floor, and the others share what
// is left, again in proportion, until no share is below its floor. The
// floors must add up to no more than width.
func shareWidths(width float64, cols []int, weight, floor func(int) float64) map[int]float64 {
	out := map[int]float64{}
	free := append([]int(nil), cols...)
	for {
		sum := 0.0
		for _, j := range free {
			sum += weight(j)
		}
		fixed := false
		var next []int
		for _, j := range free {
			if w := width * weight(j) / sum; w < floor(j) {
				out[j] = floor(j)
				fixed = true
			} else {
				next = append(next, j)
			}
		}
		if !fixed {
			for _, j := range free {
				out[j] = width * weight(j) / sum
			}
			return out
		}
		for _, j := range free {
			if _, ok := out[j]; ok {
				width -= out[j]
			}
		}
		free = next
		if len(free) == 0 {
			return out
		}
	}
}

// sampleRows is the most rows shorten estimates a table's height from;
// a longer table is sampled evenly.
const sampleRows = 400

// shorten moves width between the wrapping columns cols, in steps of a
// fiftieth of their width, while a move makes the table's estimated
// height smaller: the sum over the rows of the row's tallest cell, a
// cell's height being its length at cw points a character over its
// column's width (not rounded up to whole lines, so that every step
// that helps counts); no column goes below its floor. The
// moves are tried in column order, so the result is deterministic.
func (t *Table) shorten(widths map[int]float64, cols []int, floor func(int) float64, cw float64) {
	if len(cols) < 2 {
		return
	}
	step := 0.0
	for _, j := range cols {
		step += widths[j]
	}
	step /= 50
	stride := max(1, len(t.Rows)/sampleRows)
	var lens [][]float64 // the sampled rows' cell lengths in points, per wrapping column
	for i := 0; i < len(t.Rows); i += stride {
		row := make([]float64, len(cols))
		for k, j := range cols {
			row[k] = float64(utf8.RuneCountInString(t.text(t.Rows[i][j]))) * cw
		}
		lens = append(lens, row)
	}
	height := func() float64 {
		h := 0.0
		for _, row := range lens {
			tallest := 1.0
			for k, j := range cols {
				tallest = max(tallest, row[k]/widths[j])
			}
			h += tallest
		}
		return h
	}
	best := height()
	for range 400 {
		moved := false
		for _, a := range cols {
			for _, b := range cols {
				if a == b || widths[b]-step < floor(b) {
					continue
				}
				widths[a] += step
				widths[b] -= step
				if h := height(); h < best {
					best, moved = h, true
					continue
				}
				widths[a] -= step
				widths[b] += step
			}
		}
		if !moved {
			return
		}
	}
}
