package qda

import (
	"fmt"
	"io"
)

// CodableIDs returns the ids of the codes that can be applied to text, in
// codebook order; group codes that only organise the codebook are left
// out.
func (p *Project) CodableIDs() []string {
	var ids []string
	for _, c := range p.Codes {
		if c.Codable {
			ids = append(ids, c.ID)
		}
	}
	return ids
}

// ParseUnit reads "segments" or "cases".
func ParseUnit(s string) (Unit, error) {
	switch s {
	case "segments":
		return Segments, nil
	case "cases":
		return Cases, nil
	}
	return 0, fmt.Errorf("unit %q: expected segments or cases", s)
}

// ParseGranularity reads "documents" or "characters".
func ParseGranularity(s string) (Granularity, error) {
	switch s {
	case "documents":
		return Documents, nil
	case "characters":
		return Characters, nil
	}
	return 0, fmt.Errorf("unit %q: expected documents or characters", s)
}

// WriteFrequencies writes the code frequencies of p as CSV: by segments
// and by cases, or, when crosstab names a case attribute, the codes
// cross-tabulated by that attribute, counting unit.
func WriteFrequencies(w io.Writer, p *Project, crosstab string, unit Unit) error {
	if crosstab != "" {
		m, err := CrossTab(p.CodeIDs(), p.Variables, p.Cases, crosstab, p.Resolved(), unit)
		if err != nil {
			return err
		}
		return WriteMatrixCSV(w, "code", m, p.Synthetic)
	}
	bySeg, byCase, err := Frequency(p.CodeIDs(), p.Resolved())
	if err != nil {
		return err
	}
	return WriteFrequencyCSV(w, p.Codes, bySeg, byCase, p.Synthetic)
}

// WriteAgreement writes the intercoder agreement of the given coders (all
// coders when coders is empty) on every codable code of p, and pooled, as
// CSV.
func WriteAgreement(w io.Writer, p *Project, coders []string, gran Granularity) error {
	if len(coders) == 0 {
		coders = p.CoderIDs()
	}
	rows, err := Agreements(p.CodableIDs(), coders, p.Sources, p.Segments, gran)
	if err != nil {
		return err
	}
	return WriteAgreementCSV(w, rows, p.Codes, p.Synthetic)
}

// WriteCooccurrence writes the co-occurrence of the codable codes of p,
// within segments (overlapping spans) or within cases, with the
// c-coefficients, as CSV. A non-empty coder keeps only that coder's
// segments.
func WriteCooccurrence(w io.Writer, p *Project, coder string, by Unit) error {
	segs := p.Resolved()
	if coder != "" {
		var keep []Segment
		for _, s := range segs {
			if s.Coder == coder {
				keep = append(keep, s)
			}
		}
		if len(keep) == 0 {
			return fmt.Errorf("coder %q: no segments by this coder", coder)
		}
		segs = keep
	}
	var m *Matrix
	var err error
	if by == Cases {
		m, err = CooccurrenceCases(p.CodableIDs(), segs)
	} else {
		m, err = CooccurrenceSegments(p.CodableIDs(), segs)
	}
	if err != nil {
		return err
	}
	return WriteCooccurrenceCSV(w, m, CCoefficient(m), p.Synthetic)
}
