package path_test

import (
	"fmt"

	"github.com/nexus-toolkit/nexus/analysis/graph"
	"github.com/nexus-toolkit/nexus/analysis/graph/path"
)

// A path a-b-c: b lies on the one shortest path between a and c.
func ExampleShortestPaths() {
	edges := []graph.Edge{{Source: "a", Target: "b"}, {Source: "b", Target: "c"}}
	g, _ := graph.Build(nil, edges, graph.BuildOptions{})
	p := path.ShortestPaths(g, path.Options{Weighted: false})
	fmt.Println("raw (igraph):", p.BetweennessRaw)
	fmt.Println("normalised (NetworkX):", p.Betweenness)
	fmt.Println("closeness:", p.Closeness)
	// Output:
	// raw (igraph): [0 1 0]
	// normalised (NetworkX): [0 1 0]
	// closeness: [0.6666666666666666 1 0.6666666666666666]
}

// With Weighted, a link's weight is its length: the detour a-c-b of
// length 2 beats the direct link of length 5.
func ExampleShortestPaths_weighted() {
	edges := []graph.Edge{{Source: "a", Target: "b", Weight: 5}, {Source: "a", Target: "c", Weight: 1}, {Source: "c", Target: "b", Weight: 1}}
	g, _ := graph.Build(nil, edges, graph.BuildOptions{Weighting: graph.WeightSum})
	p := path.ShortestPaths(g, path.Options{Weighted: true})
	fmt.Println(p.BetweennessRaw)
	// Output:
	// [0 0 1]
}
