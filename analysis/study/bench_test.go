package study

import (
	"os"
	"testing"
)

// BenchmarkLoad loads, validates and converts the shipped dataset.
func BenchmarkLoad(b *testing.B) {
	if _, err := os.Stat(datasetDir); err != nil {
		b.Skip("no dataset")
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(datasetDir); err != nil {
			b.Fatal(err)
		}
	}
}
