package graph

import (
	"fmt"
	"math/rand/v2"
)

// randomPairs returns m distinct unordered node pairs (u < v) on n nodes,
// drawn uniformly with a fixed seed (a G(n, m) graph).
func randomPairs(n, m int, seed uint64) [][2]int {
	rng := rand.New(rand.NewPCG(seed, 1))
	seen := make(map[[2]int]bool, m)
	pairs := make([][2]int, 0, m)
	for len(pairs) < m {
		u, v := rng.IntN(n), rng.IntN(n)
		if u == v {
			continue
		}
		if u > v {
			u, v = v, u
		}
		if seen[[2]int{u, v}] {
			continue
		}
		seen[[2]int{u, v}] = true
		pairs = append(pairs, [2]int{u, v})
	}
	return pairs
}

// RandomEdges returns a G(n, m) random graph as an edge list: m distinct
// undirected edges of weight 1, drawn uniformly with the given seed (the
// same edges for the same arguments on every machine), between nodes
// named v000000, v000001, ... It is meant for tests and benchmarks. It
// panics when m is negative or more than the n(n-1)/2 pairs there are,
// rather than search for ever.
func RandomEdges(n, m int, seed uint64) []Edge {
	if m < 0 || (m > 0 && n < 2) || (n >= 2 && m > n*(n-1)/2) {
		panic(fmt.Sprintf("graph: RandomEdges: %d edges on %d nodes, want 0 to n(n-1)/2", m, n))
	}
	pairs := randomPairs(n, m, seed)
	edges := make([]Edge, len(pairs))
	for i, p := range pairs {
		edges[i] = Edge{Source: fmt.Sprintf("v%06d", p[0]), Target: fmt.Sprintf("v%06d", p[1]), Weight: 1}
	}
	return edges
}
