package network_test

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"nexus/analysis/network"
)

// A path a-b-c: b lies on the one shortest path between a and c.
func ExampleShortestPaths() {
	edges := []network.Edge{{Source: "a", Target: "b"}, {Source: "b", Target: "c"}}
	g, _ := network.Build(nil, edges, network.BuildOptions{})
	p := network.ShortestPaths(g, false)
	fmt.Println("raw (igraph):", p.BetweennessRaw)
	fmt.Println("normalised (NetworkX):", p.Betweenness)
	fmt.Println("closeness:", p.Closeness)
	// Output:
	// raw (igraph): [0 1 0]
	// normalised (NetworkX): [0 1 0]
	// closeness: [0.6666666666666666 1 0.6666666666666666]
}

// Two rows between the same pair collapse into one link weighted by its
// independent sources; a row without references counts as the paper.
func ExampleBuild() {
	edges := []network.Edge{
		{ID: "r1", Source: "ttp", Target: "aq", Refs: []string{"a2019", "b2020"}},
		{ID: "r2", Source: "aq", Target: "ttp", Refs: []string{"a2019"}},
		{ID: "r3", Source: "ttp", Target: "iskp"},
	}
	g, _ := network.Build(nil, edges, network.BuildOptions{Weighting: network.WeightSources})
	for _, l := range g.Links {
		fmt.Println(g.Nodes[l.U].ID, g.Nodes[l.V].ID, l.Weight, len(l.Rows))
	}
	// Output:
	// aq ttp 2 2
	// iskp ttp 1 1
}

// The values match NetworkX 3.6.1 (eigenvector_centrality_numpy, pagerank,
// harmonic_centrality) on the same graph to 1e-15.
func ExampleMetrics_WriteCSV() {
	edges, err := network.ReadEdgeCSV(strings.NewReader("source,target\na,b\nb,c\nc,a\nc,d\n"), "edges.csv", network.EdgeCSVOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	g, _ := network.Build(nil, edges, network.BuildOptions{})
	m, _ := network.Compute(g, network.Options{Seed: 1})
	m.WriteCSV(os.Stdout)
	// Output:
	// node,degree,in_degree,out_degree,strength,betweenness,betweenness_raw,closeness,harmonic,eigenvector,pagerank,core,coreness,community
	// a,2,2,2,2,0,0,0.75,2.5,0.5227207256439811,0.24592781858831025,2,0.425237494447974,0
	// b,2,2,2,2,0,0,0.75,2.5,0.5227207256439811,0.24592781858831025,2,0.42523749444797626,0
	// c,3,3,3,3,0.6666666666666666,2,1,3,0.6116284573553775,0.3667358671351013,2,0.763007743832059,1
	// d,1,1,1,1,0,0,0.6,2,0.28184519885486936,0.1414084956882782,1,0.23699225616784922,1
}

func ExampleReadEdgeCSV_errors() {
	_, err := network.ReadEdgeCSV(strings.NewReader("source,target,w\na,,1\nb,c,zero\n"), "edges.csv",
		network.EdgeCSVOptions{Weight: "w"})
	fmt.Println(err)
	// Output:
	// edges.csv:2:3: empty node id in column "target", expected a node id
	// edges.csv:3:5: bad weight: column "w" value "zero", expected a finite number > 0
}

// Weights whose sums overflow float64 give an error that names the
// measure, not Inf or NaN.
func ExampleCompute_overflow() {
	g, _ := network.Build(nil, []network.Edge{{Source: "a", Target: "b", Weight: 1e308}, {Source: "b", Target: "c", Weight: 1e308}},
		network.BuildOptions{Weighting: network.WeightSum})
	m, err := network.Compute(g, network.Options{Weighted: true})
	fmt.Println(m == nil, errors.Is(err, network.ErrOverflow))
	fmt.Println(err)
	// Output:
	// true true
	// network: weights overflow float64: strength: node "b": its link weights sum to +Inf; rescale the weights (divide them by a common factor)
}
