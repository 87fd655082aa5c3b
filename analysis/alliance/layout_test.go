package alliance

import (
	"slices"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/graph/layout"
)

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
