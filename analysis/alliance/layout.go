package alliance

import (
	"github.com/nexus-toolkit/nexus/analysis/graph"
	"github.com/nexus-toolkit/nexus/analysis/graph/layout"
)

// Layout places the alliance network for figure F1: layout.CoreRings, the
// main k-core in the centre and each lower core on a ring further out,
// with the members of a camp (Node.Group, as FromStudy sets it) together.
func Layout(g *graph.Graph) []layout.Point { return layout.CoreRings(g) }
