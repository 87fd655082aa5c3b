// Package netplot draws a network as a gonum/plot plotter in the style of
// package figure: nodes at given positions (from analysis/graph/layout),
// sized and coloured by attributes the caller gives, links widened by
// their weight and styled by their kind, labels placed beside their
// nodes, and a legend with a group of entries for the node groups and
// one for the link kinds.
//
// Node groups take hues (the Okabe-Ito palette of figure by default, so
// the figure reads under the common forms of colour blindness); link
// kinds take greys and dash patterns (KindStyle), so no colour has two
// meanings, and New refuses a group coloured like a kind. A node also
// carries its label, so no information rests on colour alone.
//
// Geometry computes everything Plot draws, in canvas coordinates: the
// nodes fitted into the room left of the legend and moved off links they
// do not belong to, the links, the labels (wrapped when long, each at the
// nearest of many places around its node clear of other labels, discs,
// links and the legend, measured by the font's own metrics) and the
// legend. Plot draws exactly that, and Geometry.Problems checks it, so a
// test can assert what a reader sees. Everything depends only on the
// graph, the positions and the options: links in order of weight then
// link order, nodes largest first, labels placed greedily in that order,
// so a figure saved with figure.Save is byte-identical on every run and
// for any GOMAXPROCS.
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
	// Colors gives the colours of Groups, in order. Empty: the k-th
	// group takes figure.Color(k).
	Colors []color.Color
	// Labels is each node's label; "" draws none. Empty: Node.Name, or
	// the ID when the name is empty.
	Labels []string
	// LinkKind gives each link (in g.Links order) a kind, drawn as its
	// line style: greys and dash patterns (KindStyle), so that no link
	// shares a colour with a group. Empty: every link is LinkColor.
	LinkKind []string
	// Kinds orders the kinds: the k-th takes KindStyle(k) and the k-th
	// place in the legend. Empty: the distinct values of LinkKind in
	// sorted order. Every value of LinkKind must be listed, and no more
	// than MaxKinds.
	Kinds []string
	// KindLabels names the kinds in the legend; a kind missing from it is
	// shown by its value.
	KindLabels map[string]string
	// GroupTitle and KindTitle head the groups and the kinds in the
	// legend; "" gives no heading.
	GroupTitle, KindTitle string
}

// Network is a plotter of a graph at fixed positions. New returns one
// with the default style; its style fields may be changed before it is
// drawn.
type Network struct {
	g        *graph.Graph
	pos      []layout.Point
	size     []float64
	lo, hi   float64       // the smallest and largest size
	wlo, whi float64       // the smallest and largest link weight
	colour   []color.Color // per node
	group    []string      // per node
	labels   []string
	groups   []string
	names    map[string]string
	// groupColour are the colours of groups.
	groupColour []color.Color
	kind        []string // per link
	kinds       []string
	kindNames   map[string]string
	groupTitle  string
	kindTitle   string
	legend      bool

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
	// outermost nodes for their labels.
	Pad float64
	// LabelBackground, when not nil, fills each label's box behind its
	// text, so that a label a link crosses stays legible (for a network
	// too dense for every label to find a place clear of the links).
	LabelBackground color.Color
	// WrapWidth is the widest a label is drawn on one line: a wider one
	// is tried broken at spaces first (see Labels). 0: never wrap.
	WrapWidth vg.Length
}

// ErrOptions wraps every problem New finds in its arguments.
var ErrOptions = errors.New("netplot: bad arguments")

// New returns the network g drawn at pos (one position per node, in node
// order) with the attributes of opt. It reports every problem it finds:
// a position or size that is not finite, a slice whose length is not the
// number of nodes (of links, for LinkKind; of groups, for Colors), a
// group or kind missing from opt.Groups or opt.Kinds, more kinds than
// MaxKinds, a group coloured like a link kind.
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
	net := &Network{
		g: g, pos: pos, size: opt.Size, labels: opt.Labels, names: opt.GroupLabels,
		kindNames: opt.KindLabels, groupTitle: opt.GroupTitle, kindTitle: opt.KindTitle,
		MinRadius: vg.Points(2.5), MaxRadius: vg.Points(8),
		MinWidth: vg.Points(0.4), MaxWidth: vg.Points(2.4),
		LinkColor: color.NRGBA{R: 0x80, G: 0x80, B: 0x80, A: 0xFF},
		Pad:       0.25,
	}
	net.setGroups(opt, bad)
	net.setKinds(opt, bad)
	if len(errs) > 0 {
		slices.SortFunc(errs, func(a, b error) int { return cmpString(a.Error(), b.Error()) })
		return nil, errors.Join(errs...)
	}
	if len(net.labels) == 0 {
		net.labels = make([]string, n)
		for i, node := range g.Nodes {
			net.labels[i] = node.Name
			if net.labels[i] == "" {
				net.labels[i] = node.ID
			}
		}
	}
	net.TextStyle = figure.TextStyle(figure.TickSize)
	net.WrapWidth = vg.Points(70)
	if len(opt.Size) > 0 {
		net.lo, net.hi = slices.Min(opt.Size), slices.Max(opt.Size)
	}
	net.wlo, net.whi = net.weightRange()
	return net, nil
}

// setGroups sets the groups, their colours and each node's colour,
// reporting problems to bad.
func (n *Network) setGroups(opt Options, bad func(string, ...any)) {
	n.groups = opt.Groups
	if len(n.groups) == 0 {
		n.groups = slices.Compact(slices.Sorted(slices.Values(opt.Group)))
	}
	n.groupColour = opt.Colors
	if len(n.groupColour) == 0 {
		for k := range n.groups {
			n.groupColour = append(n.groupColour, figure.Color(k))
		}
	} else if len(n.groupColour) != len(n.groups) {
		bad("Colors has %d colours for %d groups, expected none or one per group", len(n.groupColour), len(n.groups))
		return
	}
	n.colour = make([]color.Color, n.g.N())
	for i := range n.colour {
		n.colour[i] = figure.Blue
		if len(opt.Group) == n.g.N() {
			k := slices.Index(n.groups, opt.Group[i])
			if k < 0 {
				bad("node %q: group %q is not in Groups %v", id(n.g, i), opt.Group[i], n.groups)
				continue
			}
			n.colour[i] = n.groupColour[k]
		}
	}
	if len(opt.Group) == n.g.N() {
		n.group = opt.Group
	}
}

// setKinds sets the link kinds, reporting problems to bad.
func (n *Network) setKinds(opt Options, bad func(string, ...any)) {
	if len(opt.LinkKind) == 0 {
		return
	}
	if len(opt.LinkKind) != len(n.g.Links) {
		bad("LinkKind has %d values for %d links, expected none or one per link", len(opt.LinkKind), len(n.g.Links))
		return
	}
	n.kind, n.kinds = opt.LinkKind, opt.Kinds
	if len(n.kinds) == 0 {
		n.kinds = slices.Compact(slices.Sorted(slices.Values(opt.LinkKind)))
	}
	if len(n.kinds) > MaxKinds {
		bad("%d link kinds, expected at most %d", len(n.kinds), MaxKinds)
	}
	for k, kind := range n.kind {
		if !slices.Contains(n.kinds, kind) {
			l := n.g.Links[k]
			bad("link %q–%q: kind %q is not in Kinds %v", id(n.g, l.U), id(n.g, l.V), kind, n.kinds)
		}
	}
	for k, c := range n.groupColour {
		for _, grey := range kindGreys {
			if sameColour(c, grey) {
				bad("group %q has the colour of a link kind, expected a colour of its own", n.groups[k])
			}
		}
	}
}

func sameColour(a, b color.Color) bool {
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
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

// Plot draws the Geometry of n on c: the links, lightest first, then the
// nodes, largest first (a small disc stays on top), each with a thin
// white ring, then the labels where Labels puts them, then the legend.
// It fits the nodes into the canvas itself (see Geometry), so the plot's
// axes, which DataRange still sets, should be hidden.
func (n *Network) Plot(c draw.Canvas, _ *plot.Plot) {
	g := n.Geometry(c)
	links := make([]int, len(g.Links))
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
		c.StrokeLines(g.Links[k].Style, []vg.Point{g.Links[k].A, g.Links[k].B})
	}
	for _, i := range n.order() { // largest first, so a small disc is never hidden
		d := g.Nodes[i]
		r := d.Radius - ring/2
		c.DrawGlyph(draw.GlyphStyle{Color: d.Color, Radius: r, Shape: draw.CircleGlyph{}}, d.Centre)
		c.DrawGlyph(draw.GlyphStyle{Color: color.White, Radius: r, Shape: draw.RingGlyph{}}, d.Centre)
	}
	for _, l := range g.Labels {
		if n.LabelBackground != nil {
			b := l.Box
			c.FillPolygon(n.LabelBackground, []vg.Point{b.Min, {X: b.Max.X, Y: b.Min.Y}, b.Max, {X: b.Min.X, Y: b.Max.Y}})
		}
		n.fillLabel(c, l)
	}
	if g.Legend != nil {
		n.drawLegend(c, g.Legend)
	}
}

// DataRange is the bounding box of the positions, widened by Pad on
// every side.
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
	return xmin - n.Pad, xmax + n.Pad, ymin - n.Pad, ymax + n.Pad
}
