package netplot

import (
	"math"
	"slices"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Label is where a node's label is drawn.
type Label struct {
	Node int    // the node, in node order
	Text string // the label, as given
	// Lines are the lines drawn: the label, or the label wrapped at
	// spaces when it is wider than WrapWidth.
	Lines []string
	// Box is the label's rectangle on the canvas: as wide as its widest
	// line and as tall as its lines, by the font's ascent and descent.
	Box vg.Rectangle
	// Clear says the box overlaps no other label, no disc and no legend
	// and stays inside the canvas (with clearance to spare). When no
	// place beside the node is clear, the label takes the one that
	// overlaps least (see Labels), and Clear is false.
	Clear bool
	// Crossings counts the links that cross the box (or come closer to
	// it than clearance).
	Crossings int
}

// gap is the least space between a disc and its label.
const gap = vg.Length(1)

// offsets are the distances from its disc at which a label is tried, in
// order: the nearest clear place wins.
var offsets = []vg.Length{gap, gap + 2, gap + 4, gap + 7, gap + 10, gap + 14}

// Labels places the labels of the nodes drawn on c by p (see Geometry).
func (n *Network) Labels(c draw.Canvas, p *plot.Plot) []Label { return n.Geometry(c).Labels }

// placeLabels places the labels node by node, largest disc first. Each
// label goes to the first place around its node that is clear (see
// Label.Clear) and crossed by no link: offsets nearest first; at each,
// the label's line breaks (see wraps), and for each the eight places
// below, above, right, left, then the four corners. When there is none
// it takes the place of least overlap (ten times the area outside the
// canvas, plus the areas it shares with discs, labels and the legend),
// then of fewest crossings, then nearest; with a LabelBackground, which
// keeps a crossed label legible, of least crossings plus offset rank
// instead, so that a label does not drift far from its node to avoid a
// link. The first one wins ties.
// The result is in placing order and leaves out nodes without a label.
func (n *Network) placeLabels(g *Geometry) []Label {
	var out []Label
	for _, i := range n.order() {
		if n.labels[i] == "" {
			continue
		}
		variants := n.wraps(n.labels[i])
		best := Label{Node: i, Text: n.labels[i]}
		bestCost, bestScore := vg.Length(-1), 0
		crossWeight := len(offsets) // crossings first, then offset rank
		if n.LabelBackground != nil {
			crossWeight = 1
		}
	search:
		for rank, o := range offsets {
			for _, lines := range variants {
				w, h := n.textBox(lines)
				for _, box := range candidates(g.Nodes[i], o, w, h) {
					cost, cross := n.labelCost(g, out, box)
					if score := cross*crossWeight + rank; bestCost < 0 || cost < bestCost || cost == bestCost && score < bestScore {
						best.Lines, best.Box, best.Crossings, bestCost, bestScore = lines, box, cross, cost, score
					}
					if cost == 0 && cross == 0 {
						break search
					}
				}
			}
		}
		best.Clear = bestCost == 0
		out = append(out, best)
	}
	return out
}

// labelCost is the overlap of a label at box with the canvas edge,
// discs, placed labels and the legend (see placeLabels), and the number
// of links that cross it.
func (n *Network) labelCost(g *Geometry, placed []Label, box vg.Rectangle) (cost vg.Length, cross int) {
	near := vg.Rectangle{Min: vg.Point{X: box.Min.X - clearance, Y: box.Min.Y - clearance}, Max: vg.Point{X: box.Max.X + clearance, Y: box.Max.Y + clearance}}
	cost = outside(near, g.Canvas)
	for _, d := range g.Nodes {
		if circleRectDistance(d.Centre, d.Radius, box) < clearance {
			cost += max(overlap(near, square(d)), 1)
		}
	}
	for _, l := range placed {
		if rectDistance(box, l.Box) < clearance {
			cost += max(overlap(near, l.Box), 1)
		}
	}
	if g.Legend != nil && rectDistance(box, g.Legend.Box) < clearance {
		cost += max(overlap(near, g.Legend.Box), 1)
	}
	for _, s := range g.Links {
		if segmentRectDistance(s.A, s.B, box) < s.Style.Width/2+clearance {
			cross++
		}
	}
	return cost, cross
}

// square is the bounding square of a disc.
func square(d Disc) vg.Rectangle {
	return vg.Rectangle{Min: vg.Point{X: d.Centre.X - d.Radius, Y: d.Centre.Y - d.Radius}, Max: vg.Point{X: d.Centre.X + d.Radius, Y: d.Centre.Y + d.Radius}}
}

// candidates are the eight boxes of width w and height h around the disc
// d at distance o, in order of preference: below, above, right, left,
// then the corners (lower right, lower left, upper right, upper left) on
// the diagonals.
func candidates(d Disc, o, w, h vg.Length) []vg.Rectangle {
	cx, cy, r := d.Centre.X, d.Centre.Y, d.Radius
	at := func(x, y vg.Length) vg.Rectangle { // x, y: the box's lower left corner
		return vg.Rectangle{Min: vg.Point{X: x, Y: y}, Max: vg.Point{X: x + w, Y: y + h}}
	}
	diag := (r + o) / vg.Length(math.Sqrt2)
	return []vg.Rectangle{
		at(cx-w/2, cy-r-o-h), at(cx-w/2, cy+r+o), at(cx+r+o, cy-h/2), at(cx-r-o-w, cy-h/2),
		at(cx+diag, cy-diag-h), at(cx-diag-w, cy-diag-h), at(cx+diag, cy+diag), at(cx-diag-w, cy+diag),
	}
}

// textBox is the size of lines in TextStyle: the widest line, and one
// ascent plus descent per line.
func (n *Network) textBox(lines []string) (w, h vg.Length) {
	for _, l := range lines {
		w = max(w, n.TextStyle.Width(l))
	}
	e := n.TextStyle.FontExtents()
	return w, vg.Length(len(lines)) * (e.Ascent + e.Descent)
}

// fillLabel draws a label's lines centred in its box, the first line's
// ascent at the top of the box.
func (n *Network) fillLabel(c draw.Canvas, l Label) {
	e := n.TextStyle.FontExtents()
	sty := n.TextStyle
	sty.XAlign, sty.YAlign, sty.Rotation = draw.XCenter, draw.YBottom, 0
	cx := (l.Box.Min.X + l.Box.Max.X) / 2
	base := l.Box.Max.Y - e.Ascent
	for _, line := range l.Lines {
		// text.Plain draws a one-line text in YBottom alignment with its
		// baseline Font.Size - Ascent above the given point.
		c.FillText(sty, vg.Point{X: cx, Y: base + e.Ascent - sty.Font.Size}, line)
		base -= e.Ascent + e.Descent
	}
}

// maxLines is the most lines a label is wrapped onto.
const maxLines = 3

// wraps returns the line breaks to try for a label, in order: the label
// on one line when it fits WrapWidth; otherwise broken at spaces onto
// the fewest lines (up to maxLines) whose widest fits WrapWidth, then
// onto more lines up to maxLines (narrower, for a tight place), then
// onto fewer lines down to one.
func (n *Network) wraps(label string) [][]string {
	words := strings.Fields(label)
	if n.WrapWidth <= 0 || len(words) < 2 || n.TextStyle.Width(label) <= n.WrapWidth {
		return [][]string{{label}}
	}
	all := [][]string{{label}} // all[k-1] is the label on k lines
	fit := 0
	for k := 2; k <= min(maxLines, len(words)); k++ {
		lines := balance(n.TextStyle, words, k)
		all = append(all, lines)
		if w, _ := n.textBox(lines); w <= n.WrapWidth && fit == 0 {
			fit = k - 1
		}
	}
	if fit == 0 {
		fit = len(all) - 1
	}
	order := slices.Clone(all[fit:])
	for k := fit - 1; k >= 0; k-- {
		order = append(order, all[k])
	}
	return order
}

// balance breaks words onto k lines so that the widest line is as narrow
// as it can be, the first such breaking on ties.
func balance(sty text.Style, words []string, k int) []string {
	var best []string
	bestW := vg.Length(math.Inf(1))
	var try func(start int, acc []string)
	try = func(start int, acc []string) {
		if len(acc) == k-1 {
			lines := append(append([]string(nil), acc...), strings.Join(words[start:], " "))
			w := vg.Length(0)
			for _, l := range lines {
				w = max(w, sty.Width(l))
			}
			if w < bestW {
				best, bestW = lines, w
			}
			return
		}
		for end := start + 1; end <= len(words)-(k-1-len(acc)); end++ {
			try(end, append(acc, strings.Join(words[start:end], " ")))
		}
	}
	try(0, nil)
	return best
}

// overlap is the area two rectangles share.
func overlap(a, b vg.Rectangle) vg.Length {
	w := min(a.Max.X, b.Max.X) - max(a.Min.X, b.Min.X)
	h := min(a.Max.Y, b.Max.Y) - max(a.Min.Y, b.Min.Y)
	if w <= 0 || h <= 0 {
		return 0
	}
	return w * h
}

// outside is the area of a outside the canvas rectangle r, weighted ten
// times: a clipped label is worse than one that touches a disc.
func outside(a, r vg.Rectangle) vg.Length {
	return 10 * ((a.Max.X-a.Min.X)*(a.Max.Y-a.Min.Y) - overlap(a, r))
}

// crosses reports whether the segment a-b passes through the rectangle r
// (Liang and Barsky's clipping: the segment's parameter range inside all
// four half-planes is not empty).
func crosses(a, b vg.Point, r vg.Rectangle) bool {
	if max(a.X, b.X) < r.Min.X || min(a.X, b.X) > r.Max.X || max(a.Y, b.Y) < r.Min.Y || min(a.Y, b.Y) > r.Max.Y {
		return false
	}
	t0, t1 := 0.0, 1.0
	dx, dy := float64(b.X-a.X), float64(b.Y-a.Y)
	for _, e := range [4][2]float64{
		{-dx, float64(a.X - r.Min.X)}, {dx, float64(r.Max.X - a.X)},
		{-dy, float64(a.Y - r.Min.Y)}, {dy, float64(r.Max.Y - a.Y)},
	} {
		p, q := e[0], e[1]
		if p == 0 {
			if q < 0 {
				return false
			}
			continue
		}
		t := q / p
		if p < 0 {
			t0 = max(t0, t)
		} else {
			t1 = min(t1, t)
		}
		if t0 > t1 {
			return false
		}
	}
	return true
}
