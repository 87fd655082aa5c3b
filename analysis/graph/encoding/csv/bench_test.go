package csv

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/graph"
)

// edgeCSV returns a random G(n, m) edge list as CSV with a header, in the
// shape nexus network --edges reads.
func edgeCSV(n, m int) []byte {
	var b bytes.Buffer
	b.WriteString("source,target\n")
	for _, e := range graph.RandomEdges(n, m, 7) {
		fmt.Fprintf(&b, "%s,%s\n", e.Source, e.Target)
	}
	return b.Bytes()
}

func benchmarkReadEdgeCSV(b *testing.B, n, m int) {
	data := edgeCSV(n, m)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadEdges(bytes.NewReader(data), "bench.csv", EdgeOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadEdgeCSV5k reads the edge list of the timing graph
// (5,000 nodes, 20,000 edges); 1M is a large synthetic list.
func BenchmarkReadEdgeCSV5k(b *testing.B) { benchmarkReadEdgeCSV(b, 5000, 20000) }
func BenchmarkReadEdgeCSV1M(b *testing.B) { benchmarkReadEdgeCSV(b, 250000, 1000000) }
