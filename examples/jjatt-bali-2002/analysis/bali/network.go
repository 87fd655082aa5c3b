package bali

import (
	"slices"

	"github.com/nexus-toolkit/nexus/analysis/graph"
	"github.com/nexus-toolkit/nexus/analysis/table"
)

// Whole is the period index that stands for the whole record in Network.
const Whole = -1

// maxCode is a link's weight: the largest code of its rows (the tie's
// listings) in the period the graph is built for.
func maxCode(rows []graph.Edge) float64 {
	w := 0.0
	for _, r := range rows {
		w = max(w, r.Weight)
	}
	return w
}

// Network returns the undirected network of period k (an index into
// d.Periods), or of the whole record for Whole: every person is a node
// (in ID order), and each tie listing coded in the period is a row of
// the link between its two persons, weighted by its code (its largest
// code over the record for Whole); a link's weight is the largest of its
// rows. Node.Group is the person's legal status at the end of the period
// (the end of the record for Whole), as status_codes labels it.
func (d *Data) Network(k int) (*graph.Graph, error) {
	last := k
	if k == Whole {
		last = len(d.Periods) - 1
	}
	nodes := make([]graph.Node, len(d.Persons))
	for i, p := range d.Persons {
		nodes[i] = graph.Node{ID: p.ID, Group: d.Status[p.Status[last]]}
	}
	var edges []graph.Edge
	for _, t := range d.Ties {
		code := -1
		if k == Whole {
			code = slices.Max(t.Codes)
		} else {
			code = t.Codes[k]
		}
		if code < 1 {
			continue
		}
		edges = append(edges, graph.Edge{ID: t.Key(), Source: t.From, Target: t.To, Weight: float64(code)})
	}
	return graph.Build(nodes, edges, graph.BuildOptions{LinkWeight: maxCode})
}

// incident returns, for each node of g, the relations rows behind its
// links, as table references in link order.
func incident(g *graph.Graph) [][]table.Ref {
	out := make([][]table.Ref, g.N())
	edges := g.Edges()
	for _, l := range g.Links {
		for _, r := range l.Rows {
			ref := table.Ref{Resource: "relations", Key: edges[r].ID}
			out[l.U] = append(out[l.U], ref)
			out[l.V] = append(out[l.V], ref)
		}
	}
	return out
}

// Dyads returns the number of distinct pairs of persons the relations
// file ties in any period.
func (d *Data) Dyads() int {
	seen := map[[2]string]bool{}
	for _, t := range d.Ties {
		a, b := t.From, t.To
		if b < a {
			a, b = b, a
		}
		seen[[2]string{a, b}] = true
	}
	return len(seen)
}
