package paper

import (
	"io"
	"path/filepath"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/nexus-toolkit/nexus/analysis/build"
	"github.com/nexus-toolkit/nexus/analysis/figure"
	"github.com/nexus-toolkit/nexus/analysis/study"
	"github.com/nexus-toolkit/nexus/analysis/table"
)

// TableFormats are the files every table is written as: the table as CSV,
// Markdown and LaTeX, and the trace of its cells to the rows of data they
// come from (table.WriteTrace; `nexus trace` reads it).
var TableFormats = []string{"csv", "md", "tex", "trace.csv"}

// WriteTable writes t as dir/name.csv, .md and .tex and its trace as
// dir/name.trace.csv, each atomically.
func WriteTable(t *table.Table, dir, name string) error {
	if err := t.Validate(); err != nil {
		return err
	}
	writers := []func(io.Writer) error{t.WriteCSV, t.WriteMarkdown, t.WriteLaTeX, t.WriteTrace}
	for i, ext := range TableFormats {
		if err := build.Buffer(filepath.Join(dir, name+"."+ext), writers[i]); err != nil {
			return err
		}
	}
	return nil
}

// tableOutput registers a table computed by make.
func tableOutput(id, name, title, fn string, inputs []string, make func() (*table.Table, error)) build.Output {
	return build.Output{
		ID: id, Name: name, Title: title, Formats: TableFormats, Inputs: inputs, Func: fn,
		Make: func(dir string) error {
			t, err := make()
			if err != nil {
				return err
			}
			return WriteTable(t, dir, name)
		},
	}
}

// Outputs returns the registry of every table and figure of the paper,
// computed from s.
func Outputs(s *study.Study) []build.Output {
	return []build.Output{
		tableOutput("T1", "tbl-study-design", "Study design and sample", "paper.StudyDesign",
			[]string{"respondents"}, func() (*table.Table, error) { return StudyDesign(s) }),
		tableOutput("T2", "tbl-codebook", "Codebook of findings", "paper.Codebook",
			[]string{"themes", "excerpts", "codes", "references"}, func() (*table.Table, error) { return Codebook(s) }),
		tableOutput("T3", "tbl-dyads", "Alliance dyads", "paper.Dyads",
			[]string{"relations", "organizations", "codes"}, func() (*table.Table, error) { return Dyads(s) }),
		tableOutput("T4", "tbl-network-measures", "Network measures per organization", "paper.NetworkMeasures",
			[]string{"relations", "organizations"}, func() (*table.Table, error) { return NetworkMeasures(s) }),
		tableOutput("T5", "tbl-timeline", "Timeline of events", "paper.Timeline",
			[]string{"events", "organizations", "references"}, func() (*table.Table, error) { return Timeline(s) }),
		tableOutput("T6", "tbl-citation-audit", "Citation audit", "paper.CitationAudit",
			[]string{"citations", "references"}, func() (*table.Table, error) { return CitationAudit(s) }),
		tableOutput("T7", "tbl-robustness", "Leave-one-source-out robustness", "paper.RobustnessTable",
			[]string{"relations", "organizations", "references"}, func() (*table.Table, error) { return RobustnessTable(s) }),
		tableOutput("T8", "tbl-cooccurrence", "Code co-occurrence across the excerpts", "paper.Cooccurrence",
			[]string{"excerpts", "codes"}, func() (*table.Table, error) { return Cooccurrence(s) }),
		withEvidence(figureOutput("F1", "fig-alliance-network", "The alliance network", "paper.AllianceNetworkFigure",
			[]string{"relations", "organizations"}, figure.FullWidth, 15*vg.Centimeter, func() (*plot.Plot, error) { return AllianceNetworkFigure(s) }),
			func() (*table.Table, error) { return AllianceNetworkEvidence(s) }),
		withEvidence(figureOutput("F2", "fig-timeline", "Timeline of dated events 2001-2025", "paper.TimelineFigure",
			[]string{"events"}, figure.FullWidth, 11*vg.Centimeter, func() (*plot.Plot, error) { return TimelineFigure(s) }),
			func() (*table.Table, error) { return TimelineEvidence(s) }),
		figureOutput("F3", "fig-theme-dimensions", "Theme x cooperation-dimension matrix", "paper.ThemeDimensions",
			[]string{"themes", "excerpts", "codes"}, figure.FullWidth, 9*vg.Centimeter, func() (*plot.Plot, error) { return ThemeDimensions(s) }),
		figureOutput("F4", "fig-references", "References by year and kind", "paper.ReferenceYears",
			[]string{"references"}, figure.FullWidth, 7*vg.Centimeter, func() (*plot.Plot, error) { return ReferenceYears(s) }),
		figureOutput("F5", "fig-rank-stability", "Rank stability under leave-one-source-out", "paper.RankStability",
			[]string{"relations", "organizations"}, figure.FullWidth, 13*vg.Centimeter, func() (*plot.Plot, error) { return RankStability(s) }),
		figureOutput("F6", "fig-cooccurrence", "Code co-occurrence heatmap", "paper.CooccurrenceMap",
			[]string{"excerpts", "codes"}, figure.FullWidth, 15*vg.Centimeter, func() (*plot.Plot, error) { return CooccurrenceMap(s) }),
	}
}
