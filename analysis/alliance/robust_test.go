package alliance

import (
	"slices"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/graph/layout"
	"github.com/nexus-toolkit/nexus/analysis/graph/network"
)

func TestLeaveOneOut(t *testing.T) {
	g := fixture(t, false)
	r, err := LeaveOneOut(g.Nodes, g.Edges(), RobustOptions{Build: BuildOptions(NetworkOptions{}), Compute: network.ComputeOptions{Seed: 1}})
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

// TestLayout: F1's layout is the core-ring layout with the camps as
// groups, so the members of a camp sit together on the inner ring.
func TestLayout(t *testing.T) {
	g := fixture(t, false)
	pos := Layout(g)
	if !slices.Equal(pos, layout.CoreRings(g)) {
		t.Fatal("Layout differs from layout.CoreRings")
	}
	if len(pos) != g.N() {
		t.Fatalf("%d positions for %d nodes", len(pos), g.N())
	}
}
