package network_test

import (
	"errors"
	"fmt"
	"os"

	"github.com/nexus-toolkit/nexus/analysis/graph"
	"github.com/nexus-toolkit/nexus/analysis/graph/network"
)

// PageRank with NetworkX's default damping; the options name what a
// positional argument would not.
func ExamplePageRank() {
	edges := []graph.Edge{{Source: "a", Target: "b", Directed: true}, {Source: "b", Target: "c", Directed: true}, {Source: "c", Target: "a", Directed: true}}
	g, _ := graph.Build(nil, edges, graph.BuildOptions{Directed: true})
	pr, err := network.PageRank(g, network.PageRankOptions{Damping: network.DefaultDamping})
	fmt.Printf("%.4f %v\n", pr, err)
	// Output:
	// [0.3333 0.3333 0.3333] <nil>
}

// The values match NetworkX 3.6.1 (eigenvector_centrality_numpy, pagerank,
// harmonic_centrality) on the same graph to 1e-15.
func ExampleMetrics_WriteCSV() {
	edges := []graph.Edge{{Source: "a", Target: "b"}, {Source: "b", Target: "c"}, {Source: "c", Target: "a"}, {Source: "c", Target: "d"}}
	g, _ := graph.Build(nil, edges, graph.BuildOptions{})
	m, _ := network.Compute(g, network.ComputeOptions{Seed: 1})
	m.WriteCSV(os.Stdout)
	// Output:
	// node,degree,in_degree,out_degree,strength,betweenness,betweenness_raw,closeness,harmonic,eigenvector,pagerank,core_number,core_periphery,community
	// a,2,2,2,2,0,0,0.75,2.5,0.5227207256439811,0.24592781858831025,2,0.425237494447974,0
	// b,2,2,2,2,0,0,0.75,2.5,0.5227207256439811,0.24592781858831025,2,0.42523749444797626,0
	// c,3,3,3,3,0.6666666666666666,2,1,3,0.6116284573553775,0.3667358671351013,2,0.763007743832059,1
	// d,1,1,1,1,0,0,0.6,2,0.28184519885486936,0.1414084956882782,1,0.23699225616784922,1
}

// Weights whose sums overflow float64 give an error that names the
// measure, not Inf or NaN.
func ExampleCompute_overflow() {
	g, _ := graph.Build(nil, []graph.Edge{{Source: "a", Target: "b", Weight: 1e308}, {Source: "b", Target: "c", Weight: 1e308}},
		graph.BuildOptions{Weighting: graph.WeightSum})
	m, err := network.Compute(g, network.ComputeOptions{Strength: true})
	fmt.Println(m == nil, errors.Is(err, graph.ErrOverflow))
	fmt.Println(err)
	// Output:
	// true true
	// graph: weights overflow float64: strength: node "b": its link weights sum to +Inf; rescale the weights (divide them by a common factor)
}

// A strong tie is a short path with InverseWeight and a long one with
// WeightLength. On the triangle a, b, c, where a-b and b-c have weight 3
// (three sources each) and a-c weight 1, the shortest path from a to c
// runs through b only when lengths are 1/weight (2/3 < 1).
func ExampleComputeOptions() {
	edges := []graph.Edge{{Source: "a", Target: "b", Weight: 3}, {Source: "b", Target: "c", Weight: 3}, {Source: "a", Target: "c", Weight: 1}}
	g, _ := graph.Build(nil, edges, graph.BuildOptions{Weighting: graph.WeightMax})
	for _, l := range []network.Lengths{network.Hops, network.InverseWeight, network.WeightLength} {
		m, _ := network.Compute(g, network.ComputeOptions{Strength: true, Lengths: l})
		fmt.Printf("%-7s betweenness_raw of b: %v\n", l, m.BetweennessRaw[1])
	}
	// Output:
	// hops    betweenness_raw of b: 0
	// inverse betweenness_raw of b: 1
	// weight  betweenness_raw of b: 0
}

// Rank gives equal values the best rank they share.
func ExampleRank() {
	fmt.Println(network.Rank([]float64{0.5, 0.9, 0.5, 0.1}))
	// Output:
	// [2 1 2 4]
}

// Gould-Fernandez roles of b on the chain a -> b -> c, by group.
func ExampleBrokerage() {
	edges := []graph.Edge{{Source: "a", Target: "b", Directed: true}, {Source: "b", Target: "c", Directed: true}}
	g, _ := graph.Build(nil, edges, graph.BuildOptions{Directed: true})
	fmt.Printf("%+v\n", network.Brokerage(g, []string{"x", "y", "y"})[1])
	// Output:
	// {Coordinator:0 Itinerant:0 Representative:0 Gatekeeper:1 Liaison:0}
}
