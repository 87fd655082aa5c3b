// Package layout places the nodes of a graph.Graph in the plane for
// drawing. Both layouts depend only on the graph, never on a clock, a
// random source or GOMAXPROCS, so a figure drawn from them is
// deterministic.
//
//   - CoreRings puts the k-cores on concentric rings, the main core in the
//     centre, with the members of a group together.
//   - Stress draws the graph-theoretic distances as plane distances by
//     stress majorization (Kamada and Kawai's energy, minimised as
//     Gansner, Koren and North do), which spreads a dense core by its own
//     structure; Energy scores any layout by the same measure.
//
// It is part of the core (see github.com/nexus-toolkit/nexus/analysis/graph) and knows no study.
package layout
