package network

import (
	"errors"
	"math"
	"slices"

	"github.com/nexus-toolkit/nexus/analysis/graph"
)

// ErrUndefined is returned when a measure is not defined on the graph
// given, for example eigenvector centrality on a directed graph with no
// cycle (the adjacency matrix is nilpotent: its only eigenvalue is 0).
var ErrUndefined = errors.New("graph: measure not defined on this graph")

// Eigenvector returns eigenvector centrality as NetworkX's
// eigenvector_centrality: the leading eigenvector of the adjacency matrix
// (of its transpose in a directed graph, so that in-links count), scaled
// to unit L2 norm and positive sign. Link weights are used with
// opt.Weighted.
//
// On a connected graph it is the limit of NetworkX's power iteration on
// A + I from the uniform vector. A disconnected graph is solved one
// (weakly) connected component at a time, each by its own power
// iteration, so a component's slow mixing with another never holds the
// iteration up: the result is the limit that NetworkX's iteration on the
// whole graph tends to, computed exactly. Only the components whose
// leading eigenvalue is the graph's largest (within a relative 1e-9) keep
// non-zero values, each in proportion to the uniform start's share of its
// eigenvector; every other component, isolated nodes included, gets 0. A
// graph with no link at all gives every node 1/sqrt(n), as NetworkX does.
// A directed graph whose only links form no cycle has no leading
// eigenvector (ErrUndefined; NetworkX fails to converge).
//
// Each component iterates until the L1 change is below (its size)*1e-15
// (NetworkX's default tol is 1e-6, so compare with
// eigenvector_centrality_numpy or a tight tol).
func Eigenvector(g *graph.Graph, opt EigenvectorOptions) ([]float64, error) {
	n := g.N()
	x := make([]float64, n)
	if n == 0 {
		return x, nil
	}
	scale := 1.0
	if opt.Weighted {
		// The eigenvector does not depend on the scale of the weights,
		// but the iteration on A + I does: weights far from 1 (beyond
		// 2^±30) are scaled by a power of two, so that huge ones cannot
		// overflow the norm and tiny ones cannot end the iteration at its
		// start.
		scale = weightScale(g, -30, 30, false)
	}
	comps := weakComponents(g)
	it := &eigenIteration{g: g, weighted: opt.Weighted, scale: scale, y: make([]float64, n)}
	indeg := make([]int, n) // scratch of hasCycle
	lambda := make([]float64, len(comps))
	best := 0.0
	for c, nodes := range comps {
		if !hasCycle(g, nodes, indeg) {
			continue // λ = 0: an isolated node, or a directed component without a cycle
		}
		l, err := it.solve(nodes, x, float64(n))
		if err != nil {
			return x, err
		}
		lambda[c] = l
		best = max(best, l)
	}
	if best == 0 {
		if g.Directed && hasLinks(g) {
			return nil, errors.Join(ErrUndefined, errors.New("eigenvector centrality: the directed graph has no cycle"))
		}
		for i := range x {
			x[i] = 1 / math.Sqrt(float64(n))
		}
		return x, nil
	}
	// Keep the components of the largest eigenvalue, each scaled by the
	// uniform start's component along its eigenvector (the sum of the
	// component's unit eigenvector over n), then normalise.
	norm := 0.0
	for c, nodes := range comps {
		keep := lambda[c] >= best*(1-1e-9)
		share := 0.0
		for _, v := range nodes {
			share += x[v]
		}
		for _, v := range nodes {
			if keep {
				x[v] *= share
				norm += x[v] * x[v]
			} else {
				x[v] = 0
			}
		}
	}
	norm = math.Sqrt(norm)
	for i := range x {
		x[i] /= norm
	}
	return x, nil
}

// eigenIteration is the power iteration of one component on A^T + I.
type eigenIteration struct {
	g        *graph.Graph
	weighted bool
	scale    float64
	y        []float64 // scratch of length n
}

// solve runs the power iteration on the nodes of one component from the
// uniform start 1/n, writes the component's unit-norm eigenvector into
// x and returns its eigenvalue (of A, scaled weights).
func (e *eigenIteration) solve(nodes []int32, x []float64, n float64) (float64, error) {
	for _, v := range nodes {
		x[v] = 1 / n
	}
	const maxIter = 100000
	tol := float64(len(nodes)) * 1e-15
	mu := 1.0
	for iter := 0; iter < maxIter; iter++ {
		// y = (A^T + I) x: y[v] = x[v] + sum over in-links u->v of w*x[u].
		norm := 0.0
		for _, v := range nodes {
			s := x[v]
			in, wt := e.g.In(int(v)), e.g.InWeights(int(v))
			for j, u := range in {
				if e.weighted {
					s += wt[j] * e.scale * x[u]
				} else {
					s += x[u]
				}
			}
			e.y[v] = s
			norm += s * s
		}
		norm = math.Sqrt(norm)
		prev := 0.0
		for _, v := range nodes {
			prev += x[v] * x[v]
		}
		mu = norm / math.Sqrt(prev)
		diff := 0.0
		for _, v := range nodes {
			y := e.y[v] / norm
			diff += math.Abs(y - x[v])
			x[v] = y
		}
		if diff < tol {
			return mu - 1, nil
		}
	}
	return mu - 1, ErrNoConvergence
}

// weakComponents returns the weakly connected components of g (the
// connected components of an undirected graph), each as its nodes in
// increasing order, the components in the order of their smallest node.
func weakComponents(g *graph.Graph) [][]int32 {
	n := g.N()
	comp := make([]int32, n)
	for i := range comp {
		comp[i] = -1
	}
	var out [][]int32
	var queue []int32
	for s := 0; s < n; s++ {
		if comp[s] >= 0 {
			continue
		}
		id := int32(len(out))
		comp[s] = id
		queue = append(queue[:0], int32(s))
		nodes := []int32{int32(s)}
		for len(queue) > 0 {
			v := queue[0]
			queue = queue[1:]
			for _, nb := range [2][]int32{g.Out(int(v)), g.In(int(v))} {
				for _, u := range nb {
					if comp[u] < 0 {
						comp[u] = id
						queue = append(queue, u)
						nodes = append(nodes, u)
					}
				}
			}
		}
		slices.Sort(nodes)
		out = append(out, nodes)
	}
	return out
}

// hasCycle reports whether the component's adjacency matrix has a
// positive leading eigenvalue: in an undirected graph, whether it has a
// link; in a directed one, whether it has a directed cycle (a self-loop
// counts), found by peeling nodes without in-links (Kahn). indeg is
// scratch of length g.N().
func hasCycle(g *graph.Graph, nodes []int32, indeg []int) bool {
	if !g.Directed {
		for _, v := range nodes {
			if len(g.Out(int(v))) > 0 {
				return true
			}
		}
		return false
	}
	var ready []int32
	for _, v := range nodes {
		indeg[v] = len(g.In(int(v)))
		if indeg[v] == 0 {
			ready = append(ready, v)
		}
	}
	peeled := 0
	for len(ready) > 0 {
		v := ready[len(ready)-1]
		ready = ready[:len(ready)-1]
		peeled++
		for _, u := range g.Out(int(v)) {
			if indeg[u]--; indeg[u] == 0 {
				ready = append(ready, u)
			}
		}
	}
	return peeled < len(nodes)
}

// hasLinks reports whether g has a link.
func hasLinks(g *graph.Graph) bool {
	for i := 0; i < g.N(); i++ {
		if len(g.Out(i)) > 0 {
			return true
		}
	}
	return false
}
