package qda

import (
	"fmt"

	"nexus/analysis/study"
)

// CuratorCoder is the coder of the coding that a study's curators add to
// published excerpts (the codes column of excerpts.csv): inferred coding,
// not any respondent's or interviewer's.
var CuratorCoder = Coder{ID: "curators", Name: "Dataset curators (inferred coding)"}

// FromStudy maps a study's codebook and quoted excerpts to a coding
// project: each code becomes a Code (hierarchy through parent; group codes
// are not codable), each excerpt a plain-text Source whose text is the
// excerpt, and each code the curators applied to an excerpt one Segment
// over the excerpt's whole text, coded by CuratorCoder. No cases are
// created and no per-respondent coding is invented: the paper reports
// neither.
func FromStudy(name string, codes []study.Code, excerpts []study.Excerpt) *Project {
	p := &Project{
		Name:        name,
		Description: "Codebook and quoted interview excerpts of the study, coded by the dataset curators (inferred). One source per excerpt; one segment per code over the whole excerpt. No cases: the paper reports no per-respondent coding.",
		Coders:      []Coder{CuratorCoder},
	}
	for _, c := range codes {
		p.Codes = append(p.Codes, Code{ID: c.ID, Name: c.Label, Parent: c.Parent, Description: c.Description,
			Color: c.Color, Codable: c.Kind != "group"})
	}
	for _, e := range excerpts {
		src := Source{ID: e.ID, Name: fmt.Sprintf("%s (theme %s, p. %d)", e.ID, e.Theme, e.Page), Text: e.Text}
		p.Sources = append(p.Sources, src)
		n := RuneLen(e.Text)
		for _, code := range e.Codes {
			p.Segments = append(p.Segments, Segment{ID: e.ID + "-" + code, Source: e.ID, Code: code,
				Coder: CuratorCoder.ID, Start: 0, End: n})
		}
	}
	return p
}

// LoadStudyCoding loads and validates the study package at dir (see
// study.Load) and maps its codebook and excerpts with FromStudy.
func LoadStudyCoding(dir string) (*Project, error) {
	s, err := study.Load(dir)
	if err != nil {
		return nil, err
	}
	return FromStudy(s.Name, s.Codes, s.Excerpts), nil
}

// ExcerptCooccurrence returns the code co-occurrence across the sources
// of p restricted to its codable codes (in codebook order): the count
// matrix of CooccurrenceSegments and the c-coefficients. For a project made
// by FromStudy, Counts[i][j] is the number of excerpts coded with both
// codes and the diagonal the number of excerpts coded with each. This is
// the data of the paper's table T8 and heatmap F6.
func ExcerptCooccurrence(p *Project) (*Matrix, [][]float64, error) {
	var codes []string
	for _, c := range p.Codes {
		if c.Codable {
			codes = append(codes, c.ID)
		}
	}
	m, err := CooccurrenceSegments(codes, p.Segments)
	if err != nil {
		return nil, nil, err
	}
	return m, CCoefficient(m), nil
}
