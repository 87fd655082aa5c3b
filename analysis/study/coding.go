package study

import (
	"fmt"

	"github.com/nexus-toolkit/nexus/analysis/qda"
)

// CuratorCoder is the coder of the coding that a study's curators add to
// published excerpts (the codes column of excerpts.csv): inferred coding,
// not any respondent's or interviewer's.
var CuratorCoder = qda.Coder{ID: "curators", Name: "Dataset curators (inferred coding)"}

// CodingProject maps a study's codebook and quoted excerpts to a coding
// project of package qda: each code becomes a qda.Code (hierarchy through
// parent; group codes are not codable), each excerpt a plain-text source
// whose text is the excerpt, and each code the curators applied to an
// excerpt one segment over the excerpt's whole text, coded by
// CuratorCoder. No cases are created and no per-respondent coding is
// invented: the paper reports neither.
//
// This adapter lives on the study side so that package qda, the generic
// coding analysis, knows nothing of a study's records.
func CodingProject(name string, codes []Code, excerpts []Excerpt) *qda.Project {
	p := &qda.Project{
		Name:        name,
		Description: "Codebook and quoted interview excerpts of the study, coded by the dataset curators (inferred). One source per excerpt; one segment per code over the whole excerpt. No cases: the paper reports no per-respondent coding.",
		Coders:      []qda.Coder{CuratorCoder},
	}
	for _, c := range codes {
		p.Codes = append(p.Codes, qda.Code{ID: c.ID, Name: c.Label, Parent: c.Parent, Description: c.Description,
			Color: c.Color, Codable: c.Kind != GroupCode})
	}
	for _, e := range excerpts {
		src := qda.Source{ID: e.ID, Name: fmt.Sprintf("%s (theme %s, p. %d)", e.ID, e.Theme, e.Page), Text: e.Text}
		p.Sources = append(p.Sources, src)
		n := qda.RuneLen(e.Text)
		for _, code := range e.Codes {
			p.Segments = append(p.Segments, qda.Segment{ID: e.ID + "-" + code, Source: e.ID, Code: code,
				Coder: CuratorCoder.ID, Start: 0, End: n})
		}
	}
	return p
}
