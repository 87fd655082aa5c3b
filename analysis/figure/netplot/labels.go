package netplot

import (
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Label is where a node's label is drawn.
type Label struct {
	Node int    // the node, in node order
	Text string // the label
	// Box is the label's rectangle on the canvas.
	Box vg.Rectangle
	// Clear says the box overlaps no other label, no node's disc and
	// stays inside the canvas. When no place beside the node is clear,
	// the label takes the one that overlaps least, and Clear is false.
	Clear bool
}

// gap is the space between a disc and its label.
const gap = vg.Length(1)

// Labels places the labels of the nodes drawn on c by p: node by node,
// largest disc first, each label in the first of eight places around its
// node (below, above, right, left, then the four corners) that is clear
// of every placed label, of every disc and of the canvas edge and crosses
// the fewest links; failing that, in the place with the least overlap,
// the first one on ties. The result is in placing order and leaves out
// nodes without a label.
func (n *Network) Labels(c draw.Canvas, p *plot.Plot) []Label {
	tx, ty := p.Transforms(&c)
	nodes := make([]vg.Rectangle, n.g.N())
	for i := range nodes {
		r := n.Radius(i)
		x, y := tx(n.pos[i].X), ty(n.pos[i].Y)
		nodes[i] = vg.Rectangle{Min: vg.Point{X: x - r, Y: y - r}, Max: vg.Point{X: x + r, Y: y + r}}
	}
	segs := make([][2]vg.Point, len(n.g.Links))
	for k, l := range n.g.Links {
		segs[k] = [2]vg.Point{{X: tx(n.pos[l.U].X), Y: ty(n.pos[l.U].Y)}, {X: tx(n.pos[l.V].X), Y: ty(n.pos[l.V].Y)}}
	}
	var out []Label
	for _, i := range n.order() {
		if n.labels[i] == "" {
			continue
		}
		w, h := n.TextStyle.Width(n.labels[i]), n.TextStyle.Height(n.labels[i])
		best, bestCost, bestCross := vg.Rectangle{}, vg.Length(-1), 0
		for _, box := range candidates(nodes[i], w, h) {
			cost := outside(box, c.Rectangle)
			for j, other := range nodes {
				if j != i {
					cost += overlap(box, other)
				}
			}
			for _, l := range out {
				cost += overlap(box, l.Box)
			}
			if bestCost >= 0 && cost > bestCost {
				continue // links only break ties of overlap
			}
			cross := 0
			for _, sg := range segs {
				if crosses(sg[0], sg[1], box) {
					cross++
				}
			}
			if bestCost < 0 || cost < bestCost || cost == bestCost && cross < bestCross {
				best, bestCost, bestCross = box, cost, cross
			}
			if cost == 0 && cross == 0 {
				break
			}
		}
		out = append(out, Label{Node: i, Text: n.labels[i], Box: best, Clear: bestCost == 0})
	}
	return out
}

// candidates are the eight boxes of width w and height h around the disc
// whose bounding square is d, in order of preference.
func candidates(d vg.Rectangle, w, h vg.Length) []vg.Rectangle {
	cx, cy := (d.Min.X+d.Max.X)/2, (d.Min.Y+d.Max.Y)/2
	at := func(x, y vg.Length) vg.Rectangle { // x, y: the box's lower left corner
		return vg.Rectangle{Min: vg.Point{X: x, Y: y}, Max: vg.Point{X: x + w, Y: y + h}}
	}
	below, above := d.Min.Y-gap-h, d.Max.Y+gap
	right, left := d.Max.X+gap, d.Min.X-gap-w
	return []vg.Rectangle{
		at(cx-w/2, below), at(cx-w/2, above), at(right, cy-h/2), at(left, cy-h/2),
		at(right, below), at(left, below), at(right, above), at(left, above),
	}
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
