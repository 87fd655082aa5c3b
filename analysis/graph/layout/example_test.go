package layout_test

import (
	"fmt"
	"log"
	"math"

	"github.com/nexus-toolkit/nexus/analysis/graph"
	"github.com/nexus-toolkit/nexus/analysis/graph/layout"
)

// ExampleStress lays out a square with one diagonal. No drawing gets
// every distance right (the ends of the missing diagonal are two links
// apart, the sides one), so the layout is the rhombus of least stress: a
// grid search over the rhombus's two diagonals p and q, minimising
// 4(s−1)² + (p−1)² + (q−2)²/4 with s = ½√(p²+q²), finds the same
// p = 0.974, q = 1.809, s = 1.027 and stress 0.0128.
func ExampleStress() {
	var edges []graph.Edge
	for _, p := range [][2]string{{"a", "b"}, {"b", "c"}, {"c", "d"}, {"d", "a"}, {"a", "c"}} {
		edges = append(edges, graph.Edge{Source: p[0], Target: p[1], Weight: 1})
	}
	g, err := graph.Build(nil, edges, graph.BuildOptions{})
	if err != nil {
		log.Fatal(err)
	}
	pos, err := layout.Stress(g, layout.StressOptions{})
	if err != nil {
		log.Fatal(err)
	}
	length := func(u, v int) float64 { return math.Hypot(pos[u].X-pos[v].X, pos[u].Y-pos[v].Y) }
	fmt.Printf("side a-b %.3f, diagonal a-c %.3f, b-d %.3f\n", length(0, 1), length(0, 2), length(1, 3))
	e, _ := layout.Energy(g, pos, layout.StressOptions{})
	fmt.Printf("stress %.4f\n", e)
	// Output:
	// side a-b 1.027, diagonal a-c 0.974, b-d 1.809
	// stress 0.0128
}
