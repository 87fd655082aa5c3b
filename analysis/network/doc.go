// Package network builds alliance networks from relations and computes the
// measures that social network analysts compute with NetworkX, igraph,
// UCINET and Gephi, with the same conventions and the same values.
//
// A Graph is a compact, immutable CSR (compressed sparse row) graph: nodes
// are sorted by ID, each node's neighbours are a sorted slice, and parallel
// rows between the same pair of nodes collapse into one Link whose weight is
// chosen by a Weighting (for the alliance data, the number of independent
// sources). The rows behind each link stay available for export.
//
// Conventions, stated once here and again on each function:
//
//   - Measures are topological (every link counts 1) unless Options.Weighted
//     is set; strength is always the sum of link weights.
//   - Self-loops are dropped when a Graph is built (Graph.SelfLoops counts
//     them), so degrees are those of a simple graph.
//   - Betweenness is Brandes' algorithm. BetweennessRaw is igraph's value
//     (each unordered pair counted once in an undirected graph); Betweenness
//     is NetworkX's default normalisation. Unweighted, the search runs 64
//     sources at a time as a bit-parallel breadth-first search, then
//     accumulates each source without data-dependent branches over nodes
//     relabelled by degree (see ShortestPaths).
//   - Closeness is NetworkX's closeness_centrality with wf_improved=True
//     (Wasserman and Faust's correction for disconnected graphs); for a
//     directed graph it uses incoming distances, as NetworkX does.
//   - Eigenvector centrality has unit L2 norm and positive sign, as
//     NetworkX's eigenvector_centrality; PageRank follows nx.pagerank
//     (alpha 0.85, dangling nodes spread uniformly).
//   - The k-core number is NetworkX's core_number (Batagelj-Zaversnik);
//     coreness is Borgatti and Everett's continuous core-periphery model,
//     fitted by alternating least squares from a fixed start.
//   - Louvain communities use a fixed seed. Go's and Python's random
//     streams differ, so partitions can differ from NetworkX's for the same
//     seed; the modularity reached is comparable and tested.
//   - Gould-Fernandez brokerage counts open two-paths on the directed view
//     by group (camp), as UCINET and statnet do.
//   - Everything is deterministic: no output depends on map order, timing or
//     GOMAXPROCS. The parallel betweenness sums per-chunk results in a fixed
//     chunk order, so its floats are bit-for-bit the same on any machine
//     with the same architecture.
//
// FromStudy turns a study's organizations and relations into nodes and
// edges under a Filter (tie type, period, scope, stated or inferred
// coding); ReadEdgeCSV reads any edge list. NewDoc and its Write methods
// export the network as GraphML, GEXF 1.3 (open spell ends as -INF/INF,
// which NetworkX 3 and Gephi read), DOT, Pajek and CSV, with readers for
// each; LeaveOneOut measures how the results depend on each
// source; Layout places the alliance network for figure F1.
package network
