package network

import (
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/graph"
)

func benchmarkCompute(b *testing.B, n int) {
	// The graph of path's BenchmarkBetweenness: G(n, 4n), seed 42, link
	// weights 1, 2, 3 in turn.
	edges := graph.RandomEdges(n, 4*n, 42)
	for i := range edges {
		edges[i].Weight = float64(1 + i%3)
	}
	g, err := graph.Build(nil, edges, graph.BuildOptions{Weighting: graph.WeightSum})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Compute(g, ComputeOptions{Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCompute1k(b *testing.B)  { benchmarkCompute(b, 1000) }
func BenchmarkCompute5k(b *testing.B)  { benchmarkCompute(b, 5000) }
func BenchmarkCompute50k(b *testing.B) { benchmarkCompute(b, 50000) }
