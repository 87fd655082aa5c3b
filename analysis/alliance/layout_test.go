package alliance

import (
	"slices"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/graph/layout"
)

// TestLayout: F1's layout is the stress layout, one position per node.
func TestLayout(t *testing.T) {
	g := fixture(t, false)
	pos, err := Layout(g)
	if err != nil {
		t.Fatal(err)
	}
	want, err := layout.Stress(g, layout.StressOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(pos, want) {
		t.Fatal("Layout differs from layout.Stress")
	}
	if len(pos) != g.N() {
		t.Fatalf("%d positions for %d nodes", len(pos), g.N())
	}
}
