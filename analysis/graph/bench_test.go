package graph

import "testing"

func BenchmarkBuild50k(b *testing.B) {
	edges := RandomEdges(50000, 200000, 42)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Build(nil, edges, BuildOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
