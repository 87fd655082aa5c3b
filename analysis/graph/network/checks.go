package network

import (
	"fmt"
	"math"

	"github.com/nexus-toolkit/nexus/analysis/graph"
	"github.com/nexus-toolkit/nexus/analysis/graph/path"
)

// checkStrengths reports a node strength or a total weight that is not
// finite. Every measure that sums weights stays below the total (twice
// the total link weight of the undirected view), so checking it first
// keeps degrees, PageRank's out-weights and Louvain's modularity finite.
func checkStrengths(g *graph.Graph, strength []float64) error {
	total := 0.0
	for i, s := range strength {
		if math.IsInf(s, 0) || math.IsNaN(s) {
			return fmt.Errorf("%w: strength: node %q: its link weights sum to %v; rescale the weights (divide them by a common factor)", graph.ErrOverflow, g.Nodes[i].ID, s)
		}
		total += s
	}
	if math.IsInf(total, 0) {
		return fmt.Errorf("%w: strength: the link weights of all nodes sum to %v, which modularity and Louvain need; rescale the weights (divide them by a common factor)", graph.ErrOverflow, total)
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
		{"core_periphery", m.Coreness, "the least-squares fit overflows float64"},
	} {
		for i, x := range c.v {
			if math.IsInf(x, 0) || math.IsNaN(x) {
				return fmt.Errorf("%w: %s: node %q: %v (%s); rescale the weights (divide or multiply them by a common factor)", graph.ErrOverflow, c.name, m.Nodes[i].ID, x, c.why)
			}
		}
	}
	if math.IsInf(m.Modularity, 0) || math.IsNaN(m.Modularity) {
		return fmt.Errorf("%w: modularity: %v; rescale the weights (divide them by a common factor)", graph.ErrOverflow, m.Modularity)
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
func weightScale(g *graph.Graph, lo, hi int, even bool) float64 {
	top := 0.0
	for i := range g.N() {
		for _, w := range g.OutWeights(i) {
			top = max(top, w)
		}
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

// shortestPaths runs path.ShortestPaths with the links' lengths as l
// says. With InverseWeight it fails, wrapping graph.ErrOverflow, on a
// weight so small that its reciprocal is +Inf.
func shortestPaths(g *graph.Graph, l Lengths) (path.Paths, error) {
	switch l {
	case Hops:
		return path.ShortestPaths(g, path.Options{}), nil
	case WeightLength:
		return path.ShortestPaths(g, path.Options{Weighted: true}), nil
	case InverseWeight:
		for _, k := range g.Links {
			if d := 1 / k.Weight; math.IsInf(d, 0) {
				return path.Paths{}, fmt.Errorf("%w: distance: link %q -- %q: 1/weight of %v is %v; rescale the weights (multiply them by a common factor)",
					graph.ErrOverflow, g.Nodes[k.U].ID, g.Nodes[k.V].ID, k.Weight, d)
			}
		}
		return path.ShortestPaths(g.Reweighted(graph.Reciprocal), path.Options{Weighted: true}), nil
	}
	return path.Paths{}, fmt.Errorf("network: unknown Lengths %d, expected Hops, InverseWeight or WeightLength", int(l))
}
