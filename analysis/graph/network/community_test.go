package network

import (
	"math"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/graph"
	"github.com/nexus-toolkit/nexus/analysis/graph/community"
)

func TestModularityMatchesNetworkX(t *testing.T) {
	g := refKarate.graph(t)
	com := make([]int, g.N())
	for c, members := range karateClub {
		for _, id := range members {
			i, _ := g.Index(id)
			com[i] = c
		}
	}
	if q := community.Modularity(g, com, community.ModularityOptions{}); math.Abs(q-karateClubModularity) > tol {
		t.Errorf("modularity = %.17g, want %.17g", q, karateClubModularity)
	}
	if q := community.Modularity(g, com, community.ModularityOptions{Weighted: true}); math.Abs(q-karateClubModularityW) > tol {
		t.Errorf("weighted modularity = %.17g, want %.17g", q, karateClubModularityW)
	}
}

// TestLouvainModularity checks that Louvain reaches a modularity close to
// NetworkX's for the same seed. The partitions need not be equal: the
// random streams of Go and Python differ.
func TestLouvainModularity(t *testing.T) {
	for _, c := range []struct {
		name     string
		ref      reference
		weighted bool
	}{
		// nx.community.louvain_communities uses weight="weight" by default,
		// and the karate club has weights.
		{"karate", refKarate, true},
		{"florentine", refFlorentine, false},
		{"disconnected", refDisconnected, false},
	} {
		g := c.ref.graph(t)
		com := community.Louvain(g, community.LouvainOptions{Seed: 1, Weighted: c.weighted})
		q := community.Modularity(g, com, community.ModularityOptions{Weighted: c.weighted})
		if q < c.ref.louvainModularity-0.01 {
			t.Errorf("%s: modularity %.6f, NetworkX reaches %.6f", c.name, q, c.ref.louvainModularity)
		}
		again := community.Louvain(g, community.LouvainOptions{Seed: 1, Weighted: c.weighted})
		for i := range com {
			if com[i] != again[i] {
				t.Fatalf("%s: Louvain is not deterministic", c.name)
			}
		}
		if com[0] != 0 {
			t.Errorf("%s: first node in community %d, want 0", c.name, com[0])
		}
	}
}

func TestBrokerage(t *testing.T) {
	// Groups are the first letter of the id; the expected roles are
	// counted by hand below.
	edges := []graph.Edge{
		{Source: "a1", Target: "b1", Directed: true},
		{Source: "b1", Target: "a2", Directed: true},
		{Source: "a1", Target: "a2", Directed: true},
		{Source: "a2", Target: "a3", Directed: true},
		{Source: "c1", Target: "a1", Directed: true},
		{Source: "a3", Target: "b2", Directed: true},
		{Source: "b2", Target: "b3", Directed: true},
	}
	g, err := graph.Build(nil, edges, graph.BuildOptions{Directed: true})
	if err != nil {
		t.Fatal(err)
	}
	group := make([]string, g.N())
	for i, n := range g.Nodes {
		group[i] = n.ID[:1]
	}
	got := map[string]Roles{}
	for i, r := range Brokerage(g, group) {
		got[g.Nodes[i].ID] = r
	}
	want := map[string]Roles{
		// c1 -> a1 -> b1 (liaison), c1 -> a1 -> a2 (gatekeeper)
		"a1": {Liaison: 1, Gatekeeper: 1},
		// b1 -> a2 -> a3 (gatekeeper), a1 -> a2 -> a3 (coordinator)
		"a2": {Gatekeeper: 1, Coordinator: 1},
		// a2 -> a3 -> b2 (representative)
		"a3": {Representative: 1},
		// a1 -> b1 -> a2 is closed by a1 -> a2: not counted
		"b1": {},
		// a3 -> b2 -> b3 (gatekeeper)
		"b2": {Gatekeeper: 1},
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: %+v, want %+v", id, got[id], w)
		}
	}
	if n := got["c1"].Total() + got["b3"].Total(); n != 0 {
		t.Errorf("ends of paths broker %d paths", n)
	}
}

// TestCorenessStationary checks that the coreness vector minimises the
// Borgatti-Everett loss: every coordinate is its own least-squares optimum
// (up to the unit-norm scaling).
func TestCorenessStationary(t *testing.T) {
	g := refKarate.graph(t)
	c := Coreness(g, CorenessOptions{})
	// Undo the scaling: the fitted vector is s*c with s^2 = c.A.c / ((c.c)^2 - sum c^4).
	var cac, c4 float64
	for i := 0; i < g.N(); i++ {
		for _, v := range g.Out(i) {
			cac += c[i] * c[v]
		}
		c4 += c[i] * c[i] * c[i] * c[i]
	}
	s := math.Sqrt(cac / (1 - c4))
	f := make([]float64, len(c))
	sq := 0.0
	for i := range c {
		f[i] = s * c[i]
		sq += f[i] * f[i]
	}
	for i := 0; i < g.N(); i++ {
		num := 0.0
		for _, v := range g.Out(i) {
			num += f[v]
		}
		if opt := num / (sq - f[i]*f[i]); math.Abs(opt-f[i]) > 1e-9 {
			t.Errorf("c[%d] = %.12g, optimum %.12g", i, f[i], opt)
		}
	}
	// The two leaders of the club are the most core nodes.
	best, second := -1, -1
	for i := range c {
		if best < 0 || c[i] > c[best] {
			best, second = i, best
		} else if second < 0 || c[i] > c[second] {
			second = i
		}
	}
	if g.Nodes[best].ID != "n33" && g.Nodes[best].ID != "n00" {
		t.Errorf("most core node %s, want n00 or n33", g.Nodes[best].ID)
	}
}
