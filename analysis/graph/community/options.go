package community

// LouvainOptions controls Louvain.
type LouvainOptions struct {
	// Seed seeds the order in which nodes are visited.
	Seed uint64
	// Weighted optimises weighted modularity.
	Weighted bool
}

// ModularityOptions controls Modularity.
type ModularityOptions struct {
	// Weighted counts link weights; otherwise every link counts 1.
	Weighted bool
}
