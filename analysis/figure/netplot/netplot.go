// Package netplot draws a network as a gonum/plot plotter in the style of
// package figure: nodes at given positions (from analysis/graph/layout),
// sized and coloured by attributes the caller gives, links widened by
// their weight, and labels placed beside their nodes where they overlap
// no other label or node.
//
// Colours are the Okabe-Ito palette of figure (one per group, in the
// order of Options.Groups), so the figure reads under the common forms of
// colour blindness; a node also carries its label, so no information rests
// on colour alone. Everything drawn depends only on the graph, the
// positions and the options: links in order of weight then link order,
// nodes largest first, labels placed greedily in that order, so a figure
// saved with figure.Save is byte-identical on every run and for any
// GOMAXPROCS.
//
// It is part of the core: it knows graphs and figures, never a study.
package netplot

import (
	"errors"
	"fmt"
	"image/color"
	"math"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/nexus-toolkit/nexus/analysis/figure"
	"github.com/nexus-toolkit/nexus/analysis/graph"
	"github.com/nexus-toolkit/nexus/analysis/graph/layout"
)

// Options are the per-node attributes of a Network. Every slice is in
// node order (g.Nodes) and either empty or one entry per node.
type Options struct {
	// Size scales each node's disc: its area grows linearly from
	// MinRadius (smallest value) to MaxRadius (largest). Empty: every
	// node has MinRadius. Values must be finite.
	Size []float64
	// Group gives each node's group, drawn as its colour. Empty: every
	// node is figure.Blue.
	Group []string
	// Groups orders the groups: the k-th takes figure.Color(k) and the
	// k-th place in the legend. Empty: the distinct values of Group in
	// sorted order. Every value of Group must be listed.
	Groups []string
	// GroupLabels names the groups in the legend; a group missing from it
	// is shown by its value.
	GroupLabels map[string]string
	// Labels is each node's label; "" draws none. Empty: Node.Name, or
	// the ID when the name is empty.
	Labels []string
}

// Network is a plotter of a graph at fixed positions. New returns one
// with the default style; its style fields may be changed before it is
// drawn.
type Network struct {
	g        *graph.Graph
	pos      []layout.Point
	size     []float64
	lo, hi   float64 // the smallest and largest size
	wlo, whi float64 // the smallest and largest link weight
	colour   []color.Color
	labels   []string
	groups   []string
	names    map[string]string

	// MinRadius and MaxRadius bound the node discs.
	MinRadius, MaxRadius vg.Length
	// MinWidth and MaxWidth bound the link widths: the lightest link is
	// MinWidth wide, the heaviest MaxWidth, linearly in between.
	MinWidth, MaxWidth vg.Length
	// LinkColor is the colour of every link.
	LinkColor color.Color
	// TextStyle is the style of the node labels.
	TextStyle text.Style
	// Pad is the room, in data units, that DataRange leaves around the
	// outermost nodes for their discs and labels.
	Pad float64
	// LegendRoom is the fraction of the drawing's width that DataRange
	// adds on the right for the legend; AddLegend sets it to 0.3 when
	// it is 0.
	LegendRoom float64
}

// ErrOptions wraps every problem New finds in its arguments.
var ErrOptions = errors.New("netplot: bad arguments")

// New returns the network g drawn at pos (one position per node, in node
// order) with the attributes of opt. It reports every problem it finds:
// a position or size that is not finite, a slice whose length is not the
// number of nodes, a group missing from opt.Groups.
func New(g *graph.Graph, pos []layout.Point, opt Options) (*Network, error) {
	n := g.N()
	var errs []error
	bad := func(format string, a ...any) {
		errs = append(errs, fmt.Errorf("%w: "+format, append([]any{ErrOptions}, a...)...))
	}
	if len(pos) != n {
		bad("%d positions for %d nodes, expected one per node", len(pos), n)
	}
	for i, p := range pos {
		if !finite(p.X) || !finite(p.Y) {
			bad("node %q: position (%v, %v), expected finite coordinates", id(g, i), p.X, p.Y)
		}
	}
	for _, f := range []struct {
		name string
		len  int
	}{{"Size", len(opt.Size)}, {"Group", len(opt.Group)}, {"Labels", len(opt.Labels)}} {
		if f.len != 0 && f.len != n {
			bad("%s has %d values for %d nodes, expected none or one per node", f.name, f.len, n)
		}
	}
	for i, s := range opt.Size {
		if !finite(s) {
			bad("node %q: size %v, expected a finite number", id(g, i), s)
		}
	}
	groups := opt.Groups
	if len(groups) == 0 {
		groups = slices.Clone(opt.Group)
		slices.Sort(groups)
		groups = slices.Compact(groups)
	}
	colour := make([]color.Color, n)
	for i := range colour {
		colour[i] = figure.Blue
		if len(opt.Group) == n {
			k := slices.Index(groups, opt.Group[i])
			if k < 0 {
				bad("node %q: group %q is not in Groups %v", id(g, i), opt.Group[i], groups)
				continue
			}
			colour[i] = figure.Color(k)
		}
	}
	if len(errs) > 0 {
		slices.SortFunc(errs, func(a, b error) int { return cmpString(a.Error(), b.Error()) })
		return nil, errors.Join(errs...)
	}
	labels := opt.Labels
	if len(labels) == 0 {
		labels = make([]string, n)
		for i, node := range g.Nodes {
			labels[i] = node.Name
			if labels[i] == "" {
				labels[i] = node.ID
			}
		}
	}
	ts := figure.TextStyle(figure.TickSize)
	ts.XAlign, ts.YAlign = draw.XCenter, draw.YCenter
	var lo, hi float64
	if len(opt.Size) > 0 {
		lo, hi = slices.Min(opt.Size), slices.Max(opt.Size)
	}
	net := &Network{
		g: g, pos: pos, size: opt.Size, lo: lo, hi: hi, colour: colour, labels: labels, groups: groups, names: opt.GroupLabels,
		MinRadius: vg.Points(2.5), MaxRadius: vg.Points(8),
		MinWidth: vg.Points(0.4), MaxWidth: vg.Points(2.4),
		LinkColor: color.NRGBA{R: 0x80, G: 0x80, B: 0x80, A: 0xFF},
		TextStyle: ts,
		Pad:       0.25,
	}
	net.wlo, net.whi = net.weightRange()
	return net, nil
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

func id(g *graph.Graph, i int) string {
	if i < g.N() {
		return g.Nodes[i].ID
	}
	return fmt.Sprint(i)
}

// Radius returns the radius of node i's disc.
func (n *Network) Radius(i int) vg.Length {
	if len(n.size) == 0 {
		return n.MinRadius
	}
	if n.hi == n.lo {
		return n.MinRadius
	}
	f := (n.size[i] - n.lo) / (n.hi - n.lo)
	r0, r1 := float64(n.MinRadius), float64(n.MaxRadius)
	return vg.Length(math.Sqrt(r0*r0 + f*(r1*r1-r0*r0)))
}

// Width returns the width of the k-th link of the graph.
func (n *Network) Width(k int) vg.Length {
	if n.whi == n.wlo {
		return n.MinWidth
	}
	f := (n.g.Links[k].Weight - n.wlo) / (n.whi - n.wlo)
	return n.MinWidth + vg.Length(f)*(n.MaxWidth-n.MinWidth)
}

func (n *Network) weightRange() (lo, hi float64) {
	if len(n.g.Links) == 0 {
		return 0, 0
	}
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, l := range n.g.Links {
		lo, hi = math.Min(lo, l.Weight), math.Max(hi, l.Weight)
	}
	return lo, hi
}

// order returns the nodes largest disc first, then in node order.
func (n *Network) order() []int {
	idx := make([]int, n.g.N())
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		ra, rb := n.Radius(a), n.Radius(b)
		switch {
		case ra > rb:
			return -1
		case ra < rb:
			return 1
		}
		return a - b
	})
	return idx
}

// Plot draws the links, lightest first, then the nodes, largest first (a
// small disc stays on top),
// each with a thin white ring, then the labels where Labels puts them.
func (n *Network) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	at := func(i int) vg.Point { return vg.Point{X: tx(n.pos[i].X), Y: ty(n.pos[i].Y)} }
	links := make([]int, len(n.g.Links))
	for k := range links {
		links[k] = k
	}
	slices.SortStableFunc(links, func(a, b int) int {
		wa, wb := n.g.Links[a].Weight, n.g.Links[b].Weight
		switch {
		case wa < wb:
			return -1
		case wa > wb:
			return 1
		}
		return 0
	})
	for _, k := range links {
		l := n.g.Links[k]
		c.StrokeLines(draw.LineStyle{Color: n.LinkColor, Width: n.Width(k)}, []vg.Point{at(l.U), at(l.V)})
	}
	for _, i := range n.order() { // largest first, so a small disc is never hidden
		r := n.Radius(i)
		c.DrawGlyph(draw.GlyphStyle{Color: n.colour[i], Radius: r, Shape: draw.CircleGlyph{}}, at(i))
		c.DrawGlyph(draw.GlyphStyle{Color: color.White, Radius: r, Shape: draw.RingGlyph{}}, at(i))
	}
	for _, l := range n.Labels(c, p) {
		centre := vg.Point{X: (l.Box.Min.X + l.Box.Max.X) / 2, Y: (l.Box.Min.Y + l.Box.Max.Y) / 2}
		c.FillText(n.TextStyle, centre, l.Text)
	}
}

// DataRange is the bounding box of the positions, widened by Pad on
// every side and by LegendRoom on the right.
func (n *Network) DataRange() (xmin, xmax, ymin, ymax float64) {
	if len(n.pos) == 0 {
		return -1, 1, -1, 1
	}
	xmin, ymin = math.Inf(1), math.Inf(1)
	xmax, ymax = math.Inf(-1), math.Inf(-1)
	for _, q := range n.pos {
		xmin, xmax = math.Min(xmin, q.X), math.Max(xmax, q.X)
		ymin, ymax = math.Min(ymin, q.Y), math.Max(ymax, q.Y)
	}
	xmin, xmax, ymin, ymax = xmin-n.Pad, xmax+n.Pad, ymin-n.Pad, ymax+n.Pad
	return xmin, xmax + n.LegendRoom*(xmax-xmin), ymin, ymax
}

// AddLegend adds one entry per group to p's legend, in the order of
// Options.Groups, with its colour and its name from GroupLabels, and
// makes room for it on the right of the drawing (LegendRoom). It adds
// nothing when the nodes have no groups.
func (n *Network) AddLegend(p *plot.Plot) {
	if len(n.groups) > 0 && n.LegendRoom == 0 {
		n.LegendRoom = 0.3
		// p.Add has read DataRange already, if it ran first.
		_, xmax, _, _ := n.DataRange()
		p.X.Max = math.Max(p.X.Max, xmax)
	}
	for k, grp := range n.groups {
		name := grp
		if s, ok := n.names[grp]; ok {
			name = s
		}
		p.Legend.Add(name, swatch{figure.Color(k)})
	}
}

// swatch is a legend thumbnail: a disc of the group's colour.
type swatch struct{ c color.Color }

func (s swatch) Thumbnail(c *draw.Canvas) {
	r := (c.Max.Y - c.Min.Y) / 2
	c.DrawGlyph(draw.GlyphStyle{Color: s.c, Radius: r * 0.8, Shape: draw.CircleGlyph{}}, c.Center())
}
