package qda

import (
	"fmt"
	"math"
	"slices"
)

// CooccurrenceSegments counts code co-occurrence within segments, as
// ATLAS.ti's code co-occurrence table does: Counts[i][j] (i != j) is the
// number of pairs of segments, one coded codes[i] and one coded codes[j],
// that overlap in the same source ([a.Start, a.End) and [b.Start, b.End)
// share at least one code point). The diagonal holds each code's number
// of segments, n_i. Segments with codes not in codes are left out. Pass
// the segments of one coder, or of all coders, as
// the analysis requires.
//
// It runs in O(n log n + p) for n segments and p overlapping pairs.
func CooccurrenceSegments(codes []string, segs []Segment) (*Matrix, error) {
	idx, err := codeIndex(codes, segs)
	if err != nil {
		return nil, err
	}
	type span struct {
		src, code, start, end int32
	}
	srcIdx := map[string]int32{}
	spans := make([]span, 0, len(segs))
	lastSrc, lastIdx := "", int32(0)
	for _, s := range segs {
		ci, ok := idx[s.Code]
		if !ok {
			continue
		}
		// Segments usually come grouped by source: skip the map then.
		if s.Source != lastSrc || len(spans) == 0 {
			var ok bool
			lastIdx, ok = srcIdx[s.Source]
			if !ok {
				lastIdx = int32(len(srcIdx))
				srcIdx[s.Source] = lastIdx
			}
			lastSrc = s.Source
		}
		si := lastIdx
		if s.Start < 0 || s.End > math.MaxInt32 {
			return nil, fmt.Errorf("segment %q: span [%d,%d) outside 0..%d", s.ID, s.Start, s.End, math.MaxInt32)
		}
		spans = append(spans, span{src: si, code: int32(ci), start: int32(s.Start), end: int32(s.End)})
	}
	// Group by source with a counting sort, then sort each source's spans
	// by start, end and code: the order, hence the result, is fixed.
	first := make([]int, len(srcIdx)+1)
	for _, s := range spans {
		first[s.src+1]++
	}
	for i := 1; i < len(first); i++ {
		first[i] += first[i-1]
	}
	sorted := make([]span, len(spans))
	next := append([]int(nil), first[:len(first)-1]...)
	for _, s := range spans {
		sorted[next[s.src]] = s
		next[s.src]++
	}
	spans = sorted
	for i := 0; i+1 < len(first); i++ {
		slices.SortFunc(spans[first[i]:first[i+1]], func(a, b span) int {
			if a.start != b.start {
				return int(a.start - b.start)
			}
			if a.end != b.end {
				return int(a.end - b.end)
			}
			return int(a.code - b.code)
		})
	}
	k := len(codes)
	m := newMatrix(append([]string(nil), codes...), append([]string(nil), codes...))
	flat := make([]int, k*k)
	var active []span
	for _, s := range spans {
		flat[int(s.code)*k+int(s.code)]++
		if s.end <= s.start {
			continue
		}
		// Drop spans that ended before s starts or lie in another source.
		n := 0
		for _, a := range active {
			if a.src == s.src && a.end > s.start {
				active[n] = a
				n++
			}
		}
		active = active[:n]
		for _, a := range active {
			if a.code != s.code {
				flat[int(a.code)*k+int(s.code)]++
				flat[int(s.code)*k+int(a.code)]++
			}
		}
		active = append(active, s)
	}
	for i := range m.Counts {
		copy(m.Counts[i], flat[i*k:(i+1)*k])
	}
	return m, nil
}

// CooccurrenceCases counts code co-occurrence within cases:
// Counts[i][j] is the number of cases in which both codes[i] and codes[j]
// occur, and the diagonal the number of cases in which codes[i] occurs.
// Segments without a case are ignored (see Project.Resolved).
func CooccurrenceCases(codes []string, segs []Segment) (*Matrix, error) {
	idx, err := codeIndex(codes, segs)
	if err != nil {
		return nil, err
	}
	k := len(codes)
	caseIdx := map[string]int{}
	var sets [][]bool
	for _, s := range segs {
		if _, ok := idx[s.Code]; !ok || s.Case == "" {
			continue
		}
		ci, ok := caseIdx[s.Case]
		if !ok {
			ci = len(sets)
			caseIdx[s.Case] = ci
			sets = append(sets, make([]bool, k))
		}
		sets[ci][idx[s.Code]] = true
	}
	m := newMatrix(append([]string(nil), codes...), append([]string(nil), codes...))
	on := make([]int, 0, k)
	for _, set := range sets {
		on = on[:0]
		for i, b := range set {
			if b {
				on = append(on, i)
			}
		}
		for _, i := range on {
			for _, j := range on {
				m.Counts[i][j]++
			}
		}
	}
	return m, nil
}

// CCoefficient returns ATLAS.ti's c-coefficient for a co-occurrence
// matrix whose diagonal holds the code frequencies:
// c[i][j] = n_ij / (n_i + n_j - n_ij). It is 0 when neither code occurs
// and the diagonal is 1 for codes that occur. It can exceed 1 when
// segments of one code overlap several segments of another, which
// ATLAS.ti flags as well.
func CCoefficient(m *Matrix) [][]float64 {
	k := len(m.Rows)
	c := make([][]float64, k)
	for i := range c {
		c[i] = make([]float64, k)
		for j := range c[i] {
			nij := float64(m.Counts[i][j])
			den := float64(m.Counts[i][i]) + float64(m.Counts[j][j]) - nij
			if i == j {
				nij, den = float64(m.Counts[i][i]), float64(m.Counts[i][i])
			}
			if den <= 0 {
				c[i][j] = 0
				continue
			}
			c[i][j] = nij / den
		}
	}
	return c
}

// Round returns x rounded to digits decimals, for printing fixed tables.
func Round(x float64, digits int) float64 {
	p := math.Pow(10, float64(digits))
	return math.Round(x*p) / p
}

// DropUnused returns the square co-occurrence matrix restricted to codes
// whose diagonal count is positive (codes that occur at all), in the same
// order. m is not changed.
func (m *Matrix) DropUnused() *Matrix {
	var keep []int
	for i := range m.Rows {
		if i < len(m.Counts[i]) && m.Counts[i][i] > 0 {
			keep = append(keep, i)
		}
	}
	labels := make([]string, len(keep))
	for k, i := range keep {
		labels[k] = m.Rows[i]
	}
	out := newMatrix(labels, append([]string(nil), labels...))
	for a, i := range keep {
		for b, j := range keep {
			out.Counts[a][b] = m.Counts[i][j]
		}
	}
	return out
}

// ExcerptCooccurrence returns the code co-occurrence across the sources
// of p restricted to its codable codes (in codebook order): the count
// matrix of CooccurrenceSegments and the c-coefficients. When every
// segment spans its whole source (as in a study's quoted excerpts, one
// source per excerpt), Counts[i][j] is the number of sources coded with
// both codes and the diagonal the number of sources coded with each.
func ExcerptCooccurrence(p *Project) (*Matrix, [][]float64, error) {
	m, err := CooccurrenceSegments(p.CodableIDs(), p.Segments)
	if err != nil {
		return nil, nil, err
	}
	return m, CCoefficient(m), nil
}
