package qda

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// benchSegments makes n segments over n/100 sources with k codes; spans of
// 50-500 code points in texts of 5,000, so each segment overlaps about
// ten others.
func benchSegments(n, k int) ([]string, []Segment) {
	r := rand.New(rand.NewPCG(3, 4))
	codes := make([]string, k)
	for i := range codes {
		codes[i] = fmt.Sprintf("c%03d", i)
	}
	segs := make([]Segment, n)
	for i := range segs {
		start := r.IntN(5000)
		segs[i] = Segment{ID: fmt.Sprint(i), Source: fmt.Sprintf("s%05d", i/100), Case: fmt.Sprintf("r%04d", i/500),
			Code: codes[r.IntN(k)], Coder: "x", Start: start, End: start + 50 + r.IntN(450)}
	}
	return codes, segs
}

// BenchmarkCooccurrenceSegments: 1,000,000 segments x 200 codes (target:
// at most 1 s per operation).
func BenchmarkCooccurrenceSegments(b *testing.B) {
	codes, segs := benchSegments(1000000, 200)
	b.ResetTimer()
	for b.Loop() {
		if _, err := CooccurrenceSegments(codes, segs); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCooccurrenceCases: 1,000,000 segments x 200 codes in 2,000
// cases.
func BenchmarkCooccurrenceCases(b *testing.B) {
	codes, segs := benchSegments(1000000, 200)
	b.ResetTimer()
	for b.Loop() {
		if _, err := CooccurrenceCases(codes, segs); err != nil {
			b.Fatal(err)
		}
	}
}

func TestCooccurrenceMatchesBruteForce(t *testing.T) {
	codes, segs := benchSegments(3000, 7)
	m, err := CooccurrenceSegments(codes, segs)
	if err != nil {
		t.Fatal(err)
	}
	idx := map[string]int{}
	for i, c := range codes {
		idx[c] = i
	}
	want := make([][]int, len(codes))
	for i := range want {
		want[i] = make([]int, len(codes))
	}
	for i, a := range segs {
		want[idx[a.Code]][idx[a.Code]]++
		for _, b := range segs[i+1:] {
			if a.Source == b.Source && a.Code != b.Code && a.Start < b.End && b.Start < a.End {
				want[idx[a.Code]][idx[b.Code]]++
				want[idx[b.Code]][idx[a.Code]]++
			}
		}
	}
	for i := range want {
		for j := range want {
			if want[i][j] != m.Counts[i][j] {
				t.Fatalf("[%d][%d] = %d, brute force %d", i, j, m.Counts[i][j], want[i][j])
			}
		}
	}
}

// BenchmarkLoad reads a coding package of 100,000 segments over 1,000
// sources of 6,000 characters each (6 MB of text, a 7 MB segments.csv)
// through datapkg, checking every table against its schema.
func BenchmarkLoad(b *testing.B) {
	codes, segs := benchSegments(100000, 200)
	p := &Project{Name: "bench", Coders: []Coder{{ID: "x"}}}
	for _, c := range codes {
		p.Codes = append(p.Codes, Code{ID: c, Name: c, Codable: true})
	}
	text := strings.Repeat("a", 6000)
	for i := range 1000 {
		p.Sources = append(p.Sources, Source{ID: fmt.Sprintf("s%05d", i), Case: fmt.Sprintf("r%04d", i/5), Text: text})
	}
	for i := range 200 {
		p.Cases = append(p.Cases, Case{ID: fmt.Sprintf("r%04d", i)})
	}
	p.Segments = segs
	dir := b.TempDir() + "/pkg"
	if err := Write(dir, p, false); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := Load(dir); err != nil {
			b.Fatal(err)
		}
	}
}
