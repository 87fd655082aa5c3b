package graph_test

import (
	"fmt"

	"github.com/nexus-toolkit/nexus/analysis/graph"
)

// Two rows between the same pair collapse into one link; WeightCount
// weighs it by its number of rows, and a LinkWeight of one's own can
// weigh it by anything its rows carry (here the distinct Refs).
func ExampleBuild() {
	edges := []graph.Edge{
		{ID: "r1", Source: "ttp", Target: "aq", Refs: []string{"a2019", "b2020"}},
		{ID: "r2", Source: "aq", Target: "ttp", Refs: []string{"a2019"}},
		{ID: "r3", Source: "ttp", Target: "iskp"},
	}
	g, _ := graph.Build(nil, edges, graph.BuildOptions{Weighting: graph.WeightCount})
	for _, l := range g.Links {
		fmt.Println(g.Nodes[l.U].ID, g.Nodes[l.V].ID, l.Weight, len(l.Rows))
	}
	distinctRefs := func(rows []graph.Edge) float64 {
		seen := map[string]bool{}
		for _, e := range rows {
			for _, k := range e.Refs {
				seen[k] = true
			}
		}
		return float64(max(1, len(seen)))
	}
	g, _ = graph.Build(nil, edges, graph.BuildOptions{LinkWeight: distinctRefs})
	fmt.Println(g.Links[0].Weight, g.Links[1].Weight)
	// Output:
	// aq ttp 2 2
	// iskp ttp 1 1
	// 2 1
}

// An undirected row gives two arcs in the directed view.
func ExampleGraph_DirectedView() {
	g, _ := graph.Build(nil, []graph.Edge{{Source: "a", Target: "b"}, {Source: "b", Target: "c", Directed: true}}, graph.BuildOptions{})
	d := g.DirectedView()
	fmt.Println(len(g.Links), len(d.Links), d.HasArc(1, 0), d.HasArc(2, 1))
	// Output:
	// 2 3 true false
}

func ExampleRandomEdges() {
	edges := graph.RandomEdges(1000, 4000, 1)
	g, _ := graph.Build(nil, edges, graph.BuildOptions{})
	fmt.Println(len(edges), g.N() <= 1000, len(g.Links))
	// Output:
	// 4000 true 4000
}

// A tie stored once in each direction of an undirected edge list counts
// once with WeightMax and twice with WeightSum.
func ExampleWeighting() {
	edges := []graph.Edge{{Source: "a", Target: "b", Weight: 3}, {Source: "b", Target: "a", Weight: 3}}
	for _, w := range []graph.Weighting{graph.WeightMax, graph.WeightSum} {
		g, _ := graph.Build(nil, edges, graph.BuildOptions{Weighting: w})
		fmt.Println(g.Links[0].Weight)
	}
	// Output:
	// 3
	// 6
}

// Reweighted with Reciprocal turns strengths into lengths: a tie of
// weight 4 becomes a path of length 0.25.
func ExampleGraph_Reweighted() {
	g, _ := graph.Build(nil, []graph.Edge{{Source: "a", Target: "b", Weight: 4}}, graph.BuildOptions{Weighting: graph.WeightSum})
	h := g.Reweighted(graph.Reciprocal)
	fmt.Println(g.Links[0].Weight, h.Links[0].Weight, h.OutWeights(0))
	// Output:
	// 4 0.25 [0.25]
}
