package network

import (
	"errors"
	"math"

	"github.com/nexus-toolkit/nexus/analysis/graph"
)

// ErrNoConvergence is returned when an iterative measure does not converge
// within its iteration limit.
var ErrNoConvergence = errors.New("graph: iteration did not converge")

// Degrees returns the degree of every node, as NetworkX's G.degree(): the
// number of neighbours in an undirected graph, in + out in a directed
// graph. in and out are the in- and out-degrees; in an undirected graph
// both equal the degree.
func Degrees(g *graph.Graph) (deg, in, out []int) {
	n := g.N()
	deg, in, out = make([]int, n), make([]int, n), make([]int, n)
	for i := 0; i < n; i++ {
		out[i] = len(g.Out(i))
		in[i] = len(g.In(i))
		deg[i] = out[i]
		if g.Directed {
			deg[i] += in[i]
		}
	}
	return deg, in, out
}

// Strengths returns the sum of the weights of every node's links, as
// NetworkX's G.degree(weight="weight") (in + out in a directed graph).
func Strengths(g *graph.Graph) []float64 {
	s := make([]float64, g.N())
	for i := range s {
		for _, w := range g.OutWeights(i) {
			s[i] += w
		}
		if g.Directed {
			for _, w := range g.InWeights(i) {
				s[i] += w
			}
		}
	}
	return s
}

// PageRank returns nx.pagerank(G, alpha): the stationary distribution of
// a random surfer who follows an out-link (chosen in proportion to its
// weight with opt.Weighted) with probability alpha = opt.Damping (0.85
// when 0) and jumps to a uniformly
// chosen node otherwise; a dangling node (no out-links) jumps uniformly.
// An undirected link counts in both directions. It iterates until the L1
// change is below n*1e-15 (NetworkX's default tol is 1e-6, so compare with
// a tight tol or the exact solution).
func PageRank(g *graph.Graph, opt PageRankOptions) ([]float64, error) {
	alpha, weighted := opt.Damping, opt.Weighted
	if alpha == 0 {
		alpha = DefaultDamping
	}
	n := g.N()
	x := make([]float64, n)
	if n == 0 {
		return x, nil
	}
	outW := make([]float64, n)
	for i := range outW {
		if weighted {
			for _, w := range g.OutWeights(i) {
				outW[i] += w
			}
		} else {
			outW[i] = float64(len(g.Out(i)))
		}
	}
	for i := range x {
		x[i] = 1 / float64(n)
	}
	y := make([]float64, n)
	fn := float64(n)
	tol := fn * 1e-15
	for iter := 0; iter < 100000; iter++ {
		dangling := 0.0
		for i, w := range outW {
			if w == 0 {
				dangling += x[i]
			}
		}
		base := alpha*dangling/fn + (1-alpha)/fn
		for v := 0; v < n; v++ {
			s := 0.0
			in, wt := g.In(v), g.InWeights(v)
			for j, u := range in {
				if weighted {
					s += x[u] * wt[j] / outW[u]
				} else {
					s += x[u] / outW[u]
				}
			}
			y[v] = alpha*s + base
		}
		diff := 0.0
		for i := range y {
			diff += math.Abs(y[i] - x[i])
		}
		x, y = y, x
		if diff < tol {
			return x, nil
		}
	}
	return x, ErrNoConvergence
}
