// Package alliance is the study layer of the network analysis: it turns a
// study's organizations and relations (github.com/nexus-toolkit/nexus/analysis/study) into the
// generic graph of github.com/nexus-toolkit/nexus/analysis/graph and holds everything that knows
// this compendium's data model:
//
//   - FromStudy and Filter: organizations become nodes (Group is the camp,
//     Attrs the scope and kind), relations become edges (Kind is the tie
//     type, Attrs the coding), kept by tie type, period, scope and coding.
//   - Sources, the one definition of a claim's independent sources, which
//     T3 counts and SourceWeight (BuildOptions, Build) puts on each link.
//   - Layout: the stress layout of figure F1.
//   - NewDoc, NodeKeys and LinkKeys: the export form of the network with
//     its study attributes, which github.com/nexus-toolkit/nexus/analysis/graph/export
//     writes in every format.
//
// The leave-one-source-out analysis over any graph whose edges carry their
// sources lives in the core, github.com/nexus-toolkit/nexus/analysis/graph/robust.
//
// The layering: github.com/nexus-toolkit/nexus/analysis/graph and its encodings are the core and
// import nothing of the study; this package imports them and
// github.com/nexus-toolkit/nexus/analysis/study, and github.com/nexus-toolkit/nexus/analysis/paper builds the paper's T4,
// T7, F1 and F5 on it.
package alliance
