package paper

import (
	"gonum.org/v1/plot/vg"

	"github.com/nexus-toolkit/nexus/analysis/compendium"
	"github.com/nexus-toolkit/nexus/analysis/figure"
	"github.com/nexus-toolkit/nexus/analysis/study"
)

// records reads the paper's typed records from (a view of) its data package.
var records = compendium.Loader[*study.Study](study.FromPackage)

// Outputs returns the declarations of every table and figure of the
// paper, in the order they are built and listed. Each reads exactly the
// resources it names (see package compendium).
func Outputs() []compendium.Output {
	return []compendium.Output{
		records.Table("T1", "tbl-study-design", "Study design and sample", []string{"respondents"}, StudyDesign),
		records.Table("T2", "tbl-codebook", "Codebook of findings", []string{"themes", "excerpts", "codes", "references"}, Codebook),
		records.Table("T3", "tbl-dyads", "Alliance dyads", []string{"relations", "organizations", "codes"}, Dyads),
		records.Table("T4", "tbl-network-measures", "Network measures per organization", []string{"relations", "organizations"}, NetworkMeasures),
		records.Table("T5", "tbl-timeline", "Timeline of events", []string{"events", "organizations", "references"}, Timeline),
		records.Table("T6", "tbl-citation-audit", "Citation audit", []string{"citations", "references", "slips"}, CitationAudit),
		records.Table("T7", "tbl-robustness", "Leave-one-source-out robustness", []string{"relations", "organizations", "references"}, RobustnessTable),
		records.Table("T8", "tbl-cooccurrence", "Code co-occurrence across the excerpts", []string{"excerpts", "codes"}, Cooccurrence),
		records.Figure("F1", "fig-alliance-network", "The alliance network", []string{"relations", "organizations"},
			figure.FullWidth, F1Height, AllianceNetworkFigure, AllianceNetworkEvidence),
		records.Figure("F2", "fig-timeline", "Timeline of dated events 2001-2025", []string{"events"},
			figure.FullWidth, 11*vg.Centimeter, TimelineFigure, TimelineEvidence),
		records.Figure("F3", "fig-theme-dimensions", "Theme x cooperation-dimension matrix", []string{"themes", "excerpts", "codes"},
			figure.FullWidth, 9*vg.Centimeter, ThemeDimensions, nil),
		records.Figure("F4", "fig-references", "References by year and kind", []string{"references"},
			figure.FullWidth, 7*vg.Centimeter, ReferenceYears, nil),
		records.Figure("F5", "fig-rank-stability", "Rank stability under leave-one-source-out", []string{"relations", "organizations"},
			figure.FullWidth, 13*vg.Centimeter, RankStability, nil),
		records.Figure("F6", "fig-cooccurrence", "Code co-occurrence heatmap", []string{"excerpts", "codes"},
			figure.FullWidth, 15*vg.Centimeter, CooccurrenceMap, nil),
	}
}
