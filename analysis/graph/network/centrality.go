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

// Eigenvector returns eigenvector centrality as NetworkX's
// eigenvector_centrality: the leading eigenvector of the adjacency matrix
// (of its transpose in a directed graph, so that in-links count), scaled
// to unit L2 norm and positive sign. Like NetworkX it runs power iteration
// on A + I from the uniform vector, which converges also on bipartite
// graphs; it stops when the L1 change is below n*1e-15 (NetworkX's
// default tol is 1e-6, so compare with eigenvector_centrality_numpy or a
// tight tol). On a disconnected graph the leading eigenvector need not be
// unique; the result is then the limit from the uniform start. Link
// weights are used with opt.Weighted.
func Eigenvector(g *graph.Graph, opt EigenvectorOptions) ([]float64, error) {
	weighted := opt.Weighted
	n := g.N()
	x := make([]float64, n)
	if n == 0 {
		return x, nil
	}
	for i := range x {
		x[i] = 1 / float64(n)
	}
	y := make([]float64, n)
	const maxIter = 100000
	tol := float64(n) * 1e-15
	// The eigenvector does not depend on the scale of the weights, but the
	// iteration on A + I does: weights far from 1 (beyond 2^±30) are
	// scaled by a power of two, so that huge ones cannot overflow the norm
	// and tiny ones cannot end the iteration at its start.
	scale := 1.0
	if weighted {
		scale = weightScale(g, -30, 30, false)
	}
	for iter := 0; iter < maxIter; iter++ {
		// y = (A^T + I) x: y[v] = x[v] + sum over in-links u->v of w*x[u].
		for v := 0; v < n; v++ {
			s := x[v]
			in, wt := g.In(v), g.InWeights(v)
			for j, u := range in {
				if weighted {
					s += wt[j] * scale * x[u]
				} else {
					s += x[u]
				}
			}
			y[v] = s
		}
		norm := 0.0
		for _, v := range y {
			norm += v * v
		}
		norm = math.Sqrt(norm)
		if norm == 0 {
			norm = 1
		}
		diff := 0.0
		for i := range y {
			y[i] /= norm
			diff += math.Abs(y[i] - x[i])
		}
		x, y = y, x
		if diff < tol {
			return x, nil
		}
	}
	return x, ErrNoConvergence
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
