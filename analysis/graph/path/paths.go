package path

import (
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/nexus-toolkit/nexus/analysis/graph"
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
	// It is NaN when a distance or their sum overflows float64 (+Inf), as
	// with link lengths near 1e308; network.Compute then fails with graph.ErrOverflow.
	Closeness []float64
	// Harmonic is NetworkX's harmonic_centrality: the sum of 1/d(v, u)
	// over all v != u that reach u (incoming in a directed graph).
	Harmonic []float64
}

// chunkSize is the number of source nodes per unit of parallel work, one
// batch of the unweighted search. It is a constant, independent of
// GOMAXPROCS, so the chunks and the order in which their results are
// added are the same on every machine.
const chunkSize = batchSize

// ShortestPaths computes betweenness (Brandes 2001), closeness and
// harmonic centrality in one pass of single-source shortest paths from
// every node, spread over GOMAXPROCS goroutines.
//
// Without opt.Weighted every link has length 1, and the sources are
// searched 64 at a time by a bit-parallel breadth-first search followed
// by a branch-free accumulation per source (see bfsBatch). With
// opt.Weighted a link's length is its weight (Dijkstra), as NetworkX's
// weight="weight" (weights must be positive; shortest paths tie only when
// their float sums are equal, as in NetworkX).
//
// Results are bit-for-bit the same for any GOMAXPROCS: each chunk of
// chunkSize consecutive sources accumulates into its own buffer, and the
// buffers are added to the total in chunk order. Memory is O(n + m): the
// graph, at most 2*GOMAXPROCS buffers of 4n numbers, and per worker the
// scratch space of one search (for the unweighted search about 320 bytes
// per node, most of it the BFS order of 64 sources).
func ShortestPaths(g *graph.Graph, opt Options) Paths {
	n := g.N()
	if n == 0 {
		return Paths{Betweenness: []float64{}, BetweennessRaw: []float64{}, Closeness: []float64{}, Harmonic: []float64{}}
	}
	newWorker, perm := pathWorkers(g, opt.Weighted)
	tot := sumChunks(n, newWorker)
	if perm != nil {
		tot.unpermute(perm)
	}
	return tot.paths(g)
}

// Options controls ShortestPaths.
type Options struct {
	// Weighted makes each link's weight its length (Dijkstra), as
	// NetworkX's weight="weight"; otherwise every link has length 1. For
	// weights that are strengths, search g.Reweighted(graph.Reciprocal)
	// (network.InverseWeight does).
	Weighted bool
}

// pathWorkers returns the constructor of one worker's search, which adds
// the contributions of the sources of chunk c to an accum, and for the
// unweighted search the relabelling of the nodes (perm[new] = old).
func pathWorkers(g *graph.Graph, weighted bool) (newWorker func() func(c int, a *accum), perm []int32) {
	n := g.N()
	if weighted {
		return func() func(int, *accum) {
			s := newSearch(g)
			return func(c int, a *accum) {
				for src := c * chunkSize; src < min((c+1)*chunkSize, n); src++ {
					s.run(g, src, a)
				}
			}
		}, nil
	}
	b := newBFSGraph(g)
	return func() func(int, *accum) {
		s := newBFSBatch(b)
		return func(c int, a *accum) { s.run(b, c*chunkSize, min((c+1)*chunkSize, n), a) }
	}, b.perm
}

// sumChunks runs the searches of every chunk of sources on GOMAXPROCS
// workers and adds their accums to the total in chunk order, so the sums
// are the same for any GOMAXPROCS.
func sumChunks(n int, newWorker func() func(c int, a *accum)) *accum {
	tot := newAccum(n)
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
			search := newWorker()
			for {
				tokens <- struct{}{}
				c := int(next.Add(1) - 1)
				if c >= nChunks {
					<-tokens
					return
				}
				a := pool.Get().(*accum)
				a.reset()
				search(c, a)
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
			tot.add(a)
			pool.Put(a)
			want++
			<-tokens
		}
	}
	return tot
}

// add adds the contributions of a to t.
func (t *accum) add(a *accum) {
	for i := range t.bc {
		t.bc[i] += a.bc[i]
		t.harm[i] += a.harm[i]
		t.sumd[i] += a.sumd[i]
		t.reach[i] += a.reach[i]
	}
}

// unpermute puts the totals of the relabelled nodes back in node order.
func (t *accum) unpermute(perm []int32) {
	for _, x := range [][]float64{t.bc, t.harm, t.sumd} {
		y := slices.Clone(x)
		for nw, old := range perm {
			x[old] = y[nw]
		}
	}
	r := slices.Clone(t.reach)
	for nw, old := range perm {
		t.reach[old] = r[nw]
	}
}

// paths turns the totals of every source's search into the measures.
func (t *accum) paths(g *graph.Graph) Paths {
	n := g.N()
	bc, sumd, reach := t.bc, t.sumd, t.reach
	p := Paths{BetweennessRaw: make([]float64, n), Betweenness: make([]float64, n), Closeness: make([]float64, n), Harmonic: t.harm}
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
		if math.IsInf(sumd[i], 1) {
			// A distance or their sum overflowed: no closeness.
			p.Closeness[i] = math.NaN()
		} else if sumd[i] > 0 && n > 1 {
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

// search is the scratch space of one worker of the weighted search,
// reused for every source.
type search struct {
	dist  []float64
	sigma []float64
	delta []float64
	order []int32 // nodes in non-decreasing distance
	pq    distHeap
}

func newSearch(g *graph.Graph) *search {
	n := g.N()
	s := &search{dist: make([]float64, n), sigma: make([]float64, n), delta: make([]float64, n)}
	for i := range s.dist {
		s.dist[i] = -1
	}
	return s
}

// run does one single-source search from src and adds its dependencies,
// harmonic and closeness sums to a.
func (s *search) run(g *graph.Graph, src int, a *accum) {
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

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// dijkstra settles nodes in order of distance; ties in distance are
// settled in order of node index, so the order is deterministic.
func (s *search) dijkstra(g *graph.Graph, src int) {
	s.pq = s.pq[:0]
	s.pq.push(item{0, int32(src)})
	done := s.delta // reuse: delta is 0 until accumulation; mark settled with -1
	for len(s.pq) > 0 {
		it := s.pq.pop()
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
				s.pq.push(item{nd, w})
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

// distHeap is a binary min-heap of items ordered by distance, then node
// index. It is typed rather than a container/heap.Interface, whose Push
// and Pop box every item in an interface (an allocation per push).
type distHeap []item

func (it item) less(o item) bool {
	if it.d != o.d {
		return it.d < o.d
	}
	return it.v < o.v
}

func (h *distHeap) push(it item) {
	q := append(*h, it)
	i := len(q) - 1
	for i > 0 {
		p := (i - 1) / 2
		if !it.less(q[p]) {
			break
		}
		q[i] = q[p]
		i = p
	}
	q[i] = it
	*h = q
}

func (h *distHeap) pop() item {
	q := *h
	top := q[0]
	last := q[len(q)-1]
	q = q[:len(q)-1]
	if len(q) > 0 {
		i := 0
		for {
			c := 2*i + 1
			if c >= len(q) {
				break
			}
			if c+1 < len(q) && q[c+1].less(q[c]) {
				c++
			}
			if !q[c].less(last) {
				break
			}
			q[i] = q[c]
			i = c
		}
		q[i] = last
	}
	*h = q
	return top
}
