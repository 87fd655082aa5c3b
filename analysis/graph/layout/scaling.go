package layout

import (
	"container/heap"
	"fmt"
	"math"

	"github.com/nexus-toolkit/nexus/analysis/graph"
)

// distances returns the n×n matrix (row by row) of shortest-path lengths
// of the undirected view of g: link counts when length is nil, sums of
// length(weight) otherwise. Pairs that no path joins get the longest
// finite distance plus one.
func distances(g *graph.Graph, length func(float64) float64) ([]float64, error) {
	if g.Directed {
		g = g.Undirected()
	}
	n := g.N()
	var lengths []float64 // per arc, in CSR order
	if length != nil {
		off, adj := g.CSR()
		lengths = make([]float64, len(adj))
		for i := 0; i < n; i++ {
			for k, w := range g.OutWeights(i) {
				l := length(w)
				if math.IsNaN(l) || math.IsInf(l, 0) || l <= 0 {
					return nil, fmt.Errorf("layout: link %s–%s of weight %v: length %v: %w",
						g.Nodes[i].ID, g.Nodes[adj[off[i]+k]].ID, w, l, ErrLength)
				}
				lengths[off[i]+k] = l
			}
		}
	}
	d := make([]float64, n*n)
	for i := range d {
		d[i] = math.Inf(1)
	}
	queue := make([]int32, 0, n)
	var pq distHeap
	for s := 0; s < n; s++ {
		row := d[s*n : (s+1)*n]
		if lengths == nil {
			bfs(g, s, row, queue)
		} else {
			dijkstra(g, s, row, lengths, &pq)
		}
	}
	longest := 0.0
	for _, v := range d {
		if !math.IsInf(v, 1) && v > longest {
			longest = v
		}
	}
	for i, v := range d {
		if math.IsInf(v, 1) {
			d[i] = longest + 1
		}
	}
	return d, nil
}

// bfs fills row with the link counts from s.
func bfs(g *graph.Graph, s int, row []float64, queue []int32) {
	row[s] = 0
	queue = append(queue[:0], int32(s))
	for h := 0; h < len(queue); h++ {
		u := queue[h]
		for _, v := range g.Out(int(u)) {
			if math.IsInf(row[v], 1) {
				row[v] = row[u] + 1
				queue = append(queue, v)
			}
		}
	}
}

// dijkstra fills row with the shortest path lengths from s.
func dijkstra(g *graph.Graph, s int, row, lengths []float64, pq *distHeap) {
	off, _ := g.CSR()
	row[s] = 0
	*pq = append((*pq)[:0], distItem{node: int32(s)})
	for pq.Len() > 0 {
		it := heap.Pop(pq).(distItem)
		if it.dist > row[it.node] {
			continue
		}
		u := int(it.node)
		for k, v := range g.Out(u) {
			if nd := it.dist + lengths[off[u]+k]; nd < row[v] {
				row[v] = nd
				heap.Push(pq, distItem{dist: nd, node: v})
			}
		}
	}
}

type distItem struct {
	dist float64
	node int32
}

// distHeap is a min-heap of distItem by distance, then node, so that
// ties pop in a fixed order.
type distHeap []distItem

func (h distHeap) Len() int { return len(h) }
func (h distHeap) Less(i, j int) bool {
	if h[i].dist != h[j].dist {
		return h[i].dist < h[j].dist
	}
	return h[i].node < h[j].node
}
func (h distHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *distHeap) Push(x any)   { *h = append(*h, x.(distItem)) }
func (h *distHeap) Pop() any {
	old := *h
	it := old[len(old)-1]
	*h = old[:len(old)-1]
	return it
}

// scalingIterations caps the power iterations of classicalScaling.
const scalingIterations = 200

// classicalScaling returns the first two coordinates of the classical
// multidimensional scaling of the distances d: the two leading
// eigenvectors of B = −½ J D⁽²⁾ J (J the centring matrix), scaled by the
// square roots of their eigenvalues, found by power iteration from fixed
// vectors, the second kept orthogonal to the first. An axis whose
// eigenvalue is not positive is all zeros.
func classicalScaling(d []float64, n int) (x, y []float64) {
	b := make([]float64, n*n)
	rowMean := make([]float64, n)
	grand := 0.0
	for i := 0; i < n; i++ {
		s := 0.0
		for j := 0; j < n; j++ {
			v := d[i*n+j] * d[i*n+j]
			b[i*n+j] = v
			s += v
		}
		rowMean[i] = s / float64(n)
		grand += s
	}
	grand /= float64(n * n)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			b[i*n+j] = -0.5 * (b[i*n+j] - rowMean[i] - rowMean[j] + grand)
		}
	}
	x = leadingVector(b, n, nil, func(i int) float64 { return math.Sin(float64(i) + 1) })
	y = leadingVector(b, n, x, func(i int) float64 { return math.Cos(2*float64(i) + 1) })
	return x, y
}

// leadingVector returns the leading eigenvector of the symmetric matrix b
// orthogonal to prev (when prev is not nil), scaled by the square root of
// its eigenvalue, or zeros when that eigenvalue is not positive.
func leadingVector(b []float64, n int, prev []float64, start func(int) float64) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = start(i)
	}
	var unitPrev []float64
	if prev != nil {
		if norm := l2(prev); norm > 0 {
			unitPrev = make([]float64, n)
			for i := range prev {
				unitPrev[i] = prev[i] / norm
			}
		}
	}
	project := func(v []float64) {
		if unitPrev == nil {
			return
		}
		dot := 0.0
		for i := range v {
			dot += v[i] * unitPrev[i]
		}
		for i := range v {
			v[i] -= dot * unitPrev[i]
		}
	}
	project(v)
	next := make([]float64, n)
	lambda := 0.0
	for it := 0; it < scalingIterations; it++ {
		norm := l2(v)
		if norm == 0 {
			return make([]float64, n)
		}
		for i := range v {
			v[i] /= norm
		}
		for i := 0; i < n; i++ {
			s := 0.0
			row := b[i*n : (i+1)*n]
			for j, bij := range row {
				s += bij * v[j]
			}
			next[i] = s
		}
		project(next)
		lambda = 0
		for i := range v {
			lambda += v[i] * next[i]
		}
		change := 0.0
		nn := l2(next)
		for i := range v {
			if nn > 0 {
				change += math.Abs(next[i]/nn - v[i])
			}
		}
		v, next = next, v
		if change < 1e-10 {
			break
		}
	}
	norm := l2(v)
	if lambda <= 0 || norm == 0 {
		return make([]float64, n)
	}
	scale := math.Sqrt(lambda) / norm
	for i := range v {
		v[i] *= scale
	}
	return v
}

func l2(v []float64) float64 {
	s := 0.0
	for _, x := range v {
		s += x * x
	}
	return math.Sqrt(s)
}

// jitter moves each node that starts on the same point as an earlier one
// (structural twins, which classical scaling puts together) by a small
// fixed spiral step: a thousandth of the shortest distance times √(i+1),
// at the golden angle for node i. Other nodes keep their start.
func jitter(x, y, d []float64, n int) {
	shortest := math.Inf(1)
	for i, v := range d {
		if i/n != i%n && v < shortest {
			shortest = v
		}
	}
	eps := 1e-3 * shortest
	const golden = 2.399963229728653 // π(3 − √5)
	for i := 1; i < n; i++ {
		for j := 0; j < i; j++ {
			if math.Hypot(x[i]-x[j], y[i]-y[j]) < eps {
				r := eps * math.Sqrt(float64(i+1))
				x[i] += r * math.Cos(golden*float64(i))
				y[i] += r * math.Sin(golden*float64(i))
				break
			}
		}
	}
}
