package network

import (
	"container/heap"
	"runtime"
	"sync"
	"sync/atomic"
)

// Paths holds the shortest-path measures of every node, in node order.
type Paths struct {
	// Betweenness is NetworkX's default, betweenness_centrality(G,
	// normalized=True): the raw value times 2/((n-1)(n-2)) in an
	// undirected graph and 1/((n-1)(n-2)) in a directed one (no scaling
	// when n <= 2).
	Betweenness []float64
	// BetweennessRaw is igraph's betweenness(): the number of shortest
	// paths through a node, each path between an unordered pair counted
	// once in an undirected graph, each ordered pair once in a directed
	// graph. It equals NetworkX's betweenness_centrality(G,
	// normalized=False).
	BetweennessRaw []float64
	// Closeness is NetworkX's closeness_centrality(G, wf_improved=True):
	// (r-1)/sum(d) * (r-1)/(n-1), where r counts the nodes that reach the
	// node (itself included) and d their distances to it; 0 when r = 1.
	// In a directed graph the distances are incoming, as in NetworkX.
	Closeness []float64
	// Harmonic is NetworkX's harmonic_centrality: the sum of 1/d(v, u)
	// over all v != u that reach u (incoming in a directed graph).
	Harmonic []float64
}

// chunkSize is the number of source nodes per unit of parallel work. It is
// a constant, independent of GOMAXPROCS, so the chunks and the order in
// which their results are added are the same on every machine.
const chunkSize = 16

// ShortestPaths computes betweenness (Brandes 2001), closeness and
// harmonic centrality in one pass of single-source shortest paths from
// every node, spread over GOMAXPROCS goroutines.
//
// When weighted is false every link has length 1 (breadth-first search);
// when true a link's length is its weight (Dijkstra), as NetworkX's
// weight="weight" (weights must be positive; shortest paths tie only when
// their float sums are equal, as in NetworkX). Results are bit-for-bit the same for any GOMAXPROCS:
// each chunk of chunkSize consecutive sources accumulates into its own
// buffer, and the buffers are added to the total in chunk order. At most
// 2*GOMAXPROCS buffers of 4n numbers are live, so memory is O(n + m) per
// worker.
func ShortestPaths(g *Graph, weighted bool) Paths {
	n := g.N()
	bc := make([]float64, n)
	harm := make([]float64, n)
	sumd := make([]float64, n)
	reach := make([]int, n)
	if n == 0 {
		return Paths{Betweenness: bc, BetweennessRaw: []float64{}, Closeness: []float64{}, Harmonic: harm}
	}
	nChunks := (n + chunkSize - 1) / chunkSize
	workers := min(runtime.GOMAXPROCS(0), nChunks)
	window := 2 * workers // chunks in flight; bounds buffered results

	type result struct {
		chunk int
		acc   *accum
	}
	results := make(chan result, window)
	tokens := make(chan struct{}, window)
	pool := sync.Pool{New: func() any { return newAccum(n) }}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := newSearch(g, weighted)
			for {
				tokens <- struct{}{}
				c := int(next.Add(1) - 1)
				if c >= nChunks {
					<-tokens
					return
				}
				a := pool.Get().(*accum)
				a.reset()
				for src := c * chunkSize; src < min((c+1)*chunkSize, n); src++ {
					s.run(g, src, a)
				}
				results <- result{c, a}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	pending := make(map[int]*accum, window)
	want := 0
	for r := range results {
		pending[r.chunk] = r.acc
		for {
			a, ok := pending[want]
			if !ok {
				break
			}
			delete(pending, want)
			for i := 0; i < n; i++ {
				bc[i] += a.bc[i]
				harm[i] += a.harm[i]
				sumd[i] += a.sumd[i]
				reach[i] += a.reach[i]
			}
			pool.Put(a)
			want++
			<-tokens
		}
	}

	p := Paths{BetweennessRaw: make([]float64, n), Betweenness: make([]float64, n), Closeness: make([]float64, n), Harmonic: harm}
	for i := range bc {
		raw := bc[i]
		if !g.Directed {
			raw /= 2
		}
		p.BetweennessRaw[i] = raw
		p.Betweenness[i] = bc[i]
		if n > 2 {
			p.Betweenness[i] = bc[i] / float64((n-1)*(n-2))
		}
		r := reach[i] + 1
		if sumd[i] > 0 && n > 1 {
			c := float64(r-1) / sumd[i]
			p.Closeness[i] = c * (float64(r-1) / float64(n-1))
		}
	}
	return p
}

// accum is one chunk's contribution to the totals.
type accum struct {
	bc, harm, sumd []float64
	reach          []int
}

func newAccum(n int) *accum {
	return &accum{bc: make([]float64, n), harm: make([]float64, n), sumd: make([]float64, n), reach: make([]int, n)}
}

func (a *accum) reset() {
	clear(a.bc)
	clear(a.harm)
	clear(a.sumd)
	clear(a.reach)
}

// search is the scratch space of one worker, reused for every source.
type search struct {
	weighted bool
	queue    []int32

	// The unweighted search (runBFS).
	state     []nodeState // dist -1 when unreached
	coef      []float64   // (1 + delta[v]) / sigma[v] once v is done
	acc       []float64   // sums of children's coef (bottom-up levels)
	kids      []int32     // DAG links: children by parent or parents by child
	koff      []int       // children of queue[h] (top-down levels): kids[koff[h]:koff[h+1]]
	poff      []int       // parents of queue[h] (bottom-up levels): kids[poff[h]:poff[h+1]]
	levels    []int       // queue index where each level starts
	bottomUp  []bool      // whether the step from each level went bottom-up
	unvisited []int32     // nodes not reached yet, once a step goes bottom-up
	inv       []float64   // inv[d] = 1/d, so the loop does not divide

	// The weighted search (run with dijkstra).
	dist  []float64
	sigma []float64
	delta []float64
	order []int32 // nodes in non-decreasing distance
	pq    distHeap
}

func newSearch(g *Graph, weighted bool) *search {
	n := g.N()
	s := &search{weighted: weighted, dist: make([]float64, n), sigma: make([]float64, n), delta: make([]float64, n)}
	s.queue = make([]int32, 0, n)
	if !weighted {
		s.coef = make([]float64, n)
		s.kids = make([]int32, 0, len(g.adj)+1) // each DAG link is recorded once, plus a spare
		s.koff = make([]int, 0, n+1)
		s.poff = make([]int, 0, n+1)
		s.acc = make([]float64, n)
		s.unvisited = make([]int32, 0, n+1)
		s.inv = make([]float64, n+1)
		for d := 1; d <= n; d++ {
			s.inv[d] = 1 / float64(d)
		}
	}
	s.state = make([]nodeState, n)
	for i := range s.dist {
		s.dist[i] = -1
		s.state[i].dist = -1
	}
	return s
}

// run does one single-source search from src and adds its dependencies,
// harmonic and closeness sums to a.
func (s *search) run(g *Graph, src int, a *accum) {
	if !s.weighted {
		s.runBFS(g, src, a)
		return
	}
	s.order = s.order[:0]
	s.sigma[src] = 1
	s.dist[src] = 0
	s.dijkstra(g, src)
	for _, v := range s.order[1:] {
		d := s.dist[v]
		a.harm[v] += 1 / d
		a.sumd[v] += d
		a.reach[v]++
	}
	// Predecessors are not stored: w precedes v when
	// dist[w] + len(w, v) == dist[v], checked on v's in-links.
	for k := len(s.order) - 1; k > 0; k-- {
		v := s.order[k]
		coeff := (1 + s.delta[v]) / s.sigma[v]
		in, wt := g.In(int(v)), g.InWeights(int(v))
		for j, w := range in {
			if s.dist[w] >= 0 && s.dist[w]+wt[j] == s.dist[v] {
				s.delta[w] += s.sigma[w] * coeff
			}
		}
		a.bc[v] += s.delta[v]
	}
	for _, v := range s.order {
		s.dist[v] = -1
		s.sigma[v] = 0
		s.delta[v] = 0
	}
}

// runBFS is run for unweighted graphs. It is a level-synchronous
// breadth-first search that records the shortest-path DAG, followed by
// the dependency accumulation level by level from the deepest:
// delta[v] = sigma[v] * sum over children w of (1 + delta[w]) / sigma[w].
//
// Each level step goes top-down (scan the frontier's out-links, record
// each parent's children) or, when the frontier's links outnumber the
// unvisited nodes' in-links, bottom-up (scan the in-links of every
// unvisited node, record each child's parents), as in Beamer et al.'s
// direction-optimising BFS; bottom-up must still find every parent, for
// sigma, but skips the links among visited nodes. The choice depends
// only on the graph and the source, so results are deterministic.
// Harmonic and closeness sums are folded into the accumulation.
func (s *search) runBFS(g *Graph, src int, a *accum) {
	st, coef, acc := s.state, s.coef, s.acc
	off, adj := g.off, g.adj
	inOff, inAdj := g.inOff, g.inAdj
	queue, links := s.queue[:cap(s.queue)], s.kids[:cap(s.kids)]
	ko, po := s.koff[:cap(s.koff)], s.poff[:cap(s.poff)]
	levels, bottomUp := s.levels[:0], s.bottomUp[:0]
	unvisited := s.unvisited[:0]
	listed := false

	queue[0] = int32(src)
	nq, nk := 1, 0
	st[src] = nodeState{sigma: 1, dist: 0}
	frontierDeg := off[src+1] - off[src]
	unvisitedDeg := len(inAdj) - (inOff[src+1] - inOff[src])
	lo, hi := 0, 1
	for d := int32(0); lo < hi; d++ {
		levels = append(levels, lo)
		dn := d + 1
		nextDeg := 0
		bu := frontierDeg > unvisitedDeg
		bottomUp = append(bottomUp, bu)
		if !bu {
			for h := lo; h < hi; h++ {
				ko[h] = nk
				v := queue[h]
				sv := st[v].sigma
				for _, w := range adj[off[v]:off[v+1]] {
					p := &st[w]
					switch dw := p.dist; {
					case dw < 0:
						p.dist = dn
						p.sigma = sv
						queue[nq] = w
						nq++
						links[nk] = w
						nk++
						nextDeg += off[w+1] - off[w]
						unvisitedDeg -= inOff[w+1] - inOff[w]
					case dw == dn:
						p.sigma += sv
						links[nk] = w
						nk++
					}
				}
			}
			ko[hi] = nk
		} else {
			// Lists are compacted without branches (the tests are
			// unpredictable); the slices have room for one spare write.
			if !listed {
				unvisited = unvisited[:cap(unvisited)]
				k := 0
				for w := range st {
					unvisited[k] = int32(w)
					k += b2i(st[w].dist < 0)
				}
				unvisited = unvisited[:k]
				listed = true
			} else {
				k := 0
				for _, w := range unvisited {
					unvisited[k] = w
					k += b2i(st[w].dist < 0)
				}
				unvisited = unvisited[:k]
			}
			for _, w := range unvisited {
				start := nk
				sum := 0.0
				for _, u := range inAdj[inOff[w]:inOff[w+1]] {
					q := &st[u]
					add, inc := 0.0, 0
					if q.dist == d {
						add, inc = q.sigma, 1
					}
					sum += add
					links[nk] = u
					nk += inc
				}
				if nk > start {
					st[w] = nodeState{sigma: sum, dist: dn}
					po[nq] = start
					queue[nq] = w
					nq++
					nextDeg += off[w+1] - off[w]
					unvisitedDeg -= inOff[w+1] - inOff[w]
				}
			}
			po[nq] = nk
		}
		lo, hi = hi, nq
		frontierDeg = nextDeg
	}
	levels = append(levels, nq)

	bc, inv := a.bc, s.inv
	undirected := !g.Directed
	var harmSrc, sumSrc float64
	for l := len(levels) - 2; l >= 0; l-- {
		lo, hi := levels[l], levels[l+1]
		if bottomUp[l] && l+2 < len(levels) {
			for h := hi; h < levels[l+2]; h++ {
				c := coef[queue[h]]
				for _, u := range links[po[h]:po[h+1]] {
					acc[u] += c
				}
			}
		}
		if l == 0 {
			break
		}
		for h := lo; h < hi; h++ {
			v := queue[h]
			var sum float64
			if bottomUp[l] {
				sum = acc[v]
				acc[v] = 0
			} else {
				for _, w := range links[ko[h]:ko[h+1]] {
					sum += coef[w]
				}
			}
			p := &st[v]
			dv := p.sigma * sum
			coef[v] = (1 + dv) / p.sigma
			bc[v] += dv
			if undirected {
				harmSrc += inv[p.dist]
				sumSrc += float64(p.dist)
			} else {
				a.harm[v] += inv[p.dist]
				a.sumd[v] += float64(p.dist)
				a.reach[v]++
			}
			*p = nodeState{dist: -1}
		}
	}
	if undirected {
		a.harm[src] += harmSrc
		a.sumd[src] += sumSrc
		a.reach[src] += nq - 1
	}
	acc[src] = 0
	st[src] = nodeState{dist: -1}
	s.levels, s.bottomUp, s.unvisited = levels, bottomUp, unvisited
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// nodeState keeps a node's distance and path count side by side, so the
// search touches one cache line per neighbour.
type nodeState struct {
	sigma float64
	dist  int32
}

// dijkstra settles nodes in order of distance; ties in distance are
// settled in order of node index, so the order is deterministic.
func (s *search) dijkstra(g *Graph, src int) {
	s.pq = s.pq[:0]
	heap.Push(&s.pq, item{0, int32(src)})
	done := s.delta // reuse: delta is 0 until accumulation; mark settled with -1
	for s.pq.Len() > 0 {
		it := heap.Pop(&s.pq).(item)
		v := it.v
		if done[v] < 0 || it.d > s.dist[v] {
			continue
		}
		done[v] = -1
		s.order = append(s.order, v)
		out, wt := g.Out(int(v)), g.OutWeights(int(v))
		for j, w := range out {
			if done[w] < 0 {
				continue
			}
			nd := s.dist[v] + wt[j]
			switch {
			case s.dist[w] < 0 || nd < s.dist[w]:
				s.dist[w] = nd
				heap.Push(&s.pq, item{nd, w})
			}
		}
	}
	for _, v := range s.order {
		done[v] = 0
	}
	// Path counts in settling order: every predecessor of v is settled
	// before v.
	for _, v := range s.order[1:] {
		in, wt := g.In(int(v)), g.InWeights(int(v))
		for j, w := range in {
			if s.dist[w] >= 0 && s.dist[w]+wt[j] == s.dist[v] {
				s.sigma[v] += s.sigma[w]
			}
		}
	}
}

type item struct {
	d float64
	v int32
}

type distHeap []item

func (h distHeap) Len() int { return len(h) }
func (h distHeap) Less(i, j int) bool {
	if h[i].d != h[j].d {
		return h[i].d < h[j].d
	}
	return h[i].v < h[j].v
}
func (h distHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *distHeap) Push(x any)   { *h = append(*h, x.(item)) }
func (h *distHeap) Pop() any {
	old := *h
	it := old[len(old)-1]
	*h = old[:len(old)-1]
	return it
}
