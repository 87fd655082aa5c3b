package graph

import (
	"errors"
	"fmt"
	"math"
)

// ErrOverflow is wrapped by the error of a measure whose float64
// arithmetic overflows or underflows: weights so large that their sums
// reach +Inf, or lengths so small that a reciprocal does. Compute never
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

// checkStrengths reports a node strength or a total weight that is not
// finite. Every measure that sums weights stays below the total (twice
// the total link weight of the undirected view), so checking it first
// keeps degrees, PageRank's out-weights and Louvain's modularity finite.
func checkStrengths(g *Graph, strength []float64) error {
	total := 0.0
	for i, s := range strength {
		if math.IsInf(s, 0) || math.IsNaN(s) {
			return fmt.Errorf("%w: strength: node %q: its link weights sum to %v; rescale the weights (divide them by a common factor)", ErrOverflow, g.Nodes[i].ID, s)
		}
		total += s
	}
	if math.IsInf(total, 0) {
		return fmt.Errorf("%w: strength: the link weights of all nodes sum to %v, which modularity and Louvain need; rescale the weights (divide them by a common factor)", ErrOverflow, total)
	}
	return nil
}

// checkFinite reports the first measure of m that is Inf or NaN, by the
// order of Columns, naming the node.
func (m *Metrics) checkFinite() error {
	for _, c := range []struct {
		name string
		v    []float64
		why  string
	}{
		{"betweenness", m.Betweenness, "the number of shortest paths overflows float64"},
		{"closeness", m.Closeness, "the distances to it sum beyond float64, or so near 0 that their reciprocal overflows"},
		{"harmonic", m.Harmonic, "a distance to it is so small (its link lengths underflow) that its reciprocal overflows float64"},
		{"eigenvector", m.Eigenvector, "the power iteration overflows float64"},
		{"pagerank", m.PageRank, "the iteration overflows float64"},
		{"coreness", m.Coreness, "the least-squares fit overflows float64"},
	} {
		for i, x := range c.v {
			if math.IsInf(x, 0) || math.IsNaN(x) {
				return fmt.Errorf("%w: %s: node %q: %v (%s); rescale the weights (divide or multiply them by a common factor)", ErrOverflow, c.name, m.Nodes[i].ID, x, c.why)
			}
		}
	}
	if math.IsInf(m.Modularity, 0) || math.IsNaN(m.Modularity) {
		return fmt.Errorf("%w: modularity: %v; rescale the weights (divide them by a common factor)", ErrOverflow, m.Modularity)
	}
	return nil
}

// weightScale returns the power of two that brings the largest link
// weight of g to [1, 2) when its binary exponent is outside [lo, hi], and
// 1 otherwise; with even, an even power (whose square root is one too).
// Measures that do not depend on the scale of the weights (eigenvector,
// coreness) multiply the weights by it: multiplying by a power of two is
// exact, and weights of ordinary size are not touched, so their results
// keep every bit.
func weightScale(g *Graph, lo, hi int, even bool) float64 {
	top := 0.0
	for _, w := range g.weight {
		top = max(top, w)
	}
	if top == 0 || math.IsInf(top, 0) || math.IsNaN(top) {
		return 1
	}
	e := math.Ilogb(top)
	if e >= lo && e <= hi {
		return 1
	}
	if even && e%2 != 0 {
		e++
	}
	return math.Ldexp(1, -e)
}
