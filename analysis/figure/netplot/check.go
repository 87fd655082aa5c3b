package netplot

import (
	"fmt"
	"image/color"
	"math"
	"slices"

	"gonum.org/v1/plot/vg"
)

// Problems lists what an editor would object to in g, one sentence
// each, in a fixed order: a label outside the canvas, overlapping
// another label, a disc or the legend, or crossed by a link; a link that
// passes through a disc it does not end at; a disc, link or label inside
// the legend; a colour with two meanings (a node colour used for two
// groups or by a link, a line style used for two kinds). It measures by
// sampling each link every tenth of a point, not by the formulas that
// place the labels, so it checks them. An empty list is a clean drawing.
func (g Geometry) Problems() []string {
	var out []string
	bad := func(format string, a ...any) { out = append(out, fmt.Sprintf(format, a...)) }
	for i, l := range g.Labels {
		if !inside(l.Box, g.Canvas) {
			bad("label %q is not inside the canvas", l.Text)
		}
		for _, m := range g.Labels[i+1:] {
			if overlap(l.Box, m.Box) > 0 {
				bad("labels %q and %q overlap", l.Text, m.Text)
			}
		}
		for j, d := range g.Nodes {
			if discMeetsRect(d, l.Box) {
				bad("label %q overlaps the disc of node %d", l.Text, j)
			}
		}
		if g.Legend != nil && overlap(l.Box, g.Legend.Box) > 0 {
			bad("label %q overlaps the legend", l.Text)
		}
		for k, s := range g.Links {
			if sampled(s, func(p vg.Point, w vg.Length) bool { return rectNear(l.Box, p, w) }) {
				bad("label %q is crossed by link %d (%d–%d)", l.Text, k, s.U, s.V)
			}
		}
	}
	for k, s := range g.Links {
		for j, d := range g.Nodes {
			if j != s.U && j != s.V && sampled(s, func(p vg.Point, w vg.Length) bool { return dist(p, d.Centre) < d.Radius+w }) {
				bad("link %d (%d–%d) passes through the disc of node %d", k, s.U, s.V, j)
			}
		}
		if g.Legend != nil && sampled(s, func(p vg.Point, w vg.Length) bool { return rectNear(g.Legend.Box, p, w) }) {
			bad("link %d (%d–%d) runs through the legend", k, s.U, s.V)
		}
	}
	for j, d := range g.Nodes {
		if g.Legend != nil && discMeetsRect(d, g.Legend.Box) {
			bad("the disc of node %d overlaps the legend", j)
		}
	}
	return append(out, g.colourProblems()...)
}

// colourProblems lists the colours of g with two meanings.
func (g Geometry) colourProblems() []string {
	var out []string
	groupOf := map[color.NRGBA]string{}
	for _, d := range g.Nodes {
		c := nrgba(d.Color)
		if grp, ok := groupOf[c]; ok && grp != d.Group {
			out = append(out, fmt.Sprintf("colour %v marks groups %q and %q", c, grp, d.Group))
		} else if !ok {
			groupOf[c] = d.Group
		}
	}
	kindOf := map[string]string{}
	for _, s := range g.Links {
		c := nrgba(s.Style.Color)
		if grp, ok := groupOf[c]; ok {
			out = append(out, fmt.Sprintf("colour %v marks group %q and a link", c, grp))
		}
		key := fmt.Sprint(c, normDashes(s.Style.Dashes, s.Style.Width))
		if kind, ok := kindOf[key]; ok && kind != s.Kind {
			out = append(out, fmt.Sprintf("line style %s marks kinds %q and %q", key, kind, s.Kind))
		}
		kindOf[key] = s.Kind
	}
	if g.Legend != nil {
		for _, e := range g.Legend.Entries {
			switch {
			case e.Color != nil:
				if grp, ok := groupOf[nrgba(e.Color)]; ok && grp != e.Group {
					out = append(out, fmt.Sprintf("legend entry %q has the colour of group %q", e.Text, grp))
				}
			case e.Kind != "":
				key := fmt.Sprint(nrgba(e.Line.Color), normDashes(e.Line.Dashes, e.Line.Width))
				if kind, ok := kindOf[key]; ok && kind != e.Kind {
					out = append(out, fmt.Sprintf("legend entry %q has the line style of kind %q", e.Text, kind))
				}
			}
		}
	}
	return slices.Compact(out)
}

func nrgba(c color.Color) color.NRGBA { return color.NRGBAModel.Convert(c).(color.NRGBA) }

// normDashes is a dash pattern per point of line width, so that the same
// kind drawn at two widths has one pattern.
func normDashes(d []vg.Length, w vg.Length) []float64 {
	out := make([]float64, len(d))
	for i, v := range d {
		out[i] = math.Round(float64(v/max(w, 1))*1000) / 1000
	}
	return out
}

// sampled reports whether hit holds at some point of the link, sampled
// every tenth of a point from end to end, with the half width of its line.
func sampled(s Segment, hit func(p vg.Point, halfWidth vg.Length) bool) bool {
	steps := int(math.Ceil(float64(dist(s.A, s.B))*10)) + 1
	for k := 0; k <= steps; k++ {
		f := vg.Length(k) / vg.Length(steps)
		if hit(vg.Point{X: s.A.X + f*(s.B.X-s.A.X), Y: s.A.Y + f*(s.B.Y-s.A.Y)}, s.Style.Width/2) {
			return true
		}
	}
	return false
}

// rectNear reports whether p is within d of the rectangle r.
func rectNear(r vg.Rectangle, p vg.Point, d vg.Length) bool {
	return p.X > r.Min.X-d && p.X < r.Max.X+d && p.Y > r.Min.Y-d && p.Y < r.Max.Y+d
}

// discMeetsRect reports whether the disc d and the rectangle r share a
// point, by the point of r nearest to the centre.
func discMeetsRect(d Disc, r vg.Rectangle) bool {
	q := vg.Point{X: min(max(d.Centre.X, r.Min.X), r.Max.X), Y: min(max(d.Centre.Y, r.Min.Y), r.Max.Y)}
	return dist(q, d.Centre) < d.Radius
}

// inside reports whether a lies within r.
func inside(a, r vg.Rectangle) bool {
	return a.Min.X >= r.Min.X && a.Min.Y >= r.Min.Y && a.Max.X <= r.Max.X && a.Max.Y <= r.Max.Y
}
