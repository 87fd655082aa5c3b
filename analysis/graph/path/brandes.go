package path

import (
	"cmp"
	"math"
	"math/bits"
	"slices"

	"github.com/nexus-toolkit/nexus/analysis/graph"
)

// batchSize is the number of sources searched together by bfsBatch: one
// bit per source in a uint64.
const batchSize = 64

// bfsGraph is the unweighted graph that bfsBatch searches: the links of a
// Graph relabelled so that node indices run in order of in-degree (ties
// by original index). Within a BFS level nodes are visited in index
// order, so the in-link loops of consecutive nodes run the same number of
// times, which the branch predictor learns: on a random graph of 5,000
// nodes and 20,000 links this ordering halves the time of the search.
type bfsGraph struct {
	n        int
	directed bool
	off, adj []int32 // out-links
	inOff    []int32 // in-links; the same slices as off, adj when undirected
	inAdj    []int32
	perm     []int32 // perm[new] = original index
}

func newBFSGraph(g *graph.Graph) *bfsGraph {
	n := g.N()
	gOff, gAdj := g.CSR()
	gInOff, gInAdj := g.InCSR()
	if len(gAdj) > math.MaxInt32 || len(gInAdj) > math.MaxInt32 {
		panic("graph: more than 2^31-1 links")
	}
	b := &bfsGraph{n: n, directed: g.Directed, perm: make([]int32, n)}
	for i := range b.perm {
		b.perm[i] = int32(i)
	}
	indeg := func(v int32) int { return gInOff[v+1] - gInOff[v] }
	slices.SortStableFunc(b.perm, func(x, y int32) int { return cmp.Compare(indeg(x), indeg(y)) })
	inv := make([]int32, n)
	for nw, old := range b.perm {
		inv[old] = int32(nw)
	}
	relabel := func(off []int, adj []int32) ([]int32, []int32) {
		o := make([]int32, n+1)
		a := make([]int32, len(adj))
		for nw, old := range b.perm {
			row := adj[off[old]:off[old+1]]
			o[nw+1] = o[nw] + int32(len(row))
			dst := a[o[nw]:o[nw+1]]
			for i, w := range row {
				dst[i] = inv[w]
			}
			slices.Sort(dst)
		}
		return o, a
	}
	b.off, b.adj = relabel(gOff, gAdj)
	if g.Directed {
		b.inOff, b.inAdj = relabel(gInOff, gInAdj)
	} else {
		b.inOff, b.inAdj = b.off, b.adj
	}
	return b
}

// bfsBatch is the scratch space of one worker for unweighted graphs.
//
// A batch of up to 64 sources is searched in two phases. Phase one is a
// bit-parallel breadth-first search of all sources at once (Then et al.
// 2014, "The More the Merrier"): each node keeps a 64-bit mask of the
// sources that have reached it, and one sweep over a level's frontier
// advances every source. It lists each source's nodes level by level.
// Phase two is Brandes' path counting and dependency accumulation for one
// source at a time, free of data-dependent branches; see accumulate.
type bfsBatch struct {
	seen, front, next []uint64
	touched, frontier []int32
	order             [batchSize][]int32 // reached nodes by level, each level in index order
	levels            [batchSize][]int32 // order[k][levels[k][d]:levels[k][d+1]] is level d
	sig, coef         [2][]float64
}

func newBFSBatch(b *bfsGraph) *bfsBatch {
	n := b.n
	s := &bfsBatch{seen: make([]uint64, n), front: make([]uint64, n), next: make([]uint64, n),
		touched: make([]int32, n+1), frontier: make([]int32, 0, n)}
	for k := range s.order {
		s.order[k] = make([]int32, n)
	}
	for p := range 2 {
		s.sig[p] = make([]float64, n)
		s.coef[p] = make([]float64, n)
	}
	return s
}

// run searches from sources lo..hi-1 (at most batchSize, relabelled
// indices) and adds their contributions to a, in relabelled indices.
func (s *bfsBatch) run(b *bfsGraph, lo, hi int, a *accum) {
	n := b.n
	off, adj := b.off, b.adj
	seen, front, next, touched := s.seen, s.front, s.next, s.touched
	clear(seen)
	var count [batchSize]int32
	fl := s.frontier[:0]
	for k := range hi - lo {
		src := lo + k
		seen[src] = 1 << k
		front[src] = 1 << k
		s.order[k][0] = int32(src)
		count[k] = 1
		s.levels[k] = append(s.levels[k][:0], 0)
		fl = append(fl, int32(src))
	}
	for len(fl) > 0 {
		for k := range hi - lo {
			s.levels[k] = append(s.levels[k], count[k])
		}
		nt := 0
		for _, v := range fl {
			f := front[v]
			for _, w := range adj[off[v]:off[v+1]] {
				touched[nt] = w
				nt += b2i(next[w] == 0)
				next[w] |= f
			}
		}
		for _, v := range fl {
			front[v] = 0
		}
		fl = fl[:0]
		visit := func(w int32) {
			nb := next[w] &^ seen[w]
			next[w] = 0
			if nb == 0 {
				return
			}
			seen[w] |= nb
			front[w] = nb
			fl = append(fl, w)
			for nb != 0 {
				k := bits.TrailingZeros64(nb)
				nb &= nb - 1
				s.order[k][count[k]] = w
				count[k]++
			}
		}
		// Nodes of a level are visited in index order: a sweep of every
		// node when the level is large, the sorted list of touched nodes
		// when it is small.
		if nt > n/8 {
			for w := range next {
				if next[w] != 0 {
					visit(int32(w))
				}
			}
		} else {
			slices.Sort(touched[:nt])
			for _, w := range touched[:nt] {
				visit(w)
			}
		}
	}
	s.frontier = fl
	for k := range hi - lo {
		s.accumulate(b, lo+k, s.order[k][:count[k]], s.levels[k], a)
	}
}

// accumulate is phase two for one source: ord are the nodes it reaches,
// level by level, and ord[lv[d]:lv[d+1]] is level d.
//
// The path count of a node at level d is the sum over its in-links of
// the tails' counts at level d-1, and the coefficient (1+delta)/sigma of
// a node at level d is needed by its in-neighbours at level d-1. Both are
// kept in two arrays by the parity of the level, so a loop over every
// link reads only the values it needs: the tails of a level-d node's
// in-links lie at level d-1 or deeper (never at d-3, d-5, ...), and what
// lies at d+1, d+3, ... is not written yet and reads as zero; likewise
// for the heads of out-links in the accumulation. So the loops have no
// data-dependent branch and no list of parents.
func (s *bfsBatch) accumulate(b *bfsGraph, src int, ord, lv []int32, a *accum) {
	off, adj := b.off, b.adj
	inOff, inAdj := b.inOff, b.inAdj
	L := len(lv) - 1 // levels 0..L-1; lv[L] = len(ord)
	s.sig[0][src] = 1
	for d := 1; d < L; d++ {
		prev, cur := s.sig[(d-1)&1], s.sig[d&1]
		for _, w := range ord[lv[d]:lv[d+1]] {
			sum := 0.0
			for _, u := range inAdj[inOff[w]:inOff[w+1]] {
				sum += prev[u]
			}
			cur[w] = sum
		}
	}
	bc, harm, sumd, reach := a.bc, a.harm, a.sumd, a.reach
	var harmSrc, sumSrc float64
	for d := L - 1; d >= 1; d-- {
		sig, next, cur := s.sig[d&1], s.coef[(d+1)&1], s.coef[d&1]
		fd, inv := float64(d), 1/float64(d)
		for _, v := range ord[lv[d]:lv[d+1]] {
			sum := 0.0
			for _, w := range adj[off[v]:off[v+1]] {
				sum += next[w]
			}
			sg := sig[v]
			dep := sg * sum
			cur[v] = (1 + dep) / sg
			bc[v] += dep
			if b.directed {
				harm[v] += inv
				sumd[v] += fd
				reach[v]++
			}
		}
		if !b.directed {
			nd := float64(lv[d+1] - lv[d])
			harmSrc += nd * inv
			sumSrc += nd * fd
		}
	}
	if !b.directed {
		harm[src] += harmSrc
		sumd[src] += sumSrc
		reach[src] += len(ord) - 1
	}
	for p := range 2 {
		sig, coef := s.sig[p], s.coef[p]
		for _, v := range ord {
			sig[v] = 0
			coef[v] = 0
		}
	}
}
