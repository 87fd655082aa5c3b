package network

import (
	"math"

	"github.com/nexus-toolkit/nexus/analysis/graph"
)

// CoreNumbers returns the k-core number of every node by Batagelj and
// Zaversnik's O(m) algorithm, as NetworkX's core_number and igraph's
// coreness(): the largest k
// such that the node belongs to a subgraph in which every node has degree
// at least k. In a directed graph the degree is in + out, as in NetworkX
// (a reciprocated pair counts twice).
func CoreNumbers(g *graph.Graph) []int {
	n := g.N()
	deg, _, _ := Degrees(g)
	core := make([]int, n)
	if n == 0 {
		return core
	}
	maxd := 0
	for _, d := range deg {
		maxd = max(maxd, d)
	}
	bin := make([]int, maxd+2)
	for _, d := range deg {
		bin[d]++
	}
	start := 0
	for d := 0; d <= maxd; d++ {
		c := bin[d]
		bin[d] = start
		start += c
	}
	pos := make([]int, n)
	vert := make([]int, n)
	for v := 0; v < n; v++ {
		pos[v] = bin[deg[v]]
		vert[pos[v]] = v
		bin[deg[v]]++
	}
	for d := maxd; d > 0; d-- {
		bin[d] = bin[d-1]
	}
	bin[0] = 0
	d := append([]int(nil), deg...)
	lower := func(u int) {
		du := d[u]
		pu := pos[u]
		pw := bin[du]
		w := vert[pw]
		if u != w {
			pos[u], pos[w] = pw, pu
			vert[pu], vert[pw] = w, u
		}
		bin[du]++
		d[u]--
	}
	for i := 0; i < n; i++ {
		v := vert[i]
		for _, u := range g.Out(v) {
			if d[u] > d[v] {
				lower(int(u))
			}
		}
		if g.Directed {
			for _, u := range g.In(v) {
				if d[u] > d[v] {
					lower(int(u))
				}
			}
		}
	}
	copy(core, d)
	return core
}

// Coreness returns Borgatti and Everett's (1999) continuous core-periphery
// coreness c of every node (UCINET's "coreness"; not igraph's coreness(),
// which is the k-core number of CoreNumbers): the c that minimises
//
//	sum over i != j of (a_ij - c_i c_j)^2
//
// where a_ij is 1 for a link (its weight, a strength, with opt.Weighted) and 0 otherwise,
// on the undirected view of g. The fit is by exact coordinate descent
// (alternating least squares): for i = 0..n-1 in node order,
//
//	c_i = sum_j a_ij c_j / sum_{j != i} c_j^2,
//
// which never increases the loss, repeated until no c_i moves by more than
// 1e-13 (at most 10,000 sweeps). The start is c_i = degree_i /
// sqrt(sum of squared degrees), so the result is deterministic. The
// returned vector is scaled to unit L2 norm (the fitted scale is
// sqrt(sum c^2) and is not reported), so values are comparable across
// graphs of one size; isolated nodes get 0.
//
// UCINET's Core/Periphery "continuous" routine fits the same model by a
// different optimiser; values agree up to that scaling when both reach the
// minimum.
func Coreness(g *graph.Graph, opt CorenessOptions) []float64 {
	weighted := opt.Weighted
	u := g.Undirected()
	n := u.N()
	c := make([]float64, n)
	ss := 0.0
	for i := 0; i < n; i++ {
		d := float64(len(u.Out(i)))
		c[i] = d
		ss += d * d
	}
	if ss == 0 {
		return c
	}
	norm := math.Sqrt(ss)
	sq := 0.0
	for i := range c {
		c[i] /= norm
		sq += c[i] * c[i]
	}
	// The unit-norm result does not depend on the scale of the weights:
	// weights far from 1 (beyond 2^±30) are scaled by an even power of two,
	// so that c_i^2 can neither overflow nor underflow.
	scale := 1.0
	if weighted {
		scale = weightScale(u, -30, 30, true)
	}
	for sweep := 0; sweep < 10000; sweep++ {
		moved := 0.0
		for i := 0; i < n; i++ {
			num := 0.0
			out, wt := u.Out(i), u.OutWeights(i)
			for j, v := range out {
				a := 1.0
				if weighted {
					a = wt[j] * scale
				}
				num += a * c[v]
			}
			den := sq - c[i]*c[i]
			next := 0.0
			if den > 0 {
				next = num / den
			}
			moved = max(moved, math.Abs(next-c[i]))
			sq += next*next - c[i]*c[i]
			c[i] = next
		}
		// Recompute the running sum of squares to keep rounding from
		// drifting.
		sq = 0
		for _, v := range c {
			sq += v * v
		}
		if moved < 1e-13 {
			break
		}
	}
	norm = math.Sqrt(sq)
	if norm > 0 {
		for i := range c {
			c[i] /= norm
		}
	}
	return c
}
