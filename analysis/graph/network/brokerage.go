package network

import (
	"github.com/nexus-toolkit/nexus/analysis/graph"
)

// Roles counts the Gould and Fernandez (1989) brokerage roles of one node
// b: the open two-paths a -> b -> c (a, b, c distinct, no arc a -> c), by
// the groups of a, b and c.
type Roles struct {
	Coordinator    int // a, b and c in one group
	Itinerant      int // a and c in one group, b in another (consultant)
	Representative int // a and b in one group, c in another
	Gatekeeper     int // b and c in one group, a in another
	Liaison        int // a, b and c in three groups
}

// Total is the number of open two-paths through the node.
func (r Roles) Total() int {
	return r.Coordinator + r.Itinerant + r.Representative + r.Gatekeeper + r.Liaison
}

// Brokerage returns the Gould-Fernandez roles of every node on the
// directed view of g (an undirected link counts both ways), where group[i]
// is the group of node i (Node.Group, as Compute passes it). As in
// UCINET's and statnet's brokerage, a two-path a -> b -> c counts only
// when there is no arc a -> c. An empty group is a group of its own name
// "" like any other.
func Brokerage(g *graph.Graph, group []string) []Roles {
	d := g.DirectedView()
	roles := make([]Roles, d.N())
	for b := range roles {
		gb := group[b]
		for _, a := range d.In(b) {
			ga := group[a]
			for _, c := range d.Out(b) {
				if c == a || d.HasArc(int(a), int(c)) {
					continue
				}
				gc := group[c]
				r := &roles[b]
				switch {
				case ga == gb && gb == gc:
					r.Coordinator++
				case ga == gc:
					r.Itinerant++
				case ga == gb:
					r.Representative++
				case gb == gc:
					r.Gatekeeper++
				default:
					r.Liaison++
				}
			}
		}
	}
	return roles
}
