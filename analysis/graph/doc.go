// Package graph is the core of nexus's network analysis: a compact graph
// and the measures that social network analysts compute with NetworkX,
// igraph, UCINET and Gephi, with the same conventions and the same values.
// It knows no study: nodes and edges carry generic attributes (an ID, a
// name, a group, a kind, a period, source keys, a weight), and a study
// maps its own records onto them (see github.com/nexus-toolkit/nexus/analysis/alliance for this
// compendium's alliance network). Its tests check that it imports no
// package of the study layer.
//
// The layering follows gonum/graph's split of graph, graph/network,
// graph/path, graph/community and graph/encoding; each package imports
// only those above it in this list:
//
//	graph               Graph (CSR), Build, views, Weighting, RandomEdges
//	graph/path          ShortestPaths: Brandes betweenness, closeness, harmonic
//	graph/community     Louvain, Modularity
//	graph/network       Compute and Metrics (every measure), Degrees, Strengths,
//	                    Eigenvector, PageRank, CoreNumbers, Coreness, Brokerage, Rank
//	graph/layout        CoreRings: k-cores on concentric rings, groups together;
//	                    Stress: stress-majorization layout, Energy
//	graph/encoding      Doc, the common model of the file formats
//	graph/encoding/...  graphml, gexf, dot, pajek, csv (and edge lists: csv.ReadEdges)
//
// A Graph is a compact, immutable CSR (compressed sparse row) graph: nodes
// are sorted by ID, each node's neighbours are a sorted slice, and parallel
// rows between the same pair of nodes collapse into one Link whose weight is
// chosen by a Weighting or by BuildOptions.LinkWeight (for the alliance
// data, the number of independent sources). The rows behind each link stay
// available for export, and the CSR arrays for algorithms (Graph.CSR).
//
// Options are structs, never positional flags: path.ShortestPaths(g,
// path.Options{Weighted: true}), network.PageRank(g,
// network.PageRankOptions{Damping: 0.85}), community.Louvain(g,
// community.LouvainOptions{Seed: 1}).
//
// Conventions, stated once here and again on each function:
//
//   - A link's weight is a tie strength. Measures are topological (every
//     link counts 1) unless asked: network.ComputeOptions.Strength uses
//     the weight as a strength (eigenvector, PageRank, core-periphery,
//     Louvain), and ComputeOptions.Lengths as a length in shortest paths,
//     either 1/weight (InverseWeight: a strong tie is a short path) or the
//     weight itself (WeightLength, for weights that are distances);
//     strength is always the sum of link weights. Parallel rows between
//     one pair collapse into one link: WeightMax counts a tie stored twice
//     once, WeightSum adds the rows.
//   - Self-loops are dropped when a Graph is built (Graph.SelfLoops counts
//     them), so degrees are those of a simple graph.
//   - Betweenness is Brandes' algorithm. BetweennessRaw is igraph's value
//     (each unordered pair counted once in an undirected graph); Betweenness
//     is NetworkX's default normalisation. Unweighted, the search runs 64
//     sources at a time as a bit-parallel breadth-first search, then
//     accumulates each source without data-dependent branches over nodes
//     relabelled by degree (see path.ShortestPaths).
//   - Closeness is NetworkX's closeness_centrality with wf_improved=True
//     (Wasserman and Faust's correction for disconnected graphs); for a
//     directed graph it uses incoming distances, as NetworkX does.
//   - Eigenvector centrality has unit L2 norm and positive sign, as
//     NetworkX's eigenvector_centrality. On a disconnected graph each
//     (weakly) connected component is solved by its own iteration and
//     the result is the limit of NetworkX's iteration on the whole
//     graph: the components of the largest leading eigenvalue keep their
//     share, every other component is 0; a directed graph without a
//     cycle is ErrUndefined. PageRank follows nx.pagerank (alpha 0.85 by
//     default, dangling nodes spread uniformly), which the jump to a
//     uniform node keeps well defined on a disconnected graph. Both are
//     tested against NetworkX on disconnected graphs.
//   - The k-core number is NetworkX's core_number and igraph's coreness()
//     (Batagelj-Zaversnik); network.Coreness is Borgatti and Everett's
//     continuous core-periphery model (UCINET's coreness, column
//     core_periphery), fitted by alternating least squares from a fixed
//     start.
//   - Louvain communities use a fixed seed. Go's and Python's random
//     streams differ, so partitions can differ from NetworkX's for the same
//     seed; the modularity reached is comparable and tested.
//   - Gould-Fernandez brokerage counts open two-paths on the directed view
//     by group (Node.Group), as UCINET and statnet do.
//   - Weights are finite numbers > 0: encoding/csv.ReadEdges reports any
//     other at file:line:column, and Build refuses one (with WeightSum or
//     WeightMax) and a link whose rows' weights sum to +Inf.
//     network.Compute never returns Inf or NaN: when a node's strength or
//     the total weight overflows float64, or a path length, a sum of
//     distances or a reciprocal of a distance or of a weight does (lengths
//     near 1e308, or subnormal ones such as 5e-324), it fails
//     with an error wrapping ErrOverflow that names the measure and a
//     node. Measures that do not depend on the scale of the weights are
//     kept finite instead: eigenvector centrality and coreness scale
//     weights beyond 2^±30, and Louvain a total weight beyond 2^±100, by a
//     power of two (exact, so weights of ordinary size keep every bit of
//     their results).
//   - Everything is deterministic: no output depends on map order, timing or
//     GOMAXPROCS. The parallel betweenness sums per-chunk results in a fixed
//     chunk order, so its floats are bit-for-bit the same on any machine
//     with the same architecture.
//
// The tests compare every exact measure with NetworkX 3.6 and igraph 0.10
// on reference graphs (testdata/reference.py prints them, and
// testdata/reference_weighted.py those with weights as strengths and as
// distances 1/weight);
// testdata/compare_igraph.py times the whole command against igraph.
package graph
