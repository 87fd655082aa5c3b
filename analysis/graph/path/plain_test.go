package path

import (
	"math"
	"testing"
)

// plainBrandes is the unweighted search without the bit-parallel phase
// or the interleaved sums: one breadth-first search per source on the relabelled graph,
// then Brandes' accumulation, each sum taken over a node's links in link
// order and skipping the links that are not on a shortest path (which
// the fast search adds as zeros). Sources are taken in chunks of
// chunkSize, each chunk summed on its own and the chunks added in order,
// as ShortestPaths does.
func plainBrandes(b *bfsGraph) *accum {
	n := b.n
	tot, a := newAccum(n), newAccum(n)
	dist, sigma, coef := make([]int, n), make([]float64, n), make([]float64, n)
	var order []int32
	for src := 0; src < n; src++ {
		if src%chunkSize == 0 {
			a.reset()
		}
		for i := range dist {
			dist[i], sigma[i], coef[i] = -1, 0, 0
		}
		dist[src], sigma[src], order = 0, 1, append(order[:0], int32(src))
		for i := 0; i < len(order); i++ {
			v := order[i]
			for _, w := range b.adj[b.off[v]:b.off[v+1]] {
				if dist[w] < 0 {
					dist[w] = dist[v] + 1
					order = append(order, w)
				}
			}
		}
		levels := make([]float64, dist[order[len(order)-1]]+1)
		for _, w := range order[1:] {
			levels[dist[w]]++
			for _, u := range b.inAdj[b.inOff[w]:b.inOff[w+1]] {
				if dist[u] >= 0 && dist[u] == dist[w]-1 {
					sigma[w] += sigma[u]
				}
			}
		}
		for i := len(order) - 1; i >= 1; i-- {
			v := order[i]
			sum := 0.0
			for _, w := range b.adj[b.off[v]:b.off[v+1]] {
				if dist[w] == dist[v]+1 {
					sum += coef[w]
				}
			}
			dep := sigma[v] * sum
			coef[v] = (1 + dep) / sigma[v]
			a.bc[v] += dep
			if b.directed {
				a.harm[v] += 1 / float64(dist[v])
				a.sumd[v] += float64(dist[v])
				a.reach[v]++
			}
		}
		if !b.directed {
			var h, s float64
			for d := len(levels) - 1; d >= 1; d-- {
				h += levels[d] * (1 / float64(d))
				s += levels[d] * float64(d)
			}
			a.harm[src] += h
			a.sumd[src] += s
			a.reach[src] += len(order) - 1
		}
		if src%chunkSize == chunkSize-1 || src == n-1 {
			tot.add(a)
		}
	}
	return tot
}

// TestBatchMatchesPlainBrandes checks that the bit-parallel search and
// its interleaved accumulation give the same bits as plainBrandes on every test shape and on
// random graphs large enough that levels hold thousands of nodes.
func TestBatchMatchesPlainBrandes(t *testing.T) {
	gs := pathGraphs(t)
	gs["undirected G(3000,12000)"] = randomGraph(t, 3000, 12000, false)
	gs["directed G(3000,12000)"] = randomGraph(t, 3000, 12000, true)
	for name, g := range gs {
		if g.N() == 0 {
			continue
		}
		b := newBFSGraph(g)
		want := plainBrandes(b)
		newWorker, _ := pathWorkers(g, false)
		got := sumChunks(g.N(), newWorker)
		for what, pair := range map[string][2][]float64{
			"dependency": {got.bc, want.bc}, "harmonic": {got.harm, want.harm}, "distance sum": {got.sumd, want.sumd},
		} {
			for i := range pair[0] {
				if math.Float64bits(pair[0][i]) != math.Float64bits(pair[1][i]) {
					t.Fatalf("%s: %s of relabelled node %d: the batch gives %v, plain Brandes %v", name, what, i, pair[0][i], pair[1][i])
				}
			}
		}
		for i := range got.reach {
			if got.reach[i] != want.reach[i] {
				t.Fatalf("%s: relabelled node %d reached by %d sources, plain Brandes %d", name, i, got.reach[i], want.reach[i])
			}
		}
	}
}
