// Package paper computes the published outputs of the compendium: one
// function per table or figure of the paper, each computed from the typed
// records of a study (package study) and nothing else.
//
// Tables:
//
//	T1 StudyDesign       study design and sample
//	T2 Codebook          the codebook of findings
//	T3 Dyads             the alliance dyads
//	T4 NetworkMeasures   network measures per organization
//	T5 Timeline          the timeline of events
//	T6 CitationAudit     in-text citations against the reference list
//	T7 Robustness        leave-one-source-out robustness of the network
//	T8 Cooccurrence      code co-occurrence across the interview excerpts
//
// Figures:
//
//	F1 AllianceNetwork   the alliance network
//	F2 TimelineFigure    the timeline 2001-2025
//	F3 ThemeDimensions   theme × cooperation-dimension matrix
//	F4 ReferenceYears    references by year and kind
//	F5 RankStability     rank stability under leave-one-source-out
//	F6 CooccurrenceMap   code co-occurrence heatmap
//
// Outputs returns them all as a registry for package build, which writes
// each table as CSV, GitHub Markdown and LaTeX and each figure as SVG, PNG
// and PDF.
package paper
