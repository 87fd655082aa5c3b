package table

import (
	"bytes"
	"strings"
	"testing"
)

// TestShareWidths: columns share the width by weight, none below its
// floor, and the shares add up to the width.
func TestShareWidths(t *testing.T) {
	weights := map[int]float64{0: 10, 1: 1, 2: 1}
	floors := map[int]float64{0: 10, 1: 30, 2: 5}
	w := shareWidths(120, []int{0, 1, 2}, func(j int) float64 { return weights[j] }, func(j int) float64 { return floors[j] })
	// Column 1's proportional share (10) is below its floor (30): it gets
	// 30, and columns 0 and 2 share the other 90 as 10:1.
	if w[1] != 30 {
		t.Errorf("column 1 got %v, want its floor 30", w[1])
	}
	if sum := w[0] + w[1] + w[2]; sum < 119.999 || sum > 120.001 {
		t.Errorf("shares add up to %v, want 120", sum)
	}
	if r := w[0] / w[2]; r < 9.999 || r > 10.001 {
		t.Errorf("columns 0 and 2 share %v:%v, want 10:1", w[0], w[2])
	}
}

// wideTable has n text columns of long prose.
func wideTable(n int) *Table {
	var cols []Column
	for i := range n {
		cols = append(cols, Column{Name: "c" + string(rune('a'+i)), Header: "Column " + string(rune('A'+i))})
	}
	t := New("Wide", cols...)
	row := make([]Cell, n)
	for i := range row {
		row[i] = Str(strings.Repeat("a long passage of running text that wraps ", 3) + "Transnationalization")
	}
	t.Append(row...)
	return t
}

// TestLayoutOrientation: a table of two text columns stays portrait in
// \small and wraps both; one of sixteen goes to landscape and says so in
// its caption.
func TestLayoutOrientation(t *testing.T) {
	l := wideTable(2).layout()
	if l.landscape || l.size != `\small` || !l.wrap[0] || !l.wrap[1] {
		t.Errorf("two columns: %+v, want portrait, \\small, both wrapping", l)
	}
	l = wideTable(16).layout()
	if !l.landscape {
		t.Errorf("sixteen columns: %+v, want landscape", l)
	}
	var b bytes.Buffer
	if err := wideTable(16).WriteLaTeX(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`\begin{landscape}`, `Set in landscape to fit the page.`, `\begin{tabularx}{\linewidth}`, `\end{landscape}`} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("sixteen columns: output lacks %q", want)
		}
	}
	sum := 0.0
	for j, w := range l.wrap {
		if w {
			sum += l.share[j] - 1
		}
	}
	if sum < -0.001 || sum > 0.001 {
		t.Errorf("X column shares do not average 1 (tabularx's rule): off by %v", sum)
	}
}

// TestNumberColumnsStayOnOneLine: number columns and short text columns
// never wrap.
func TestNumberColumnsStayOnOneLine(t *testing.T) {
	tb := New("Mixed", Column{Name: "name", Header: "Name"}, Column{Name: "n", Header: "N", Kind: KindNumber})
	tb.Append(Str("TTP"), Int(29))
	l := tb.layout()
	if l.wrap[0] || l.wrap[1] {
		t.Errorf("%+v: short columns wrap", l)
	}
	var b bytes.Buffer
	if err := tb.WriteLaTeX(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `\begin{tabular}{lr}`) {
		t.Errorf("a table with no wrapping column is a plain tabular:\n%s", b.String())
	}
}

// TestMinusSign: U+2212, which pdflatex cannot set from UTF-8, becomes
// \textminus.
func TestMinusSign(t *testing.T) {
	if got := EscapeLaTeX("+Afghan Taliban −ISIS"); got != `+Afghan Taliban \textminus{}ISIS` {
		t.Errorf("EscapeLaTeX = %q", got)
	}
}
