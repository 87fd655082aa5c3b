package export_test

import (
	"os"

	"github.com/nexus-toolkit/nexus/analysis/graph"
	"github.com/nexus-toolkit/nexus/analysis/graph/export"
)

// A graph with no attributes of its own exports its nodes' names and
// groups and, per link, the rows behind it and its weight (here their
// count).
func ExampleGeneric() {
	g, _ := graph.Build([]graph.Node{{ID: "a", Name: "Alpha", Group: "x"}, {ID: "b", Name: "Beta", Group: "y"}},
		[]graph.Edge{{ID: "e1", Source: "a", Target: "b"}, {ID: "e2", Source: "b", Target: "a"}},
		graph.BuildOptions{Weighting: graph.WeightCount})
	export.Write(os.Stdout, export.Generic(g), export.DOT)
	// Output:
	// graph "network" {
	//   "a" [label="Alpha", group="x"];
	//   "b" [label="Beta", group="y"];
	//   "a" -- "b" [rows="2", strength="2", distance="0.5"];
	// }
}
