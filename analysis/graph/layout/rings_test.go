package layout

import (
	"math"
	"slices"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/graph"
	"github.com/nexus-toolkit/nexus/analysis/graph/network"
)

func TestCoreRings(t *testing.T) {
	g, err := graph.Build(nil, graph.RandomEdges(60, 150, 3), graph.BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	pos := CoreRings(g)
	core := network.CoreNumbers(g)
	if slices.Min(core) == slices.Max(core) {
		t.Fatal("the test graph has a single k-core level")
	}
	radius := func(i int) float64 { return math.Hypot(pos[i].X, pos[i].Y) }
	for i := range pos {
		for j := range pos {
			if core[i] > core[j] && radius(i) >= radius(j) {
				t.Fatalf("node %d (core %d) at radius %g is not inside node %d (core %d) at %g", i, core[i], radius(i), j, core[j], radius(j))
			}
			if i < j && pos[i] == pos[j] {
				t.Fatalf("nodes %d and %d overlap", i, j)
			}
		}
	}
	again := CoreRings(g)
	if !slices.Equal(pos, again) {
		t.Error("layout is not deterministic")
	}
}
