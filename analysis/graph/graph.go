package graph

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Node is a vertex of a graph. Only ID is required; the other fields are
// carried along for measures that use them (Group, by Brokerage) and for
// exports.
type Node struct {
	ID    string
	Name  string            // a display name; "" when the ID is the name
	Group string            // the node's group (for example a camp or a party), used by Brokerage
	Attrs map[string]string // further attributes, nil when none
}

// Edge is one row of an edge list: one documented tie between two nodes.
// Several edges between the same pair collapse into one Link of a Graph.
type Edge struct {
	ID             string
	Source, Target string
	// Directed says the tie points from Source to Target. An undirected
	// edge becomes two arcs in a directed Graph.
	Directed bool
	Kind     string            // the row's kind (for example a tie type), or ""
	Start    string            // start of the tie in ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD), or ""
	End      string            // end of the tie, or "" when open or unknown
	Refs     []string          // keys of the sources that support the row
	Weight   float64           // the row's own weight, used by WeightSum
	Attrs    map[string]string // further attributes, nil when none
}

// Weighting says how the rows behind a link give its weight.
type Weighting int

const (
	// WeightOne gives every link weight 1, however many rows it has.
	WeightOne Weighting = iota
	// WeightCount gives a link the number of its rows.
	WeightCount
	// WeightSum gives a link the sum of its rows' Edge.Weight: parallel
	// rows add up, so a tie stored twice (once in each direction of an
	// undirected graph, or repeated) weighs twice its weight. Ask for it
	// only when each row is a separate amount of the tie.
	WeightSum
	// WeightMax gives a link the largest of its rows' Edge.Weight: a tie
	// stored twice counts once, and rows that disagree give the strongest
	// value.
	WeightMax
)

// Link is one edge of a Graph: all the rows between one pair of nodes.
// In an undirected graph U < V; in a directed graph the link is the arc
// U -> V.
type Link struct {
	U, V   int
	Weight float64
	Rows   []int32 // indices into Graph.Edges of the rows behind the link, in input order
}

// LinkEdges returns the rows behind link k, in input order.
func (g *Graph) LinkEdges(k int) []Edge {
	rows := g.Links[k].Rows
	out := make([]Edge, len(rows))
	for i, r := range rows {
		out[i] = g.edges[r]
	}
	return out
}

// Graph is an immutable graph in compressed sparse row form. Node i has
// the out-neighbours adj[off[i]:off[i+1]], sorted by index; in an
// undirected graph the in-neighbours are the same slices.
type Graph struct {
	Directed  bool
	Nodes     []Node // sorted by ID
	Links     []Link // sorted by (U, V)
	SelfLoops int    // rows dropped because Source == Target

	index            map[string]int
	off, inOff       []int
	adj, inAdj       []int32
	weight, inWeight []float64
	edges            []Edge
	opt              BuildOptions
}

// BuildOptions controls Build.
type BuildOptions struct {
	// Directed builds a directed graph: a directed row gives one arc, an
	// undirected row two.
	Directed bool
	// Weighting gives each link its weight from its rows; see LinkWeight.
	Weighting Weighting
	// LinkWeight, when set, gives each link its weight from the rows
	// behind it, in input order, instead of Weighting. It must return a
	// finite number > 0. A study uses it for a rule of its own, such as
	// the number of independent sources behind a tie.
	LinkWeight func(rows []Edge) float64
}

// Build makes a Graph from nodes and edges. Nodes named by an edge but not
// listed are added with their ID only. It fails on a duplicate or empty
// node ID and on an edge with an empty endpoint; with WeightSum or
// WeightMax, also on an edge whose Weight is not a finite number > 0, and
// on a link whose rows' weights sum to +Inf (wrapping ErrOverflow).
func Build(nodes []Node, edges []Edge, opt BuildOptions) (*Graph, error) {
	return build(nodes, edges, opt, true)
}

// build is Build; links whose weights sum to +Inf are refused only when
// check is set (a view of a valid graph keeps them, and the measures that
// use it report the overflow).
func build(nodes []Node, edges []Edge, opt BuildOptions, check bool) (*Graph, error) {
	g := &Graph{Directed: opt.Directed, index: map[string]int{}, opt: opt}
	var problems []string
	all := make([]Node, 0, len(nodes))
	for _, n := range nodes {
		if n.ID == "" {
			problems = append(problems, "node with an empty id")
			continue
		}
		if _, dup := g.index[n.ID]; dup {
			problems = append(problems, fmt.Sprintf("duplicate node id %q", n.ID))
			continue
		}
		g.index[n.ID] = -1
		all = append(all, n)
	}
	for i, e := range edges {
		if e.Source == "" || e.Target == "" {
			problems = append(problems, fmt.Sprintf("edge %d (%q): empty source or target", i+1, e.ID))
			continue
		}
		for _, id := range [2]string{e.Source, e.Target} {
			if _, ok := g.index[id]; !ok {
				g.index[id] = -1
				all = append(all, Node{ID: id})
			}
		}
	}
	if (opt.Weighting == WeightSum || opt.Weighting == WeightMax) && opt.LinkWeight == nil {
		problems = append(problems, badWeights(edges)...)
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("graph: %s", strings.Join(problems, "; "))
	}
	sort.Slice(all, func(i, j int) bool { return all[i].ID < all[j].ID })
	g.Nodes = all
	for i, n := range all {
		g.index[n.ID] = i
	}
	g.edges = edges

	// Collapse rows into links keyed by the node pair.
	type pair struct{ u, v int }
	type arc struct {
		u, v int
		row  int
	}
	arcs := make([]arc, 0, len(edges))
	for i, e := range edges {
		u, v := g.index[e.Source], g.index[e.Target]
		if u == v {
			g.SelfLoops++
			continue
		}
		if !opt.Directed && u > v {
			u, v = v, u
		}
		arcs = append(arcs, arc{u, v, i})
		if opt.Directed && !e.Directed {
			arcs = append(arcs, arc{v, u, i})
		}
	}
	slices.SortStableFunc(arcs, func(a, b arc) int {
		if a.u != b.u {
			return a.u - b.u
		}
		return a.v - b.v
	})
	rows := make([]int32, len(arcs)) // shared backing array of Link.Rows
	for k, a := range arcs {
		rows[k] = int32(a.row)
	}
	g.Links = make([]Link, 0, len(arcs))
	for i := 0; i < len(arcs); {
		j := i
		for j < len(arcs) && arcs[j].u == arcs[i].u && arcs[j].v == arcs[i].v {
			j++
		}
		l := Link{U: arcs[i].u, V: arcs[i].v, Rows: rows[i:j:j]}
		l.Weight = weigh(edges, l.Rows, opt)
		g.Links = append(g.Links, l)
		i = j
	}
	if err := g.checkLinks(); check && err != nil {
		return nil, err
	}
	g.fillCSR()
	return g, nil
}

// fillCSR fills the adjacency arrays of g from its sorted Links.
func (g *Graph) fillCSR() {
	opt := g.opt
	n := len(g.Nodes)
	g.off = make([]int, n+1)
	for _, l := range g.Links {
		g.off[l.U+1]++
		if !opt.Directed {
			g.off[l.V+1]++
		}
	}
	for i := 0; i < n; i++ {
		g.off[i+1] += g.off[i]
	}
	g.adj = make([]int32, g.off[n])
	g.weight = make([]float64, g.off[n])
	pos := slices.Clone(g.off[:n])
	put := func(u, v int, w float64) {
		g.adj[pos[u]] = int32(v)
		g.weight[pos[u]] = w
		pos[u]++
	}
	// Links are sorted by (U, V). For undirected graphs, fill the lower
	// half first so each row ends up sorted by neighbour index.
	if !opt.Directed {
		byV := make([]int, len(g.Links))
		for i := range byV {
			byV[i] = i
		}
		sort.SliceStable(byV, func(a, b int) bool { return g.Links[byV[a]].V < g.Links[byV[b]].V })
		for _, k := range byV {
			l := g.Links[k]
			put(l.V, l.U, l.Weight)
		}
	}
	for _, l := range g.Links {
		put(l.U, l.V, l.Weight)
	}
	if !opt.Directed {
		g.inOff, g.inAdj, g.inWeight = g.off, g.adj, g.weight
		return
	}
	g.inOff = make([]int, n+1)
	for _, l := range g.Links {
		g.inOff[l.V+1]++
	}
	for i := 0; i < n; i++ {
		g.inOff[i+1] += g.inOff[i]
	}
	g.inAdj = make([]int32, g.inOff[n])
	g.inWeight = make([]float64, g.inOff[n])
	copy(pos, g.inOff[:n])
	for _, l := range g.Links { // sorted by U, so each in-row is sorted
		g.inAdj[pos[l.V]] = int32(l.U)
		g.inWeight[pos[l.V]] = l.Weight
		pos[l.V]++
	}
}

func weigh(edges []Edge, rows []int32, opt BuildOptions) float64 {
	if opt.LinkWeight != nil {
		sel := make([]Edge, len(rows))
		for i, r := range rows {
			sel[i] = edges[r]
		}
		return opt.LinkWeight(sel)
	}
	switch opt.Weighting {
	case WeightCount:
		return float64(len(rows))
	case WeightSum:
		s := 0.0
		for _, r := range rows {
			s += edges[r].Weight
		}
		return s
	case WeightMax:
		m := 0.0
		for _, r := range rows {
			m = max(m, edges[r].Weight)
		}
		return m
	}
	return 1
}

// N is the number of nodes.
func (g *Graph) N() int { return len(g.Nodes) }

// Index returns the index of the node with the given ID.
func (g *Graph) Index(id string) (int, bool) {
	i, ok := g.index[id]
	return i, ok
}

// Out returns the out-neighbours of node i (all neighbours in an
// undirected graph), sorted. The slice must not be modified.
func (g *Graph) Out(i int) []int32 { return g.adj[g.off[i]:g.off[i+1]] }

// In returns the in-neighbours of node i, sorted. The slice must not be
// modified.
func (g *Graph) In(i int) []int32 { return g.inAdj[g.inOff[i]:g.inOff[i+1]] }

// CSR returns the out-adjacency of g in compressed sparse row form: the
// out-neighbours of node i are adj[off[i]:off[i+1]], sorted (all
// neighbours in an undirected graph). Algorithms that relabel or scan the
// whole graph, such as the bit-parallel search of path.ShortestPaths, read
// it directly. The slices must not be modified.
func (g *Graph) CSR() (off []int, adj []int32) { return g.off, g.adj }

// InCSR returns the in-adjacency of g in the form of CSR (the same
// slices as CSR in an undirected graph). The slices must not be modified.
func (g *Graph) InCSR() (off []int, adj []int32) { return g.inOff, g.inAdj }

// OutWeights returns the weights of the links to Out(i).
func (g *Graph) OutWeights(i int) []float64 { return g.weight[g.off[i]:g.off[i+1]] }

// InWeights returns the weights of the links from In(i).
func (g *Graph) InWeights(i int) []float64 { return g.inWeight[g.inOff[i]:g.inOff[i+1]] }

// HasArc reports whether the graph has a link from u to v (in either
// direction when undirected).
func (g *Graph) HasArc(u, v int) bool {
	_, ok := slices.BinarySearch(g.Out(u), int32(v))
	return ok
}

// Undirected returns the undirected view of g: the same nodes and rows,
// with the arcs u->v and v->u collapsed into one link. It returns g itself
// when g is undirected.
func (g *Graph) Undirected() *Graph {
	if !g.Directed {
		return g
	}
	return g.rebuild(false)
}

// DirectedView returns the directed view of g: a directed row gives one
// arc and an undirected row gives two. It returns g itself when g is
// directed.
func (g *Graph) DirectedView() *Graph {
	if g.Directed {
		return g
	}
	return g.rebuild(true)
}

func (g *Graph) rebuild(directed bool) *Graph {
	opt := g.opt
	opt.Directed = directed
	h, err := build(g.Nodes, g.edges, opt, false)
	if err != nil {
		panic("graph: rebuilding a valid graph failed: " + err.Error())
	}
	return h
}

// Edges returns the rows the graph was built from, in input order.
func (g *Graph) Edges() []Edge { return g.edges }
