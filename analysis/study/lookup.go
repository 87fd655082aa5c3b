package study

import (
	"fmt"

	"github.com/go-gota/gota/dataframe"

	"nexus/analysis/datapkg"
	"nexus/analysis/frame"
)

// Package returns the validated data package the study was loaded from,
// or nil for a Study built by hand.
func (s *Study) Package() *datapkg.Package { return s.pkg }

// Organization returns the organization with the given ID, or nil.
func (s *Study) Organization(id string) *Organization {
	for i := range s.Organizations {
		if s.Organizations[i].ID == id {
			return &s.Organizations[i]
		}
	}
	return nil
}

// Relation returns the relation with the given ID, or nil.
func (s *Study) Relation(id string) *Relation {
	for i := range s.Relations {
		if s.Relations[i].ID == id {
			return &s.Relations[i]
		}
	}
	return nil
}

// Event returns the event with the given ID, or nil.
func (s *Study) Event(id string) *Event {
	for i := range s.Events {
		if s.Events[i].ID == id {
			return &s.Events[i]
		}
	}
	return nil
}

// Theme returns the theme with the given ID, or nil.
func (s *Study) Theme(id string) *Theme {
	for i := range s.Themes {
		if s.Themes[i].ID == id {
			return &s.Themes[i]
		}
	}
	return nil
}

// Excerpt returns the excerpt with the given ID, or nil.
func (s *Study) Excerpt(id string) *Excerpt {
	for i := range s.Excerpts {
		if s.Excerpts[i].ID == id {
			return &s.Excerpts[i]
		}
	}
	return nil
}

// Code returns the code with the given ID, or nil.
func (s *Study) Code(id string) *Code {
	for i := range s.Codes {
		if s.Codes[i].ID == id {
			return &s.Codes[i]
		}
	}
	return nil
}

// Respondent returns the respondent row of the given category, or nil.
func (s *Study) Respondent(category string) *Respondent {
	for i := range s.Respondents {
		if s.Respondents[i].Category == category {
			return &s.Respondents[i]
		}
	}
	return nil
}

// Reference returns the reference with the given key, or nil.
func (s *Study) Reference(key string) *Reference {
	for i := range s.References {
		if s.References[i].Key == key {
			return &s.References[i]
		}
	}
	return nil
}

// Citation returns the citation with the given ID, or nil.
func (s *Study) Citation(id string) *Citation {
	for i := range s.Citations {
		if s.Citations[i].ID == id {
			return &s.Citations[i]
		}
	}
	return nil
}

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
