package network

// DefaultDamping is the damping factor (NetworkX's alpha) that PageRank
// uses when PageRankOptions.Damping is 0.
const DefaultDamping = 0.85

// EigenvectorOptions controls Eigenvector.
type EigenvectorOptions struct {
	// Weighted uses the link weights as the entries of the adjacency
	// matrix; otherwise every link counts 1.
	Weighted bool
}

// PageRankOptions controls PageRank.
type PageRankOptions struct {
	// Damping is the probability of following a link (NetworkX's alpha),
	// in (0, 1); 0 means DefaultDamping.
	Damping float64
	// Weighted chooses an out-link in proportion to its weight; otherwise
	// uniformly.
	Weighted bool
}

// CorenessOptions controls Coreness.
type CorenessOptions struct {
	// Weighted fits the link weights; otherwise every link counts 1.
	Weighted bool
}
