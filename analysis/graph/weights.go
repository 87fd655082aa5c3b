package graph

import (
	"errors"
	"fmt"
	"math"
)

// ErrOverflow is wrapped by the error of a measure whose float64
// arithmetic overflows or underflows: weights so large that their sums
// reach +Inf, or lengths so small that a reciprocal does. network.Compute never
// returns Inf or NaN as a value; it returns this error instead, naming the
// measure and a node.
var ErrOverflow = errors.New("graph: weights overflow float64")

// badWeights lists the edges whose own weight (Edge.Weight, used by
// WeightSum) is not a finite number > 0.
func badWeights(edges []Edge) []string {
	var problems []string
	for i, e := range edges {
		if w := e.Weight; !(w > 0) || math.IsInf(w, 1) {
			problems = append(problems, fmt.Sprintf("edge %d (%q): weight %v, want a finite number > 0", i+1, e.ID, w))
		}
	}
	return problems
}

// checkLinks reports the links whose weight, the sum of its rows', is not
// finite, and those to which BuildOptions.LinkWeight gave no weight > 0.
func (g *Graph) checkLinks() error {
	for _, l := range g.Links {
		if g.opt.LinkWeight != nil && !(l.Weight > 0) {
			return fmt.Errorf("graph: link %q -- %q: LinkWeight gave %v, want a finite number > 0", g.Nodes[l.U].ID, g.Nodes[l.V].ID, l.Weight)
		}
		if math.IsInf(l.Weight, 0) || math.IsNaN(l.Weight) {
			return fmt.Errorf("%w: link %q -- %q: the weights of its %d rows sum to %v; rescale the weights (divide them by a common factor)",
				ErrOverflow, g.Nodes[l.U].ID, g.Nodes[l.V].ID, len(l.Rows), l.Weight)
		}
	}
	return nil
}

// Reweighted returns a graph with the nodes, links and rows of g, each
// link's weight replaced by f(weight). Measures that read weights as
// lengths (github.com/nexus-toolkit/nexus/analysis/graph/path) take
// g.Reweighted(Reciprocal) to make a strong tie a short path. Views of
// the result (Undirected, DirectedView) apply f to the weight of each
// link of the view. f must return a number > 0; Reweighted does not
// check that it is finite (see network.Compute, which does).
func (g *Graph) Reweighted(f func(w float64) float64) *Graph {
	h := *g
	orig := g.opt
	h.opt.LinkWeight = func(rows []Edge) float64 {
		idx := make([]int32, len(rows))
		for i := range idx {
			idx[i] = int32(i)
		}
		return f(weigh(rows, idx, orig))
	}
	h.Links = make([]Link, len(g.Links))
	for k, l := range g.Links {
		l.Weight = f(l.Weight)
		h.Links[k] = l
	}
	h.fillCSR()
	return &h
}

// Reciprocal returns 1/w: the length of a link whose weight w is a
// strength, for Reweighted.
func Reciprocal(w float64) float64 { return 1 / w }
