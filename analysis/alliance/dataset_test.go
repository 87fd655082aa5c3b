package alliance

import (
	"slices"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/graph"
	"github.com/nexus-toolkit/nexus/analysis/study"
)

func testStudy() *study.Study {
	y := func(year int) study.Date { return study.Date{Year: year} }
	ev := func(refs ...string) study.Evidence { return study.Evidence{Page: 1, Refs: refs} }
	return &study.Study{
		Organizations: []study.Organization{
			{ID: "ttp", Name: "TTP", Scope: "study", Camp: "ttp"},
			{ID: "aq", Name: "al-Qaeda", Scope: "study", Camp: "aq"},
			{ID: "iskp", Name: "ISKP", Scope: "study", Camp: "is"},
			{ID: "lej", Name: "LeJ", Scope: "example", Camp: "other"},
			{ID: "lonely", Name: "No ties", Scope: "study"},
		},
		Relations: []study.Relation{
			{ID: "r1", Source: "ttp", Target: "aq", TieType: "alliance", Start: y(2007), Coding: "stated", Evidence: ev("a", "b")},
			{ID: "r2", Source: "aq", Target: "ttp", TieType: "alliance", Start: y(2009), End: y(2014), Coding: "inferred", Evidence: ev("a")},
			{ID: "r3", Source: "ttp", Target: "iskp", TieType: "rivalry", Start: y(2015), Coding: "stated", Evidence: ev()},
			{ID: "r4", Source: "lej", Target: "ttp", TieType: "alliance", Directed: true, End: y(2010), Coding: "inferred", Evidence: ev("c")},
		},
	}
}

func TestFromStudy(t *testing.T) {
	s := testStudy()
	ids := func(edges []graph.Edge) []string {
		var out []string
		for _, e := range edges {
			out = append(out, e.ID)
		}
		return out
	}
	for _, c := range []struct {
		name  string
		f     Filter
		edges []string
		nodes int
	}{
		{"all", Filter{}, []string{"r1", "r2", "r3", "r4"}, 4},
		{"alliances", Filter{TieTypes: []study.TieType{study.Alliance}}, []string{"r1", "r2", "r4"}, 3},
		{"stated", Filter{Coding: "stated"}, []string{"r1", "r3"}, 3},
		{"study scope", Filter{Scope: "study"}, []string{"r1", "r2", "r3"}, 3},
		{"from 2011", Filter{From: 2011}, []string{"r1", "r2", "r3"}, 3},
		{"to 2008", Filter{To: 2008}, []string{"r1", "r4"}, 3},
		{"2012-2013", Filter{From: 2012, To: 2013}, []string{"r1", "r2"}, 2},
		// With Isolates every organization of the scope stays: "lonely"
		// has no tie, iskp none from 2012 to 2013, lej is out of scope.
		{"isolates", Filter{Isolates: true}, []string{"r1", "r2", "r3", "r4"}, 5},
		{"isolates 2012-2013 study", Filter{From: 2012, To: 2013, Scope: "study", Isolates: true}, []string{"r1", "r2"}, 4},
	} {
		nodes, edges := FromStudy(s, c.f)
		if got := ids(edges); !slices.Equal(got, c.edges) {
			t.Errorf("%s: edges %v, want %v", c.name, got, c.edges)
		}
		if len(nodes) != c.nodes {
			t.Errorf("%s: %d nodes, want %d", c.name, len(nodes), c.nodes)
		}
	}
	nodes, edges := FromStudy(s, Filter{})
	g, err := graph.Build(nodes, edges, BuildOptions(NetworkOptions{}))
	if err != nil {
		t.Fatal(err)
	}
	// aq-ttp rests on a and b; iskp-ttp on the paper alone.
	want := map[string]float64{"aq-ttp": 2, "iskp-ttp": 1, "lej-ttp": 1}
	for _, l := range g.Links {
		name := g.Nodes[l.U].ID + "-" + g.Nodes[l.V].ID
		if l.Weight != want[name] {
			t.Errorf("%s weight %g, want %g", name, l.Weight, want[name])
		}
	}
	if edges[1].Start != "2009" || edges[1].End != "2014" || edges[3].Start != "" {
		t.Errorf("periods %q-%q, %q", edges[1].Start, edges[1].End, edges[3].Start)
	}
	d := g.DirectedView()
	lej, _ := d.Index("lej")
	ttp, _ := d.Index("ttp")
	if !d.HasArc(lej, ttp) || d.HasArc(ttp, lej) || len(d.Links) != 5 {
		t.Errorf("directed view: %d links", len(d.Links))
	}
}
