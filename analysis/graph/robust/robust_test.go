package robust

import (
	"slices"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/graph"
	"github.com/nexus-toolkit/nexus/analysis/graph/network"
)

// fixture is a small network whose edges carry their sources: r1 rests
// on a2019 and b2020, r2 and r6 on a2019 alone, r4 on none.
func fixture(t *testing.T) ([]graph.Node, []graph.Edge) {
	t.Helper()
	nodes := []graph.Node{{ID: "aq"}, {ID: "ttp"}, {ID: "iskp"}, {ID: "jua"}, {ID: "lej"}, {ID: "ata"}}
	edges := []graph.Edge{
		{ID: "r1", Source: "ttp", Target: "aq", Refs: []string{"a2019", "b2020"}},
		{ID: "r2", Source: "aq", Target: "ttp", Refs: []string{"a2019"}},
		{ID: "r3", Source: "jua", Target: "iskp", Directed: true, Refs: []string{"c2021"}},
		{ID: "r4", Source: "jua", Target: "ttp", Directed: true},
		{ID: "r5", Source: "ttp", Target: "iskp", Refs: []string{"d2022"}},
		{ID: "r6", Source: "lej", Target: "ttp", Refs: []string{"a2019"}},
		{ID: "r7", Source: "ata", Target: "ttp", Refs: []string{"a2019", "e2023"}},
		{ID: "r8", Source: "ata", Target: "aq", Refs: []string{"e2023"}},
	}
	return nodes, edges
}

func TestLeaveOneOut(t *testing.T) {
	nodes, edges := fixture(t)
	r, err := LeaveOneOut(nodes, edges, Options{Compute: network.ComputeOptions{Seed: 1}})
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, d := range r.Drops {
		keys = append(keys, d.Source)
	}
	if want := []string{"a2019", "b2020", "c2021", "d2022", "e2023"}; !slices.Equal(keys, want) {
		t.Fatalf("sources %v, want %v", keys, want)
	}
	for _, d := range r.Drops {
		switch d.Source {
		case "a2019":
			// r2 (only a2019) and r6 go; r1 and r7 have other keys; lej-ttp disappears.
			if !slices.Equal(d.Rows, []string{"r2", "r6"}) || !slices.Equal(d.Links, []string{"lej-ttp"}) {
				t.Errorf("a2019: rows %v links %v", d.Rows, d.Links)
			}
			if d.Metrics.Degree[4] != 0 { // lej is isolated now but still a node
				t.Errorf("lej degree %d, want 0", d.Metrics.Degree[4])
			}
		case "b2020":
			if len(d.Rows) != 0 || len(d.Links) != 0 {
				t.Errorf("b2020 removes %v %v, want nothing (r1 also rests on a2019)", d.Rows, d.Links)
			}
			for _, c := range d.Top {
				if c.Changed() {
					t.Errorf("b2020: top five by %s changed: %+v", c.Measure, c)
				}
			}
			if len(d.Moved)+len(d.CoreLeft)+len(d.CoreJoined) != 0 {
				t.Errorf("b2020: memberships changed")
			}
		case "e2023":
			if !slices.Equal(d.Rows, []string{"r8"}) || !slices.Equal(d.Links, []string{"aq-ata"}) {
				t.Errorf("e2023: rows %v links %v", d.Rows, d.Links)
			}
		}
	}
}
