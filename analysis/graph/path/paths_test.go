package path

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/graph"
)

// pathGraphs are shapes that exercise the unweighted search: several
// batches of 64 sources and a partial last batch, disconnected parts,
// isolated nodes, one deep chain (hundreds of small BFS levels) and
// graphs whose levels are a single node or nearly every node.
func pathGraphs(t *testing.T) map[string]*graph.Graph {
	t.Helper()
	build := func(directed bool, n int, pairs [][2]int) *graph.Graph {
		nodes := make([]graph.Node, n)
		for i := range nodes {
			nodes[i] = graph.Node{ID: fmt.Sprintf("v%04d", i)}
		}
		edges := make([]graph.Edge, len(pairs))
		for i, p := range pairs {
			edges[i] = graph.Edge{Source: nodes[p[0]].ID, Target: nodes[p[1]].ID, Directed: directed}
		}
		g, err := graph.Build(nodes, edges, graph.BuildOptions{Directed: directed, Weighting: graph.WeightOne})
		if err != nil {
			t.Fatal(err)
		}
		return g
	}
	var chain, star, grid, complete [][2]int
	for i := 1; i < 300; i++ {
		chain = append(chain, [2]int{i - 1, i})
	}
	for i := 1; i < 150; i++ {
		star = append(star, [2]int{0, i})
	}
	for r := 0; r < 12; r++ {
		for c := 0; c < 12; c++ {
			if c+1 < 12 {
				grid = append(grid, [2]int{12*r + c, 12*r + c + 1})
			}
			if r+1 < 12 {
				grid = append(grid, [2]int{12*r + c, 12*(r+1) + c})
			}
		}
	}
	for i := 0; i < 30; i++ {
		for j := i + 1; j < 30; j++ {
			complete = append(complete, [2]int{i, j})
		}
	}
	gs := map[string]*graph.Graph{}
	for _, directed := range []bool{false, true} {
		dir := map[bool]string{false: "undirected", true: "directed"}[directed]
		for _, nm := range [][2]int{{1, 0}, {2, 1}, {3, 2}, {63, 150}, {64, 64}, {65, 300}, {200, 150}, {700, 2100}} {
			gs[fmt.Sprintf("%s G(%d,%d)", dir, nm[0], nm[1])] = build(directed, nm[0], randomPairs(nm[0], nm[1], uint64(nm[0])))
		}
		gs[dir+" chain 300"] = build(directed, 300, chain)
		gs[dir+" star 150"] = build(directed, 150, star)
		gs[dir+" grid 12x12"] = build(directed, 144, grid)
		gs[dir+" complete 30"] = build(directed, 30, complete)
	}
	return gs
}

// TestUnweightedMatchesDijkstra checks the bit-parallel breadth-first
// search against the separate Dijkstra code path: with every link of
// length 1 both compute the same shortest paths, so every measure must
// agree up to the order of floating-point additions.
func TestUnweightedMatchesDijkstra(t *testing.T) {
	for name, g := range pathGraphs(t) {
		bfs, dij := ShortestPaths(g, Options{}), ShortestPaths(g, Options{Weighted: true})
		for what, pair := range map[string][2][]float64{
			"betweenness":     {bfs.Betweenness, dij.Betweenness},
			"betweenness_raw": {bfs.BetweennessRaw, dij.BetweennessRaw},
			"closeness":       {bfs.Closeness, dij.Closeness},
			"harmonic":        {bfs.Harmonic, dij.Harmonic},
		} {
			for i := range pair[0] {
				got, want := pair[0][i], pair[1][i]
				if math.Abs(got-want) > 1e-12*math.Max(1, math.Abs(want)) {
					t.Errorf("%s: %s of %s: breadth-first %v, Dijkstra %v", name, what, g.Nodes[i].ID, got, want)
				}
			}
		}
	}
}

// TestChainBetweenness checks the deep chain against the closed form: in
// a path of n nodes the node at position i (0-based) lies on i*(n-1-i)
// shortest paths between unordered pairs.
func TestChainBetweenness(t *testing.T) {
	g := pathGraphs(t)["undirected chain 300"]
	p := ShortestPaths(g, Options{})
	n := g.N()
	for i, raw := range p.BetweennessRaw {
		if want := float64(i * (n - 1 - i)); raw != want {
			t.Fatalf("node %d: raw betweenness %v, want %v", i, raw, want)
		}
	}
}

// TestDistHeap pops random items, with repeated distances, in order of
// distance and then node index.
func TestDistHeap(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var h distHeap
	var want []item
	for i := 0; i < 2000; i++ {
		it := item{float64(rng.IntN(50)), int32(rng.IntN(1 << 20))}
		h.push(it)
		want = append(want, it)
	}
	slices.SortFunc(want, func(a, b item) int {
		if c := cmp.Compare(a.d, b.d); c != 0 {
			return c
		}
		return cmp.Compare(a.v, b.v)
	})
	for i, w := range want {
		if got := h.pop(); got != w {
			t.Fatalf("pop %d: got %v, want %v", i, got, w)
		}
	}
	if len(h) != 0 {
		t.Fatalf("%d items left", len(h))
	}
}

// randomPairs returns the node index pairs of graph.RandomEdges(n, m,
// seed), whose nodes are named v000000, v000001, ...
func randomPairs(n, m int, seed uint64) [][2]int {
	var pairs [][2]int
	for _, e := range graph.RandomEdges(n, m, seed) {
		u, _ := strconv.Atoi(e.Source[1:])
		v, _ := strconv.Atoi(e.Target[1:])
		pairs = append(pairs, [2]int{u, v})
	}
	return pairs
}
