package alliance

import (
	"github.com/nexus-toolkit/nexus/analysis/graph"
	"github.com/nexus-toolkit/nexus/analysis/graph/layout"
)

// Layout places the alliance network for figure F1: layout.Stress with
// every link of length 1, so that plane distances follow the numbers of
// links between organizations.
func Layout(g *graph.Graph) ([]layout.Point, error) {
	return layout.Stress(g, layout.StressOptions{})
}
