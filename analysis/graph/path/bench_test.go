package path

import (
	"math"
	"runtime"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/graph"
)

// randomGraph is a G(n, m) graph (graph.RandomEdges, seed 42) with link
// weights 1, 2, 3 in turn.
func randomGraph(tb testing.TB, n, m int, directed bool) *graph.Graph {
	tb.Helper()
	edges := graph.RandomEdges(n, m, 42)
	for i := range edges {
		edges[i].Directed = directed
		edges[i].Weight = float64(1 + i%3)
	}
	g, err := graph.Build(nil, edges, graph.BuildOptions{Directed: directed, Weighting: graph.WeightSum})
	if err != nil {
		tb.Fatal(err)
	}
	return g
}

// TestShortestPathsBitIdentical proves that the parallel reduction gives
// the same bits for GOMAXPROCS 1 and 2 (and 3, an odd split).
func TestShortestPathsBitIdentical(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, directed := range []bool{false, true} {
		for _, weighted := range []bool{false, true} {
			g := randomGraph(t, 600, 1800, directed)
			runtime.GOMAXPROCS(1)
			one := ShortestPaths(g, Options{Weighted: weighted})
			for _, procs := range []int{2, 3} {
				runtime.GOMAXPROCS(procs)
				many := ShortestPaths(g, Options{Weighted: weighted})
				for name, pair := range map[string][2][]float64{
					"betweenness": {one.Betweenness, many.Betweenness},
					"closeness":   {one.Closeness, many.Closeness},
					"harmonic":    {one.Harmonic, many.Harmonic},
				} {
					for i := range pair[0] {
						if math.Float64bits(pair[0][i]) != math.Float64bits(pair[1][i]) {
							t.Fatalf("directed=%v weighted=%v %s[%d]: GOMAXPROCS 1 gives %x, %d gives %x",
								directed, weighted, name, i, math.Float64bits(pair[0][i]), procs, math.Float64bits(pair[1][i]))
						}
					}
				}
			}
		}
	}
}

func benchmarkPaths(b *testing.B, n int) {
	g := randomGraph(b, n, 4*n, false)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		ShortestPaths(g, Options{})
	}
}

func BenchmarkBetweenness1k(b *testing.B)  { benchmarkPaths(b, 1000) }
func BenchmarkBetweenness5k(b *testing.B)  { benchmarkPaths(b, 5000) }
func BenchmarkBetweenness50k(b *testing.B) { benchmarkPaths(b, 50000) }

// BenchmarkBetweennessWeighted5k uses the link weights 1, 2, 3 as lengths
// (Dijkstra); BenchmarkBetweennessDirected5k searches the random graph's
// links as arcs.
func BenchmarkBetweennessWeighted5k(b *testing.B) {
	g := randomGraph(b, 5000, 20000, false)
	b.ReportAllocs()
	for b.Loop() {
		ShortestPaths(g, Options{Weighted: true})
	}
}

func BenchmarkBetweennessDirected5k(b *testing.B) {
	g := randomGraph(b, 5000, 20000, true)
	b.ReportAllocs()
	for b.Loop() {
		ShortestPaths(g, Options{})
	}
}
