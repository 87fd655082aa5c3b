package study_test

import (
	"fmt"

	"github.com/nexus-toolkit/nexus/analysis/qda"
	"github.com/nexus-toolkit/nexus/analysis/study"
)

// A study's quoted excerpts become a coding project that package qda
// analyses without knowing the study: one source per excerpt, one
// whole-excerpt segment per code the curators applied.
func ExampleCodingProject() {
	codes := []study.Code{
		{ID: "dim", Label: "Dimensions", Kind: study.GroupCode},
		{ID: "dim-ops", Label: "Operations", Parent: "dim", Kind: "dimension"},
		{ID: "dim-ideo", Label: "Ideology", Parent: "dim", Kind: "dimension"},
	}
	excerpts := []study.Excerpt{
		{ID: "ex1", Theme: "th1", Page: 7, Text: "They train together.", Codes: []string{"dim-ops", "dim-ideo"}},
		{ID: "ex2", Theme: "th1", Page: 8, Text: "Shared goals.", Codes: []string{"dim-ideo"}},
	}
	p := study.CodingProject("demo", codes, excerpts)
	fmt.Println(p.Sources[0].Name, p.Segments[0].Coder, p.Segments[0].End)
	m, c, err := qda.ExcerptCooccurrence(p)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(m.Rows, m.Counts, qda.Round(c[0][1], 3))
	// Output:
	// ex1 (theme th1, p. 7) curators 20
	// [dim-ops dim-ideo] [[1 1] [1 2]] 0.5
}
