package netplot

import (
	"image/color"
	"math"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Geometry is everything Plot draws, in canvas coordinates: Plot draws
// exactly these shapes, so a test can check what a reader sees (labels
// crossed by links, links through nodes, colours) on the same numbers.
type Geometry struct {
	// Area is the rectangle the nodes are fitted into: the canvas less
	// the legend's column and an inset that keeps the discs inside.
	Area vg.Rectangle
	// Canvas is the whole drawing area.
	Canvas vg.Rectangle
	// Nodes are the discs, in node order.
	Nodes []Disc
	// Links are the link segments, in link order.
	Links []Segment
	// Labels are the node labels, in placing order (see Labels).
	Labels []Label
	// Legend is the legend, or nil when AddLegend was not called.
	Legend *Legend
}

// Disc is a node as drawn.
type Disc struct {
	Centre vg.Point
	// Radius is the disc's radius, its white outline included.
	Radius vg.Length
	Color  color.Color
	Group  string // the node's group, "" when there are none
}

// Segment is a link as drawn: a straight line from the centre of node U
// to the centre of node V.
type Segment struct {
	U, V  int
	A, B  vg.Point
	Style draw.LineStyle
	Kind  string // the link's kind, "" when links have none
}

// ring is the width of the white outline of a disc.
const ring = vg.Length(0.5)

// clearance is the least room Geometry leaves between a disc and a link
// that does not end at it, and between a label and anything else.
const clearance = vg.Length(1)

// Geometry computes the drawing of n on the canvas c: nodes fitted into
// the canvas (right of nothing, left of the legend), moved off the links
// they do not belong to (see untangle), links styled by kind, labels
// placed (see Labels) and the legend laid out.
func (n *Network) Geometry(c draw.Canvas) Geometry {
	g := Geometry{Canvas: c.Rectangle}
	if n.legend {
		g.Legend = n.layoutLegend(c.Rectangle)
	}
	g.Area = n.area(c.Rectangle, g.Legend)
	g.Nodes = make([]Disc, n.g.N())
	xmin, xmax, ymin, ymax := n.DataRange()
	fit := func(v, lo, hi float64, a, b vg.Length) vg.Length {
		if hi == lo {
			return (a + b) / 2
		}
		return a + vg.Length((v-lo)/(hi-lo))*(b-a)
	}
	for i := range g.Nodes {
		g.Nodes[i] = Disc{
			Centre: vg.Point{X: fit(n.pos[i].X, xmin, xmax, g.Area.Min.X, g.Area.Max.X), Y: fit(n.pos[i].Y, ymin, ymax, g.Area.Min.Y, g.Area.Max.Y)},
			Radius: n.Radius(i) + ring/2,
			Color:  n.colour[i],
		}
		if len(n.group) > 0 {
			g.Nodes[i].Group = n.group[i]
		}
	}
	g.Links = make([]Segment, len(n.g.Links))
	for k, l := range n.g.Links {
		g.Links[k] = Segment{U: l.U, V: l.V, Style: n.linkStyle(k)}
		if len(n.kind) > 0 {
			g.Links[k].Kind = n.kind[k]
		}
	}
	n.untangle(&g)
	for k := range g.Links {
		g.Links[k].A, g.Links[k].B = g.Nodes[g.Links[k].U].Centre, g.Nodes[g.Links[k].V].Centre
	}
	g.Labels = n.placeLabels(&g)
	return g
}

// area is the rectangle the node centres are fitted into: r less the
// legend's column (and a gap) on the right, inset by the largest disc.
func (n *Network) area(r vg.Rectangle, l *Legend) vg.Rectangle {
	in := n.MaxRadius + ring + clearance
	a := vg.Rectangle{Min: vg.Point{X: r.Min.X + in, Y: r.Min.Y + in}, Max: vg.Point{X: r.Max.X - in, Y: r.Max.Y - in}}
	if l != nil {
		a.Max.X = l.Box.Min.X - legendGap - in
	}
	if a.Max.X < a.Min.X {
		a.Max.X = a.Min.X
	}
	if a.Max.Y < a.Min.Y {
		a.Max.Y = a.Min.Y
	}
	return a
}

// untangleRounds caps the rounds of untangle.
const untangleRounds = 50

// untangle moves nodes off the links they do not end at. A node is in
// conflict when its disc comes closer than clearance to such a link or to
// another disc, or when one of its own links does so to another disc.
// Each round visits the nodes in node order and moves each one in
// conflict to the nearest place free of conflict, searched on circles of
// growing radius (half a point apart, up to maxShift) in 32 directions,
// inside the area; a node with no such place stays. It stops after a
// round that moves nothing, or after untangleRounds rounds, so the result
// is deterministic.
func (n *Network) untangle(g *Geometry) {
	adj := make([][]int, len(g.Nodes)) // links at each node
	for k, s := range g.Links {
		adj[s.U], adj[s.V] = append(adj[s.U], k), append(adj[s.V], k)
	}
	for range untangleRounds {
		moved := false
		for i := range g.Nodes {
			if !g.conflict(i, g.Nodes[i].Centre, adj[i]) {
				continue
			}
			if p, ok := g.freePlace(i, adj[i]); ok {
				g.Nodes[i].Centre, moved = p, true
			}
		}
		if !moved {
			return
		}
	}
}

// maxShift is the farthest untangle moves a node, in points.
const maxShift = vg.Length(24)

// freePlace is the nearest place to node i free of conflict.
func (g *Geometry) freePlace(i int, links []int) (vg.Point, bool) {
	c := g.Nodes[i].Centre
	for r := vg.Length(0.5); r <= maxShift; r += 0.5 {
		for k := range 32 {
			s, co := math.Sincos(float64(k) * math.Pi / 16)
			p := vg.Point{X: c.X + r*vg.Length(co), Y: c.Y + r*vg.Length(s)}
			if p.X < g.Area.Min.X || p.X > g.Area.Max.X || p.Y < g.Area.Min.Y || p.Y > g.Area.Max.Y {
				continue
			}
			if !g.conflict(i, p, links) {
				return p, true
			}
		}
	}
	return vg.Point{}, false
}

// conflict reports whether node i, put at p, is in conflict (see
// untangle); links are the links at i.
func (g *Geometry) conflict(i int, p vg.Point, links []int) bool {
	d := g.Nodes[i]
	at := func(j int) vg.Point {
		if j == i {
			return p
		}
		return g.Nodes[j].Centre
	}
	for _, s := range g.Links {
		if s.U != i && s.V != i && segmentDistance(at(s.U), at(s.V), p) < d.Radius+s.Style.Width/2+clearance {
			return true
		}
	}
	for j, o := range g.Nodes {
		if j != i && dist(o.Centre, p) < d.Radius+o.Radius+clearance {
			return true
		}
	}
	for _, k := range links {
		s := g.Links[k]
		for j, o := range g.Nodes {
			if j != s.U && j != s.V && segmentDistance(at(s.U), at(s.V), o.Centre) < o.Radius+s.Style.Width/2+clearance {
				return true
			}
		}
	}
	return false
}

// nearest is the point of the segment a-b nearest to p.
func nearest(a, b, p vg.Point) vg.Point {
	dx, dy := float64(b.X-a.X), float64(b.Y-a.Y)
	l2 := dx*dx + dy*dy
	if l2 == 0 {
		return a
	}
	t := (float64(p.X-a.X)*dx + float64(p.Y-a.Y)*dy) / l2
	t = min(max(t, 0), 1)
	return vg.Point{X: a.X + vg.Length(t*dx), Y: a.Y + vg.Length(t*dy)}
}

func dist(a, b vg.Point) vg.Length {
	return vg.Length(math.Hypot(float64(a.X-b.X), float64(a.Y-b.Y)))
}

// segmentDistance is the distance from p to the segment a-b.
func segmentDistance(a, b, p vg.Point) vg.Length { return dist(nearest(a, b, p), p) }

// segmentRectDistance is the distance from the segment a-b to the
// rectangle r: 0 when the segment touches or crosses it.
func segmentRectDistance(a, b vg.Point, r vg.Rectangle) vg.Length {
	if crosses(a, b, r) {
		return 0
	}
	d := math.Inf(1)
	corners := []vg.Point{r.Min, {X: r.Max.X, Y: r.Min.Y}, r.Max, {X: r.Min.X, Y: r.Max.Y}}
	for k, c := range corners {
		d = math.Min(d, float64(segmentDistance(a, b, c)))
		e := corners[(k+1)%4]
		d = math.Min(d, float64(segmentDistance(c, e, a)))
		d = math.Min(d, float64(segmentDistance(c, e, b)))
	}
	return vg.Length(d)
}

// circleRectDistance is the distance from the disc of centre p and
// radius r to the rectangle b: 0 when they touch or overlap.
func circleRectDistance(p vg.Point, r vg.Length, b vg.Rectangle) vg.Length {
	dx := max(b.Min.X-p.X, 0, p.X-b.Max.X)
	dy := max(b.Min.Y-p.Y, 0, p.Y-b.Max.Y)
	return max(vg.Length(math.Hypot(float64(dx), float64(dy)))-r, 0)
}

// rectDistance is the distance between two rectangles: 0 when they
// touch or overlap.
func rectDistance(a, b vg.Rectangle) vg.Length {
	dx := max(a.Min.X-b.Max.X, 0, b.Min.X-a.Max.X)
	dy := max(a.Min.Y-b.Max.Y, 0, b.Min.Y-a.Max.Y)
	return vg.Length(math.Hypot(float64(dx), float64(dy)))
}
