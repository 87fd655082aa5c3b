// Package community finds communities in a graph.Graph: Louvain's method
// as NetworkX's louvain_communities (resolution 1, threshold 1e-7, a fixed
// seed), and Newman's modularity of any partition, unweighted or weighted.
//
// It is part of the core (see github.com/nexus-toolkit/nexus/analysis/graph) and knows no study.
package community
