// Package network computes the node measures of a graph.Graph with the
// conventions and values of NetworkX and igraph: Compute returns them all
// as Metrics (written by WriteCSV), and each is also a function of its
// own: Degrees, Strengths, Eigenvector, PageRank, CoreNumbers, Coreness
// and Brokerage; betweenness, closeness and harmonic centrality come from
// github.com/nexus-toolkit/nexus/analysis/graph/path and communities from
// github.com/nexus-toolkit/nexus/analysis/graph/community. Rank and Order rank nodes by a measure.
//
// The conventions are stated in the doc of github.com/nexus-toolkit/nexus/analysis/graph and on
// each function; the tests compare every exact measure with NetworkX 3.6
// and igraph 0.10 on reference graphs. It is part of the core and knows no
// study.
package network
