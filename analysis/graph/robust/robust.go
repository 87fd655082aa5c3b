// Package robust asks how much a network's measures rest on any one
// source: LeaveOneOut measures the network again without the edges that
// rest on each source alone (graph.Edge.Refs) and reports what changed
// at the top of each measure, in the main core and in the communities.
// It knows no study: any graph whose edges carry their sources will do.
package robust

import (
	"slices"

	"github.com/nexus-toolkit/nexus/analysis/graph"
	"github.com/nexus-toolkit/nexus/analysis/graph/network"
)

// Measures are the measures whose top five LeaveOneOut compares, named
// as network.Columns (core_periphery is Borgatti and Everett's coreness).
var Measures = []string{"degree", "betweenness", "closeness", "eigenvector", "pagerank", "core_periphery"}

// Result is what LeaveOneOut finds: the measures of the full
// network and, for each source, of the network without the ties that rest
// on that source alone.
type Result struct {
	Base     *network.Metrics
	Measures []string // Measures
	BaseTop  [][]string
	BaseRank [][]int // BaseRank[m][i]: rank of node i by Measures[m]
	Drops    []Drop  // one per reference key, sorted by key
}

// Drop is the network without one source.
type Drop struct {
	Source  string   // the reference key left out
	Rows    []string // IDs of the rows removed: those whose only key was Source
	Links   []string // links that disappeared with them, as "u-v" (or "u->v")
	Metrics *network.Metrics
	Err     error // a measure that did not converge, or nil

	Top  []TopChange // one per measure, in the order of Measures
	Rank [][]int     // Rank[m][i]: rank of node i by Measures[m]

	CoreLeft, CoreJoined []string // nodes that left or joined the main core
	Moved                []string // nodes whose set of community co-members changed
	Communities          int      // number of communities without the source
}

// TopChange compares the top five nodes by one measure.
type TopChange struct {
	Measure        string
	Before, After  []string // top five, highest first
	Entered, Exits []string // nodes that entered or left the top five
	Reordered      bool     // same five nodes in another order
}

// Options controls LeaveOneOut: how each network is built (for example a
// weighting of links by their sources) and measured.
type Options struct {
	Build   graph.BuildOptions
	Compute network.ComputeOptions
}

// Changed reports whether the top five changed at all.
func (c TopChange) Changed() bool { return len(c.Entered) > 0 || c.Reordered }

// LeaveOneOut recomputes the network once for each reference key that
// supports a tie, without the rows that rest on that key alone: a row is
// removed when its Refs, as a set, is exactly {key}; a link disappears
// when none of its rows remains. Rows with no keys (resting on the paper
// itself) and rows with other keys besides are kept. The node set stays
// that of the full network, so measures stay comparable (a node can
// become isolated).
//
// For each key it reports the top five nodes by each of Measures
// (ties broken by node ID), membership of the main core (the nodes whose
// k-core number is the largest of their graph) and the nodes whose
// community co-members changed (Louvain with opt.Compute.Seed; note that
// a new graph can shift Louvain's partition by itself).
func LeaveOneOut(nodes []graph.Node, edges []graph.Edge, opt Options) (*Result, error) {
	bo := opt.Build
	base, err := graph.Build(nodes, edges, bo)
	if err != nil {
		return nil, err
	}
	nodes = base.Nodes
	bm, err := network.Compute(base, opt.Compute)
	if err != nil {
		return nil, err
	}
	r := &Result{Base: bm, Measures: Measures}
	for _, name := range Measures {
		v := measure(bm, name)
		r.BaseTop = append(r.BaseTop, top(nodes, v, 5))
		r.BaseRank = append(r.BaseRank, network.Rank(v))
	}
	var keys []string
	for _, e := range edges {
		keys = append(keys, e.Refs...)
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	baseLinks := linkNames(base)
	for _, key := range keys {
		var kept []graph.Edge
		d := Drop{Source: key}
		for _, e := range edges {
			if restsOn(e, key) {
				d.Rows = append(d.Rows, e.ID)
			} else {
				kept = append(kept, e)
			}
		}
		g, err := graph.Build(nodes, kept, bo)
		if err != nil {
			return nil, err
		}
		now := map[string]bool{}
		for _, l := range linkNames(g) {
			now[l] = true
		}
		for _, l := range baseLinks {
			if !now[l] {
				d.Links = append(d.Links, l)
			}
		}
		d.Metrics, d.Err = network.Compute(g, opt.Compute)
		for m, name := range Measures {
			v := measure(d.Metrics, name)
			d.Rank = append(d.Rank, network.Rank(v))
			d.Top = append(d.Top, compareTop(name, r.BaseTop[m], top(nodes, v, 5)))
		}
		before, after := mainCore(nodes, bm.Core), mainCore(nodes, d.Metrics.Core)
		d.CoreLeft, d.CoreJoined = minus(before, after), minus(after, before)
		d.Moved = moved(nodes, bm.Community, d.Metrics.Community)
		d.Communities = slices.Max(append([]int{-1}, d.Metrics.Community...)) + 1
		r.Drops = append(r.Drops, d)
	}
	return r, nil
}

func restsOn(e graph.Edge, key string) bool {
	if len(e.Refs) == 0 {
		return false
	}
	for _, k := range e.Refs {
		if k != key {
			return false
		}
	}
	return true
}

func linkNames(g *graph.Graph) []string {
	op := "-"
	if g.Directed {
		op = "->"
	}
	var out []string
	for _, l := range g.Links {
		out = append(out, g.Nodes[l.U].ID+op+g.Nodes[l.V].ID)
	}
	return out
}

func measure(m *network.Metrics, name string) []float64 {
	switch name {
	case "degree":
		v := make([]float64, len(m.Degree))
		for i, d := range m.Degree {
			v[i] = float64(d)
		}
		return v
	case "betweenness":
		return m.Betweenness
	case "closeness":
		return m.Closeness
	case "eigenvector":
		return m.Eigenvector
	case "pagerank":
		return m.PageRank
	case "core_periphery":
		return m.Coreness
	}
	panic("robust: unknown measure " + name)
}

func top(nodes []graph.Node, v []float64, k int) []string {
	var out []string
	for _, i := range network.Order(v)[:min(k, len(v))] {
		out = append(out, nodes[i].ID)
	}
	return out
}

func compareTop(name string, before, after []string) TopChange {
	c := TopChange{Measure: name, Before: before, After: after}
	c.Entered, c.Exits = minus(after, before), minus(before, after)
	c.Reordered = len(c.Entered) == 0 && !slices.Equal(before, after)
	return c
}

func mainCore(nodes []graph.Node, core []int) []string {
	k := slices.Max(append([]int{0}, core...))
	var out []string
	for i, c := range core {
		if c == k && k > 0 {
			out = append(out, nodes[i].ID)
		}
	}
	return out
}

// minus returns the elements of a not in b, in the order of a.
func minus(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

// moved returns the nodes whose set of co-members differs between two
// partitions.
func moved(nodes []graph.Node, a, b []int) []string {
	var out []string
	for i := range nodes {
		for j := range nodes {
			if (a[i] == a[j]) != (b[i] == b[j]) {
				out = append(out, nodes[i].ID)
				break
			}
		}
	}
	return out
}
