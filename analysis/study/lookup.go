package study

import (
	"fmt"

	"github.com/go-gota/gota/dataframe"

	"github.com/nexus-toolkit/nexus/analysis/datapkg"
	"github.com/nexus-toolkit/nexus/analysis/frame"
)

// Package returns the validated data package the study was loaded from,
// or nil for a Study built by hand.
func (s *Study) Package() *datapkg.Package { return s.pkg }

// keyed is a record of the study with a primary key.
type keyed interface{ key() string }

// find returns the row of rows whose primary key is k, or nil.
func find[T keyed](rows []T, k string) *T {
	for i := range rows {
		if rows[i].key() == k {
			return &rows[i]
		}
	}
	return nil
}

func (o Organization) key() string { return o.ID }
func (r Relation) key() string     { return r.ID }
func (e Event) key() string        { return e.ID }
func (t Theme) key() string        { return t.ID }
func (e Excerpt) key() string      { return e.ID }
func (c Code) key() string         { return c.ID }
func (r Respondent) key() string   { return r.Category }
func (r Reference) key() string    { return r.Key }
func (c Citation) key() string     { return c.ID }
func (p Person) key() string       { return p.ID }
func (s Slip) key() string         { return s.ID }

// Organization returns the organization with the given ID, or nil.
func (s *Study) Organization(id string) *Organization { return find(s.Organizations, id) }

// Relation returns the relation with the given ID, or nil.
func (s *Study) Relation(id string) *Relation { return find(s.Relations, id) }

// Event returns the event with the given ID, or nil.
func (s *Study) Event(id string) *Event { return find(s.Events, id) }

// Theme returns the theme with the given ID, or nil.
func (s *Study) Theme(id string) *Theme { return find(s.Themes, id) }

// Excerpt returns the excerpt with the given ID, or nil.
func (s *Study) Excerpt(id string) *Excerpt { return find(s.Excerpts, id) }

// Code returns the code with the given ID, or nil.
func (s *Study) Code(id string) *Code { return find(s.Codes, id) }

// Respondent returns the respondent row of the given category, or nil.
func (s *Study) Respondent(category string) *Respondent { return find(s.Respondents, category) }

// Reference returns the reference with the given key, or nil.
func (s *Study) Reference(key string) *Reference { return find(s.References, key) }

// Citation returns the citation with the given ID, or nil.
func (s *Study) Citation(id string) *Citation { return find(s.Citations, id) }

// Person returns the person row with the given ID, or nil.
func (s *Study) Person(id string) *Person { return find(s.Persons, id) }

// Slip returns the slip with the given ID, or nil.
func (s *Study) Slip(id string) *Slip { return find(s.Slips, id) }

// ExcerptsOf returns the excerpts of a theme, in file order.
func (s *Study) ExcerptsOf(theme string) []Excerpt {
	var out []Excerpt
	for _, e := range s.Excerpts {
		if e.Theme == theme {
			out = append(out, e)
		}
	}
	return out
}

// CitationsOf returns the citations that resolve to a reference key, in
// file order.
func (s *Study) CitationsOf(key string) []Citation {
	var out []Citation
	for _, c := range s.Citations {
		if c.Key == key {
			out = append(out, c)
		}
	}
	return out
}

// Frame returns a resource as a gota DataFrame for ad-hoc work. Column
// types come from the schema, never from inference: integer and year
// fields are series.Int, number fields series.Float, boolean fields
// series.Bool, and every other field (lists and dates included, as
// printed) series.String, so "00123" stays a string. The rows have been
// validated, so no value turns into NaN unnoticed: NaN marks exactly the
// missing numbers and booleans; missing strings are "".
func (s *Study) Frame(resource string) (dataframe.DataFrame, error) {
	if s.pkg == nil {
		return dataframe.DataFrame{}, fmt.Errorf("study %s %s: no package loaded", s.Name, s.Version)
	}
	r := s.pkg.Resource(resource)
	if r == nil || r.Table == nil {
		return dataframe.DataFrame{}, fmt.Errorf("study %s %s: no resource %q", s.Name, s.Version, resource)
	}
	return Frame(r)
}

// Frame returns a validated resource as a DataFrame with explicit column
// types (see Study.Frame and frame.FromResource).
func Frame(r *datapkg.Resource) (dataframe.DataFrame, error) { return frame.FromResource(r) }
