package netplot

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/nexus-toolkit/nexus/analysis/figure"
)

// Legend is the legend as drawn: a column at the top right of the
// canvas, outside the area of the nodes, with the groups (disc swatches)
// and then the link kinds (line swatches), each under its heading when
// one is given.
type Legend struct {
	Box     vg.Rectangle
	Entries []LegendEntry
}

// LegendEntry is one line of the legend: a heading (no swatch), a group
// or a kind.
type LegendEntry struct {
	Text    string
	TextBox vg.Rectangle
	// Swatch is the box of the swatch; zero for a heading.
	Swatch vg.Rectangle
	// Group is the group of a disc swatch, Color its colour.
	Group string
	Color color.Color
	// Kind is the kind of a line swatch, Line its style.
	Kind string
	Line draw.LineStyle
}

// Legend geometry, in points.
const (
	swatchWidth = vg.Length(16)
	swatchGap   = vg.Length(3)
	legendGap   = vg.Length(6) // between the legend and the nodes' area
	sectionGap  = vg.Length(4) // between the groups and the kinds
)

// kindGreys and kindDashes make the styles of the link kinds: greys, so
// that no link shares a colour with a node group, and dash patterns, so
// that kinds of the same grey stay apart (solid, dashed, dotted,
// dash-dotted, dark then mid grey).
var (
	kindGreys  = []color.Color{color.NRGBA{R: 0x33, G: 0x33, B: 0x33, A: 0xFF}, color.NRGBA{R: 0x88, G: 0x88, B: 0x88, A: 0xFF}}
	kindDashes = [][]vg.Length{nil, {4, 2}, {1, 1.5}, {6, 2, 1, 2}}
)

// MaxKinds is the number of link kinds a Network can tell apart.
var MaxKinds = len(kindGreys) * len(kindDashes)

// KindStyle returns the line style of the k-th link kind (0 <= k <
// MaxKinds) at width w: its grey and dash pattern, the dashes lengthened
// in proportion for a line wider than a point so they stay readable.
func KindStyle(k int, w vg.Length) draw.LineStyle {
	st := draw.LineStyle{Color: kindGreys[k/len(kindDashes)], Width: w}
	scale := max(w, 1)
	for _, d := range kindDashes[k%len(kindDashes)] {
		st.Dashes = append(st.Dashes, d*scale)
	}
	return st
}

// linkStyle is the style of the k-th link: its kind's style, or
// LinkColor when links have no kinds, at Width(k).
func (n *Network) linkStyle(k int) draw.LineStyle {
	if len(n.kind) == 0 {
		return draw.LineStyle{Color: n.LinkColor, Width: n.Width(k)}
	}
	return KindStyle(n.kindIndex(n.kind[k]), n.Width(k))
}

func (n *Network) kindIndex(kind string) int {
	for k, s := range n.kinds {
		if s == kind {
			return k
		}
	}
	return -1
}

// legendStyle is the text style of the legend: the plot's legend font.
func (n *Network) legendStyle() draw.TextStyle {
	sty := figure.TextStyle(figure.BodySize)
	sty.XAlign, sty.YAlign = draw.XLeft, draw.YBottom
	return sty
}

// layoutLegend places the legend at the top right of r.
func (n *Network) layoutLegend(r vg.Rectangle) *Legend {
	type row struct {
		e      LegendEntry
		swatch bool
		space  vg.Length // extra room above
	}
	var rows []row
	section := func(title string, entries []LegendEntry) {
		if len(entries) == 0 {
			return
		}
		space := vg.Length(0)
		if len(rows) > 0 {
			space = sectionGap
		}
		if title != "" {
			rows = append(rows, row{e: LegendEntry{Text: title}, space: space})
			space = 0
		}
		for _, e := range entries {
			rows = append(rows, row{e: e, swatch: true, space: space})
			space = 0
		}
	}
	var groups, kinds []LegendEntry
	for k, grp := range n.groups {
		groups = append(groups, LegendEntry{Text: n.name(n.names, grp), Group: grp, Color: n.groupColour[k]})
	}
	for k, kind := range n.kinds {
		kinds = append(kinds, LegendEntry{Text: n.name(n.kindNames, kind), Kind: kind, Line: KindStyle(k, vg.Points(1))})
	}
	section(n.groupTitle, groups)
	section(n.kindTitle, kinds)
	if len(rows) == 0 {
		return nil
	}
	sty := n.legendStyle()
	e := sty.FontExtents()
	lineH := e.Ascent + e.Descent
	w := vg.Length(0)
	for _, rw := range rows {
		tw := sty.Width(rw.e.Text)
		if rw.swatch {
			tw += swatchWidth + swatchGap
		}
		w = max(w, tw)
	}
	l := &Legend{}
	x0, y := r.Max.X-w, r.Max.Y
	for _, rw := range rows {
		y -= rw.space + lineH
		ent := rw.e
		tx := x0
		if rw.swatch {
			ent.Swatch = vg.Rectangle{Min: vg.Point{X: x0, Y: y}, Max: vg.Point{X: x0 + swatchWidth, Y: y + lineH}}
			tx += swatchWidth + swatchGap
		}
		ent.TextBox = vg.Rectangle{Min: vg.Point{X: tx, Y: y}, Max: vg.Point{X: tx + sty.Width(ent.Text), Y: y + lineH}}
		l.Entries = append(l.Entries, ent)
	}
	l.Box = vg.Rectangle{Min: vg.Point{X: x0, Y: y}, Max: vg.Point{X: r.Max.X, Y: r.Max.Y}}
	return l
}

func (n *Network) name(names map[string]string, v string) string {
	if s, ok := names[v]; ok {
		return s
	}
	return v
}

// drawLegend draws l.
func (n *Network) drawLegend(c draw.Canvas, l *Legend) {
	sty := n.legendStyle()
	e := sty.FontExtents()
	for _, ent := range l.Entries {
		c.FillText(sty, vg.Point{X: ent.TextBox.Min.X, Y: ent.TextBox.Min.Y + e.Descent + e.Ascent - sty.Font.Size}, ent.Text)
		mid := vg.Point{X: (ent.Swatch.Min.X + ent.Swatch.Max.X) / 2, Y: (ent.Swatch.Min.Y + ent.Swatch.Max.Y) / 2}
		switch {
		case ent.Color != nil:
			r := min(ent.Swatch.Max.Y-ent.Swatch.Min.Y, ent.Swatch.Max.X-ent.Swatch.Min.X) * 0.35
			c.DrawGlyph(draw.GlyphStyle{Color: ent.Color, Radius: r, Shape: draw.CircleGlyph{}}, mid)
		case ent.Kind != "":
			c.StrokeLines(ent.Line, []vg.Point{{X: ent.Swatch.Min.X, Y: mid.Y}, {X: ent.Swatch.Max.X, Y: mid.Y}})
		}
	}
}

// AddLegend makes n draw its legend (see Legend) at the top right of the
// drawing, the nodes fitted into the room left of it. p is not changed:
// the legend is n's own, so that Geometry knows where it is.
func (n *Network) AddLegend(p *plot.Plot) { n.legend = true }
