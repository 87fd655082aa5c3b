package network

// DefaultDamping is the damping factor (NetworkX's alpha) that PageRank
// uses when PageRankOptions.Damping is 0.
const DefaultDamping = 0.85

// EigenvectorOptions controls Eigenvector.
type EigenvectorOptions struct {
	// Weighted uses the link weights as the entries of the adjacency
	// matrix (strengths: a heavier link counts more), as NetworkX's
	// weight="weight"; otherwise every link counts 1.
	Weighted bool
}

// PageRankOptions controls PageRank.
type PageRankOptions struct {
	// Damping is the probability of following a link (NetworkX's alpha),
	// in (0, 1); 0 means DefaultDamping.
	Damping float64
	// Weighted chooses an out-link in proportion to its weight (a
	// strength), as NetworkX's weight="weight" (nx.pagerank's default);
	// otherwise uniformly, as weight=None.
	Weighted bool
}

// CorenessOptions controls Coreness.
type CorenessOptions struct {
	// Weighted fits the link weights as strengths (a_ij = weight);
	// otherwise every link counts 1.
	Weighted bool
}

// Lengths says what length a link has in the shortest-path measures
// (betweenness, closeness, harmonic) of Compute.
type Lengths int

const (
	// Hops gives every link length 1, whatever its weight: NetworkX's
	// weight=None (its default for betweenness and closeness), igraph's
	// weights=None in Python and weights=NA in R.
	Hops Lengths = iota
	// InverseWeight gives a link the length 1/weight, so that a strong
	// tie (a high weight, such as many sources) is a short path: the
	// weight is a strength, as it is in eigenvector centrality, PageRank
	// and Louvain. It is NetworkX's weight="distance" on an attribute
	// distance = 1/weight (the exports' encoding.DistanceKey).
	InverseWeight
	// WeightLength gives a link its weight as its length: for weights
	// that are already distances (a cost, a time, a kilometre), not
	// strengths. It is NetworkX's weight="weight" in
	// betweenness_centrality and distance="weight" in
	// closeness_centrality, and igraph's default in R when the graph has
	// a weight attribute.
	WeightLength
)

// String returns the name of l as the command line spells it: "hops",
// "inverse" or "weight".
func (l Lengths) String() string {
	switch l {
	case InverseWeight:
		return "inverse"
	case WeightLength:
		return "weight"
	}
	return "hops"
}
