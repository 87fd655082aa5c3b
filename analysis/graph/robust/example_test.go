package robust_test

import (
	"fmt"

	"github.com/nexus-toolkit/nexus/analysis/graph"
	"github.com/nexus-toolkit/nexus/analysis/graph/network"
	"github.com/nexus-toolkit/nexus/analysis/graph/robust"
)

// Leaving out a2019 removes r2 only: r1 has b2020 besides, so the link
// a-b stays. Leaving out c2021 removes r3 and with it the link b-c.
func ExampleLeaveOneOut() {
	nodes := []graph.Node{{ID: "a"}, {ID: "b"}, {ID: "c"}}
	edges := []graph.Edge{
		{ID: "r1", Source: "a", Target: "b", Refs: []string{"a2019", "b2020"}},
		{ID: "r2", Source: "a", Target: "b", Refs: []string{"a2019"}},
		{ID: "r3", Source: "b", Target: "c", Refs: []string{"c2021"}},
	}
	r, _ := robust.LeaveOneOut(nodes, edges, robust.Options{Compute: network.ComputeOptions{Seed: 1}})
	for _, d := range r.Drops {
		fmt.Println(d.Source, d.Rows, d.Links)
	}
	// Output:
	// a2019 [r2] []
	// b2020 [] []
	// c2021 [r3] [b-c]
}
