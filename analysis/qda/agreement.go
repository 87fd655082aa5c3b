package qda

import (
	"fmt"
	"math"
	"sort"

	"github.com/nexus-toolkit/nexus/analysis/qda/agree"
)

// Granularity says what the units of an agreement analysis are.
type Granularity int

const (
	// Documents makes each source a unit: a coder's value is 1 when the
	// coder applied the code anywhere in the source, else 0 (MAXQDA's
	// "code existence in the document").
	Documents Granularity = iota
	// Characters makes each code point of each source a unit: a coder's
	// value is 1 when one of the coder's segments with the code covers
	// it, else 0 (the character-level agreement of ATLAS.ti and
	// QualCoder). Runs of code points with the same values are merged
	// into one unit weighted by its length, so the cost grows with the
	// number of segments, not the length of the texts.
	Characters
)

// Agreement is the intercoder agreement for one code (or, for the
// overall row, all codes pooled).
type Agreement struct {
	Code            string  // code id, or "" for the pooled row
	Units           float64 // number (or, for Characters, total weight) of units
	Percent         float64 // pairwise percent agreement, 0..1
	Cohen           float64 // Cohen's kappa; NaN unless there are 2 coders
	BrennanPrediger float64 // Brennan-Prediger kappa with q = 2
	Alpha           float64 // Krippendorff's alpha, nominal
}

// Reliability returns the reliability data of one code: data[c][u] is 1
// when coders[c] applied code to unit u and 0 otherwise, with units and
// weights as gran defines them. Sources are the universe of units:
// every source counts, coded or not. lengths gives each source's length
// in code points (needed for Characters).
func Reliability(code string, coders []string, sources []string, lengths []int, segs []Segment, gran Granularity) (data [][]float64, w []float64, err error) {
	ci := make(map[string]int, len(coders))
	for i, c := range coders {
		ci[c] = i
	}
	si := make(map[string]int, len(sources))
	for i, s := range sources {
		si[s] = i
	}
	data = make([][]float64, len(coders))
	switch gran {
	case Documents:
		for c := range data {
			data[c] = make([]float64, len(sources))
		}
		for _, s := range segs {
			c, okc := ci[s.Coder]
			u, oku := si[s.Source]
			if s.Code == code && okc && oku {
				data[c][u] = 1
			}
		}
		return data, nil, nil
	case Characters:
		if len(lengths) != len(sources) {
			return nil, nil, fmt.Errorf("%d source lengths for %d sources", len(lengths), len(sources))
		}
		// Per source, boundaries and coverage deltas per coder.
		type ev struct{ pos, coder, delta int }
		evs := make([][]ev, len(sources))
		for _, s := range segs {
			c, okc := ci[s.Coder]
			u, oku := si[s.Source]
			if s.Code != code || !okc || !oku || s.End <= s.Start {
				continue
			}
			evs[u] = append(evs[u], ev{s.Start, c, 1}, ev{s.End, c, -1})
		}
		depth := make([]int, len(coders))
		for u, e := range evs {
			sort.Slice(e, func(i, j int) bool { return e[i].pos < e[j].pos })
			clear(depth)
			pos := 0
			emit := func(to int) {
				if to <= pos {
					return
				}
				for c := range data {
					v := 0.0
					if depth[c] > 0 {
						v = 1
					}
					data[c] = append(data[c], v)
				}
				w = append(w, float64(to-pos))
				pos = to
			}
			for i := 0; i < len(e); {
				emit(e[i].pos)
				p := e[i].pos
				for ; i < len(e) && e[i].pos == p; i++ {
					depth[e[i].coder] += e[i].delta
				}
			}
			emit(lengths[u])
		}
		return data, w, nil
	}
	return nil, nil, fmt.Errorf("unknown granularity %d", gran)
}

// Agreements computes intercoder agreement per code, in the order of
// codes, followed by a pooled row (Code "") that stacks the units of all
// codes. Statistics that are undefined (for example alpha when every
// coder always agrees on absence) are NaN.
func Agreements(codes, coders []string, sources []Source, segs []Segment, gran Granularity) ([]Agreement, error) {
	if len(coders) < 2 {
		return nil, fmt.Errorf("%d coders, expected at least 2", len(coders))
	}
	ids := make([]string, len(sources))
	lengths := make([]int, len(sources))
	for i, s := range sources {
		ids[i] = s.ID
		lengths[i] = RuneLen(s.Text)
	}
	coded := map[string]bool{}
	for _, s := range segs {
		if s.Coder == "" {
			return nil, fmt.Errorf("segment %q: no coder, expected every segment to name its coder", s.ID)
		}
		coded[s.Coder] = true
	}
	var errs Errors
	for _, c := range coders {
		if !coded[c] {
			errs = append(errs, fmt.Errorf("coder %q: no segments, expected a coder who coded", c))
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	var out []Agreement
	pooled := make([][]float64, len(coders))
	var pooledW []float64
	for _, code := range codes {
		data, w, err := Reliability(code, coders, ids, lengths, segs, gran)
		if err != nil {
			return nil, err
		}
		out = append(out, stats(code, data, w))
		for c := range pooled {
			pooled[c] = append(pooled[c], data[c]...)
		}
		if w == nil {
			w = make([]float64, len(data[0]))
			for i := range w {
				w[i] = 1
			}
		}
		pooledW = append(pooledW, w...)
	}
	out = append(out, stats("", pooled, pooledW))
	return out, nil
}

func stats(code string, data [][]float64, w []float64) Agreement {
	a := Agreement{Code: code, Cohen: math.NaN()}
	if len(data) > 0 {
		if w == nil {
			a.Units = float64(len(data[0]))
		} else {
			for _, x := range w {
				a.Units += x
			}
		}
	}
	a.Percent, _ = agree.Percent(data, w)
	a.BrennanPrediger, _ = agree.BrennanPrediger(data, w, 2)
	a.Alpha, _ = agree.Alpha(data, w, agree.Nominal)
	if len(data) == 2 {
		a.Cohen, _ = agree.Cohen(data[0], data[1], w)
	}
	return a
}
