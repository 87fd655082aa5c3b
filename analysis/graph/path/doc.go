// Package path computes the shortest-path measures of a graph.Graph in one
// pass of single-source searches from every node: Brandes' betweenness
// (NetworkX's normalised value and igraph's raw count), closeness with
// Wasserman and Faust's correction, and harmonic centrality, unweighted
// (a bit-parallel breadth-first search of 64 sources at a time) or with
// link weights as lengths (Dijkstra), over GOMAXPROCS goroutines with
// results that are bit-for-bit the same for any GOMAXPROCS.
//
// It is part of the core (see github.com/nexus-toolkit/nexus/analysis/graph) and knows no study.
package path
