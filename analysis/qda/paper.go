package qda

import (
	"fmt"
	"strconv"
	"strings"

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

// LoadStudyCoding reads codes.csv and excerpts.csv of a study package such
// as datasets/ttp-alliances/v1.0.0 and maps them with FromStudy.
func LoadStudyCoding(dir string) (*Project, error) {
	t, err := DirTables(dir)
	if err != nil {
		return nil, err
	}
	name, title := "study", ""
	if d, ok := t.(*dirTables); ok && d.desc.Name != "" {
		name, title = d.desc.Name, d.desc.Title
	}
	var errs Errors
	read := func(res string, cols ...string) (*Table, map[string]int) {
		tb, err := t.Table(res)
		if err != nil {
			errs = append(errs, err)
			return nil, nil
		}
		if tb == nil {
			errs = append(errs, fmt.Errorf("datapackage.json: no resource %q", res))
			return nil, nil
		}
		m := map[string]int{}
		for _, c := range cols {
			m[c] = tb.Column(c)
			if m[c] < 0 {
				errs = append(errs, fmt.Errorf("%s:1:1: missing column %q", tb.File, c))
			}
		}
		return tb, m
	}
	ct, cc := read("codes", "id", "label", "parent", "kind", "description", "color")
	et, ec := read("excerpts", "id", "theme", "text", "codes", "page")
	if len(errs) > 0 {
		return nil, errs
	}
	var codes []study.Code
	for _, r := range ct.Rows {
		codes = append(codes, study.Code{ID: r[cc["id"]], Label: r[cc["label"]], Parent: r[cc["parent"]],
			Kind: r[cc["kind"]], Description: r[cc["description"]], Color: r[cc["color"]]})
	}
	var excerpts []study.Excerpt
	for i, r := range et.Rows {
		e := study.Excerpt{ID: r[ec["id"]], Theme: r[ec["theme"]], Text: r[ec["text"]]}
		if v := r[ec["codes"]]; v != "" {
			e.Codes = strings.Split(v, ";")
		}
		page, err := strconv.Atoi(r[ec["page"]])
		if err != nil {
			errs = append(errs, fmt.Errorf("%s:%d:%d: field \"page\": value %q: expected an integer", et.File, et.Lines[i], ec["page"]+1, r[ec["page"]]))
		}
		e.Page = page
		excerpts = append(excerpts, e)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	p := FromStudy(name, codes, excerpts)
	p.Title = title
	if errs := p.Check(); len(errs) > 0 {
		return nil, Errors(errs)
	}
	return p, nil
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
