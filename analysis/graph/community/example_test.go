package community_test

import (
	"fmt"

	"github.com/nexus-toolkit/nexus/analysis/graph"
	"github.com/nexus-toolkit/nexus/analysis/graph/community"
)

// Two triangles joined by one link split into two communities.
func ExampleLouvain() {
	var edges []graph.Edge
	for _, p := range [][2]string{{"a", "b"}, {"b", "c"}, {"c", "a"}, {"d", "e"}, {"e", "f"}, {"f", "d"}, {"c", "d"}} {
		edges = append(edges, graph.Edge{Source: p[0], Target: p[1]})
	}
	g, _ := graph.Build(nil, edges, graph.BuildOptions{})
	com := community.Louvain(g, community.LouvainOptions{Seed: 1})
	fmt.Println(com)
	fmt.Printf("%.4f\n", community.Modularity(g, com, community.ModularityOptions{}))
	// Output:
	// [0 0 0 1 1 1]
	// 0.3571
}
