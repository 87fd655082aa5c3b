package community

import (
	"math"
	"math/rand/v2"
	"slices"

	"github.com/nexus-toolkit/nexus/analysis/graph"
)

// Louvain returns a community of every node by the Louvain method (Blondel
// et al. 2008) on the undirected view of g, with resolution 1, as
// NetworkX's louvain_communities(G, seed=seed, threshold=1e-7):
//
//   - each level visits the nodes in an order shuffled once per level by a
//     PCG generator seeded with seed, and moves a node to the neighbouring
//     community with the largest positive modularity gain (the first in
//     order of appearance among its neighbours on ties), until a sweep
//     moves no node;
//   - communities are then merged into nodes, and levels repeat while the
//     modularity grows by more than 1e-7.
//
// The random streams of Go and Python differ, so the partition can differ
// from NetworkX's for the same seed; its modularity is comparable (the
// tests check it on the karate club). Communities are numbered 0, 1, ...
// in order of their first node in node order. Link weights are used with
// opt.Weighted; opt.Seed seeds the node order.
func Louvain(g *graph.Graph, opt LouvainOptions) []int {
	seed, weighted := opt.Seed, opt.Weighted
	u := g.Undirected()
	n := u.N()
	lg := levelFromGraph(u, weighted)
	member := make([]int, n)
	for i := range member {
		member[i] = i
	}
	if lg.m == 0 {
		return member
	}
	rng := rand.New(rand.NewPCG(seed, 0x6e65787573))
	mod := Modularity(u, member, ModularityOptions{Weighted: weighted})
	for {
		com, moved := lg.oneLevel(rng)
		if !moved {
			break
		}
		for i := range member {
			member[i] = com[member[i]]
		}
		next := Modularity(u, member, ModularityOptions{Weighted: weighted})
		if next-mod <= 1e-7 {
			break
		}
		mod = next
		lg = lg.aggregate(com)
	}
	return relabel(member)
}

// relabel numbers communities in order of their first member.
func relabel(member []int) []int {
	label := map[int]int{}
	out := make([]int, len(member))
	for i, c := range member {
		l, ok := label[c]
		if !ok {
			l = len(label)
			label[c] = l
		}
		out[i] = l
	}
	return out
}

// Modularity returns Newman's modularity of the partition com on the
// undirected view of g with resolution 1, as NetworkX's
// community.modularity: sum over communities of L_c/m - (d_c/2m)^2, where
// m is the total link weight, L_c the weight inside c and d_c the total
// degree (strength) of c. Link weights count with opt.Weighted.
func Modularity(g *graph.Graph, com []int, opt ModularityOptions) float64 {
	weighted := opt.Weighted
	u := g.Undirected()
	k := 0
	for _, c := range com {
		k = max(k, c+1)
	}
	in := make([]float64, k)
	deg := make([]float64, k)
	m := 0.0
	for _, l := range u.Links {
		w := 1.0
		if weighted {
			w = l.Weight
		}
		m += w
		deg[com[l.U]] += w
		deg[com[l.V]] += w
		if com[l.U] == com[l.V] {
			in[com[l.U]] += w
		}
	}
	if m == 0 {
		return 0
	}
	q := 0.0
	for c := 0; c < k; c++ {
		q += in[c]/m - (deg[c]/(2*m))*(deg[c]/(2*m))
	}
	return q
}

// level is the weighted graph of one Louvain level: nodes are communities
// of the level below, with self-loop weights for their inner links.
type level struct {
	n    int
	off  []int
	adj  []int
	w    []float64
	self []float64 // weight of the self-loop (inner links)
	deg  []float64 // weighted degree, self-loop counted twice
	m    float64   // total weight, fixed across levels
}

func levelFromGraph(u *graph.Graph, weighted bool) *level {
	n := u.N()
	lg := &level{n: n, off: make([]int, n+1), self: make([]float64, n), deg: make([]float64, n)}
	_, adj := u.CSR()
	lg.adj = make([]int, 0, len(adj))
	lg.w = make([]float64, 0, len(adj))
	for i := 0; i < n; i++ {
		out, wt := u.Out(i), u.OutWeights(i)
		for j, v := range out {
			w := 1.0
			if weighted {
				w = wt[j]
			}
			lg.adj = append(lg.adj, int(v))
			lg.w = append(lg.w, w)
			lg.deg[i] += w
		}
		lg.off[i+1] = len(lg.adj)
	}
	for _, d := range lg.deg {
		lg.m += d
	}
	lg.m /= 2
	// Modularity gains divide by m*m. Partitions do not depend on the
	// scale of the weights, so a total weight far from 1 (beyond 2^±100)
	// is scaled by a power of two, exactly, so that m*m stays finite and
	// non-zero.
	if e := math.Ilogb(lg.m); lg.m > 0 && !math.IsInf(lg.m, 0) && (e < -100 || e > 100) {
		f := math.Ldexp(1, -e)
		for k := range lg.w {
			lg.w[k] *= f
		}
		for i := range lg.deg {
			lg.deg[i] *= f
		}
		lg.m *= f
	}
	return lg
}

// oneLevel moves nodes between communities until no move improves the
// modularity. It returns each node's community, numbered 0..k-1 in order
// of first node, and whether any node moved.
func (lg *level) oneLevel(rng *rand.Rand) ([]int, bool) {
	n := lg.n
	com := make([]int, n)
	tot := make([]float64, n)
	for i := range com {
		com[i] = i
		tot[i] = lg.deg[i]
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	rng.Shuffle(n, func(i, j int) { order[i], order[j] = order[j], order[i] })
	wcom := make([]float64, n)
	seen := make([]bool, n)
	var touched []int
	m := lg.m
	improved := false
	for moves := 1; moves > 0; {
		moves = 0
		for _, v := range order {
			touched = touched[:0]
			for k := lg.off[v]; k < lg.off[v+1]; k++ {
				c := com[lg.adj[k]]
				if lg.adj[k] == v {
					continue
				}
				if !seen[c] {
					seen[c] = true
					touched = append(touched, c)
				}
				wcom[c] += lg.w[k]
			}
			best := com[v]
			d := lg.deg[v]
			tot[best] -= d
			remove := -wcom[best]/m + tot[best]*d/(2*m*m)
			bestGain := 0.0
			// Candidates in order of first appearance among v's
			// neighbours (sorted by index), as NetworkX's dict order.
			for _, c := range touched {
				gain := remove + wcom[c]/m - tot[c]*d/(2*m*m)
				if gain > bestGain {
					bestGain, best = gain, c
				}
			}
			tot[best] += d
			if best != com[v] {
				com[v] = best
				moves++
				improved = true
			}
			for _, c := range touched {
				wcom[c] = 0
				seen[c] = false
			}
		}
	}
	return relabel(com), improved
}

// aggregate merges the nodes of lg by com into a new level. Members are
// grouped by community with a counting sort and their links scattered
// into a dense row, so no map is needed.
func (lg *level) aggregate(com []int) *level {
	k := 0
	for _, c := range com {
		k = max(k, c+1)
	}
	nl := &level{n: k, off: make([]int, k+1), self: make([]float64, k), deg: make([]float64, k), m: lg.m}
	start := make([]int, k+1)
	for _, c := range com {
		start[c+1]++
	}
	for c := 0; c < k; c++ {
		start[c+1] += start[c]
	}
	members := make([]int, lg.n)
	fill := slices.Clone(start[:k])
	for v, c := range com {
		members[fill[c]] = v
		fill[c]++
	}
	row := make([]float64, k)
	var touched []int
	for c := 0; c < k; c++ {
		touched = touched[:0]
		for _, v := range members[start[c]:start[c+1]] {
			nl.self[c] += lg.self[v]
			nl.deg[c] += lg.deg[v]
			for j := lg.off[v]; j < lg.off[v+1]; j++ {
				cu := com[lg.adj[j]]
				if cu == c {
					nl.self[c] += lg.w[j] / 2
					continue
				}
				if row[cu] == 0 {
					touched = append(touched, cu)
				}
				row[cu] += lg.w[j]
			}
		}
		slices.Sort(touched)
		for _, u := range touched {
			nl.adj = append(nl.adj, u)
			nl.w = append(nl.w, row[u])
			row[u] = 0
		}
		nl.off[c+1] = len(nl.adj)
	}
	return nl
}
