package paper

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/nexus-toolkit/nexus/analysis/alliance"
	"github.com/nexus-toolkit/nexus/analysis/compendium"
	"github.com/nexus-toolkit/nexus/analysis/datapkg"
	"github.com/nexus-toolkit/nexus/analysis/graph"
	"github.com/nexus-toolkit/nexus/analysis/qda"
	"github.com/nexus-toolkit/nexus/analysis/study"
)

// Name is the data package name the paper's study claims.
const Name = "ttp-alliances"

// Package is the paper's Go package, as the generated make rules name it.
const Package = "analysis/paper"

// Requires are the resources every version of the paper's data package
// holds (1.1.0 adds persons, presence, typology and slips).
var Requires = []string{"organizations", "relations", "events", "themes", "excerpts", "codes", "respondents", "references", "citations"}

func init() {
	compendium.Register(compendium.Study{
		Name:     Name,
		Title:    "TTP regional alliances (the paper)",
		Package:  Package,
		Requires: Requires,
		Outputs:  Outputs(),
		Network: &compendium.Network{
			Requires: []string{"organizations", "relations"},
			Filters:  networkFilters,
			Build:    buildNetwork,
			Doc:      alliance.NewDoc,
			Groups:   true,
		},
		Evidence: study.QuoteFields,
		PageMark: study.PageMark,
		Coding:   codingProject,
		Notebook: []string{
			"github.com/nexus-toolkit/nexus/analysis/alliance/...",
			"github.com/nexus-toolkit/nexus/analysis/paper/...",
			"github.com/nexus-toolkit/nexus/analysis/study/...",
		},
	})
}

// networkFilters are the filter flags of the alliance network.
var networkFilters = []compendium.Filter{
	{Name: "type", Usage: "keep only these tie `types` (comma-separated)"},
	{Name: "scope", Usage: "keep only organizations of this `scope` (study or example)"},
	{Name: "coding", Usage: "keep only relations with this `coding`: stated or inferred"},
	{Name: "from", Usage: "keep only relations active in or after this `year`"},
	{Name: "to", Usage: "keep only relations active in or before this `year`"},
}

// buildNetwork builds the alliance network of p (alliance.Build) with
// the filters given.
func buildNetwork(p *datapkg.Package, opt compendium.NetworkOptions) (*graph.Graph, error) {
	f, err := parseFilter(opt)
	if err != nil {
		return nil, err
	}
	s, err := study.FromPackage(p)
	if err != nil {
		return nil, err
	}
	return alliance.Build(s, f, alliance.NetworkOptions{Directed: opt.Directed})
}

// parseFilter reads the filter flags into an alliance.Filter, reporting
// every bad value.
func parseFilter(opt compendium.NetworkOptions) (alliance.Filter, error) {
	f := alliance.Filter{Isolates: opt.Isolates}
	v := opt.Filters
	var err, errs error
	if f.TieTypes, err = study.ParseCodes(v["type"], study.TieTypeValues); err != nil {
		errs = errors.Join(errs, fmt.Errorf("-type: %w", err))
	}
	if f.Scope, err = study.ParseCode(v["scope"], study.ScopeValues); err != nil {
		errs = errors.Join(errs, fmt.Errorf("-scope: %w", err))
	}
	if f.Coding, err = study.ParseCode(v["coding"], study.CodingValues); err != nil {
		errs = errors.Join(errs, fmt.Errorf("-coding: %w", err))
	}
	for _, y := range []struct {
		name string
		to   *int
	}{{"from", &f.From}, {"to", &f.To}} {
		if s, ok := v[y.name]; ok {
			n, err := strconv.Atoi(s)
			if err != nil {
				errs = errors.Join(errs, fmt.Errorf("-%s: %q, expected a year such as 2021", y.name, s))
			}
			*y.to = n
		}
	}
	return f, errs
}

// codingProject maps the paper's codebook and excerpts to a coding
// project (study.CodingProject).
func codingProject(p *datapkg.Package) (*qda.Project, error) {
	s, err := study.FromPackage(p)
	if err != nil {
		return nil, err
	}
	return study.CodingProject(s.Name, s.Codes, s.Excerpts), nil
}
