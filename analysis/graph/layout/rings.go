package layout

import (
	"math"
	"slices"

	"github.com/nexus-toolkit/nexus/analysis/graph"
	"github.com/nexus-toolkit/nexus/analysis/graph/network"
)

// Point is a position in the plane.
type Point struct{ X, Y float64 }

// CoreRings places the nodes of g (in node order) on concentric rings by
// k-core number: the main core in the centre, each lower core on the next
// ring outwards, isolated nodes on the outermost ring. A ring that holds a
// single node in the centre is the centre itself (radius 0); otherwise
// ring k has radius k+1.
//
// Angles are measured clockwise from the top. On the innermost ring,
// nodes are ordered by group (Node.Group) and then by ID, so the members
// of a group sit together. On every further ring, each node aims at the
// circular mean of the angles of its neighbours on the rings inside it (a
// barycentric ordering, which keeps a peripheral node next to the core it
// hangs on and its link short and radial); nodes are ordered by that
// angle, nodes without an inner neighbour last in group and ID order, and
// spaced evenly, the ring turned so the nodes land as close to their aims
// as the even spacing allows. The layout depends only on the graph, so it
// is deterministic. Coordinates lie in [-R, R] for the outer radius R.
func CoreRings(g *graph.Graph) []Point {
	n := g.N()
	pos := make([]Point, n)
	if n == 0 {
		return pos
	}
	core := network.CoreNumbers(g)
	levels := slices.Clone(core)
	slices.Sort(levels)
	levels = slices.Compact(levels)
	slices.Reverse(levels)
	placed := make([]bool, n)
	angle := make([]float64, n) // clockwise from the top, radians
	byGroup := func(a, b int) int {
		if g.Nodes[a].Group != g.Nodes[b].Group {
			if g.Nodes[a].Group < g.Nodes[b].Group {
				return -1
			}
			return 1
		}
		return a - b // nodes are in ID order
	}
	shift := 1.0
	for ring, k := range levels {
		var members []int
		for i, c := range core {
			if c == k {
				members = append(members, i)
			}
		}
		if ring == 0 && len(members) == 1 {
			shift = 0
			placed[members[0]] = true
			continue // pos is the origin
		}
		step := 2 * math.Pi / float64(len(members))
		offset := 0.0
		if ring == 0 || !anyPlaced(placed) {
			slices.SortStableFunc(members, byGroup)
		} else {
			aim := make(map[int]float64, len(members))
			for _, i := range members {
				if a, ok := meanNeighbourAngle(g, i, placed, angle); ok {
					aim[i] = a
				}
			}
			slices.SortStableFunc(members, func(a, b int) int {
				ta, oka := aim[a]
				tb, okb := aim[b]
				switch {
				case oka && okb && ta != tb:
					if ta < tb {
						return -1
					}
					return 1
				case oka != okb:
					if oka {
						return -1
					}
					return 1
				}
				return byGroup(a, b)
			})
			offset = bestOffset(members, aim, step)
		}
		r := float64(ring) + shift
		for j, i := range members {
			angle[i] = math.Mod(offset+float64(j)*step, 2*math.Pi)
			a := math.Pi/2 - angle[i]
			pos[i] = Point{X: r * math.Cos(a), Y: r * math.Sin(a)}
		}
		for _, i := range members {
			placed[i] = true
		}
	}
	return pos
}

func anyPlaced(placed []bool) bool {
	return slices.Contains(placed, true)
}

// meanNeighbourAngle is the circular mean of the angles of the placed
// neighbours of node i, in [0, 2π).
func meanNeighbourAngle(g *graph.Graph, i int, placed []bool, angle []float64) (float64, bool) {
	var sx, sy float64
	count := 0
	visit := func(nb []int32) {
		for _, j := range nb {
			if placed[j] {
				sx += math.Cos(angle[j])
				sy += math.Sin(angle[j])
				count++
			}
		}
	}
	visit(g.Out(i))
	if g.Directed {
		visit(g.In(i))
	}
	if count == 0 || math.Hypot(sx, sy) < 1e-12 {
		return 0, false
	}
	a := math.Atan2(sy, sx)
	if a < 0 {
		a += 2 * math.Pi
	}
	return a, true
}

// bestOffset chooses the turn of a ring whose members sit at offset +
// j*step so that the members with an aim are as close to it as possible
// (least total circular distance). Candidates are the turns that put one
// member exactly on its aim; the first best one wins.
func bestOffset(members []int, aim map[int]float64, step float64) float64 {
	dist := func(a, b float64) float64 {
		d := math.Mod(math.Abs(a-b), 2*math.Pi)
		return math.Min(d, 2*math.Pi-d)
	}
	best, bestCost := 0.0, math.Inf(1)
	for j, i := range members {
		t, ok := aim[i]
		if !ok {
			continue
		}
		off := t - float64(j)*step
		cost := 0.0
		for jj, ii := range members {
			if tt, ok := aim[ii]; ok {
				cost += dist(off+float64(jj)*step, tt)
			}
		}
		if cost < bestCost-1e-12 {
			best, bestCost = off, cost
		}
	}
	return math.Mod(best+4*math.Pi, 2*math.Pi)
}
