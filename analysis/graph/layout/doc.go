// Package layout places the nodes of a graph.Graph in the plane for
// drawing. CoreRings puts the k-cores on concentric rings, the main core
// in the centre, with the members of a group together; it depends only on
// the graph, so a figure drawn from it is deterministic.
//
// It is part of the core (see github.com/nexus-toolkit/nexus/analysis/graph) and knows no study.
package layout
