package network

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"testing"
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

// randomEdges returns the pairs of randomPairs as undirected edges
// between nodes named v000000, v000001, ...
func randomEdges(n, m int, seed uint64) []Edge {
	pairs := randomPairs(n, m, seed)
	edges := make([]Edge, len(pairs))
	for i, p := range pairs {
		edges[i] = Edge{Source: fmt.Sprintf("v%06d", p[0]), Target: fmt.Sprintf("v%06d", p[1]), Weight: 1}
	}
	return edges
}

func randomGraph(tb testing.TB, n, m int, directed bool) *Graph {
	tb.Helper()
	edges := randomEdges(n, m, 42)
	for i := range edges {
		edges[i].Directed = directed
		edges[i].Weight = float64(1 + i%3)
	}
	g, err := Build(nil, edges, BuildOptions{Directed: directed, Weighting: WeightSum})
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
			one := ShortestPaths(g, weighted)
			for _, procs := range []int{2, 3} {
				runtime.GOMAXPROCS(procs)
				many := ShortestPaths(g, weighted)
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
		ShortestPaths(g, false)
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
		ShortestPaths(g, true)
	}
}

func BenchmarkBetweennessDirected5k(b *testing.B) {
	g := randomGraph(b, 5000, 20000, true)
	b.ReportAllocs()
	for b.Loop() {
		ShortestPaths(g, false)
	}
}

func benchmarkCompute(b *testing.B, n int) {
	g := randomGraph(b, n, 4*n, false)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Compute(g, Options{Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCompute1k(b *testing.B)  { benchmarkCompute(b, 1000) }
func BenchmarkCompute5k(b *testing.B)  { benchmarkCompute(b, 5000) }
func BenchmarkCompute50k(b *testing.B) { benchmarkCompute(b, 50000) }

func BenchmarkBuild50k(b *testing.B) {
	edges := randomEdges(50000, 200000, 42)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Build(nil, edges, BuildOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// edgeCSV returns a random G(n, m) edge list as CSV with a header, in the
// shape nexus network --edges reads.
func edgeCSV(n, m int) []byte {
	var b bytes.Buffer
	b.WriteString("source,target\n")
	for _, e := range randomEdges(n, m, 7) {
		fmt.Fprintf(&b, "%s,%s\n", e.Source, e.Target)
	}
	return b.Bytes()
}

func benchmarkReadEdgeCSV(b *testing.B, n, m int) {
	data := edgeCSV(n, m)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadEdgeCSV(bytes.NewReader(data), "bench.csv", EdgeCSVOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadEdgeCSV5k reads the edge list of the timing graph
// (5,000 nodes, 20,000 edges); 1M is a large synthetic list.
func BenchmarkReadEdgeCSV5k(b *testing.B) { benchmarkReadEdgeCSV(b, 5000, 20000) }
func BenchmarkReadEdgeCSV1M(b *testing.B) { benchmarkReadEdgeCSV(b, 250000, 1000000) }
