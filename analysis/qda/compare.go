package qda

import (
	"encoding/csv"
	"fmt"
	"io"
	"sort"
	"strconv"
)

// Disagreement is one passage where two coders disagree on one code: a
// maximal span [Start, End) of a source, in code points, that exactly one
// of the two coders coded with the code (the "A not B" and "B not A"
// passages of NVivo's coding comparison).
type Disagreement struct {
	Code    string
	Source  string
	Start   int
	End     int
	CodedBy string // the coder who applied the code to the passage
}

// Compare returns, for each code of codes in order, and within a code
// for each source of p in order, the passages where coders a and b
// disagree, ordered by start. Passages next to each other that the same
// coder coded alone are one passage.
func Compare(p *Project, codes []string, a, b string) ([]Disagreement, error) {
	has := map[string]bool{}
	for _, s := range p.Segments {
		has[s.Coder] = true
	}
	var errs Errors
	for _, c := range []string{a, b} {
		if !has[c] {
			errs = append(errs, fmt.Errorf("coder %q: no segments, expected a coder who coded", c))
		}
	}
	if a == b {
		errs = append(errs, fmt.Errorf("coders %q and %q: expected two different coders", a, b))
	}
	if len(errs) > 0 {
		return nil, errs
	}
	type ev struct{ pos, da, db int }
	events := map[[2]string][]ev{} // code, source -> coverage changes
	for _, s := range p.Segments {
		if s.End <= s.Start {
			continue
		}
		k := [2]string{s.Code, s.Source}
		switch s.Coder {
		case a:
			events[k] = append(events[k], ev{s.Start, 1, 0}, ev{s.End, -1, 0})
		case b:
			events[k] = append(events[k], ev{s.Start, 0, 1}, ev{s.End, 0, -1})
		}
	}
	var out []Disagreement
	for _, code := range codes {
		for _, src := range p.Sources {
			evs := events[[2]string{code, src.ID}]
			sort.Slice(evs, func(i, j int) bool { return evs[i].pos < evs[j].pos })
			depthA, depthB, from, who := 0, 0, 0, ""
			for i := 0; i < len(evs); {
				pos := evs[i].pos
				for ; i < len(evs) && evs[i].pos == pos; i++ {
					depthA += evs[i].da
					depthB += evs[i].db
				}
				now := ""
				switch {
				case depthA > 0 && depthB == 0:
					now = a
				case depthB > 0 && depthA == 0:
					now = b
				}
				if now == who {
					continue
				}
				if who != "" && pos > from {
					out = append(out, Disagreement{Code: code, Source: src.ID, Start: from, End: pos, CodedBy: who})
				}
				from, who = pos, now
			}
		}
	}
	return out, nil
}

// WriteComparison writes the disagreements of coders a and b on the
// codable codes of p as CSV, with the columns code, name, source, start,
// end, coded_by, not_coded_by and text (the passage), plus data=synthetic
// for synthetic data.
func WriteComparison(w io.Writer, p *Project, a, b string) error {
	ds, err := Compare(p, p.CodableIDs(), a, b)
	if err != nil {
		return err
	}
	name := map[string]string{}
	for _, c := range p.Codes {
		name[c.ID] = c.Name
	}
	text := map[string]string{}
	for _, s := range p.Sources {
		text[s.ID] = s.Text
	}
	cw := csv.NewWriter(w)
	header := []string{"code", "name", "source", "start", "end", "coded_by", "not_coded_by", "text"}
	if p.Synthetic {
		header = append(header, "data")
	}
	cw.Write(header)
	for _, d := range ds {
		other := b
		if d.CodedBy == b {
			other = a
		}
		rec := []string{d.Code, name[d.Code], d.Source, strconv.Itoa(d.Start), strconv.Itoa(d.End), d.CodedBy, other, Span(text[d.Source], d.Start, d.End)}
		if p.Synthetic {
			rec = append(rec, "synthetic")
		}
		cw.Write(rec)
	}
	cw.Flush()
	return cw.Error()
}
