package network

import (
	"math"
	"slices"
)

// Point is a position in the plane.
type Point struct{ X, Y float64 }

// Layout places the nodes of g (in node order) on concentric rings by
// k-core number, for figure F1: the main core in the centre, each lower
// core on the next ring outwards, isolated nodes on the outermost ring. A
// ring that holds a single node in the centre is the centre itself (radius
// 0); otherwise ring k has radius k+1. Around a ring, nodes are ordered
// by camp and then by ID, clockwise from the top, so the members of a camp
// sit together; every second ring is turned by half a step so that
// neighbouring rings do not line up. The layout depends only on the graph,
// so it is deterministic. Coordinates lie in [-R, R] for the outer radius
// R.
func Layout(g *Graph) []Point {
	n := g.N()
	pos := make([]Point, n)
	if n == 0 {
		return pos
	}
	core := CoreNumbers(g)
	levels := slices.Clone(core)
	slices.Sort(levels)
	levels = slices.Compact(levels)
	slices.Reverse(levels)
	shift := 1.0
	for ring, k := range levels {
		var members []int
		for i, c := range core {
			if c == k {
				members = append(members, i)
			}
		}
		slices.SortStableFunc(members, func(a, b int) int {
			if g.Nodes[a].Camp != g.Nodes[b].Camp {
				if g.Nodes[a].Camp < g.Nodes[b].Camp {
					return -1
				}
				return 1
			}
			return 0 // nodes are already in ID order
		})
		if ring == 0 && len(members) == 1 {
			shift = 0
			continue // pos is the origin
		}
		r := float64(ring) + shift
		step := 2 * math.Pi / float64(len(members))
		turn := 0.0
		if ring%2 == 1 {
			turn = step / 2
		}
		for j, i := range members {
			a := math.Pi/2 - turn - float64(j)*step
			pos[i] = Point{X: r * math.Cos(a), Y: r * math.Sin(a)}
		}
	}
	return pos
}
