package graph

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
)

// weighted builds an undirected WeightSum graph of the given edges
// "a-b" with the given weights.
func weighted(t *testing.T, directed bool, pairs []string, w []float64) (*Graph, error) {
	t.Helper()
	edges := make([]Edge, len(pairs))
	for i, p := range pairs {
		s, d, _ := strings.Cut(p, "-")
		edges[i] = Edge{ID: fmt.Sprint(i + 1), Source: s, Target: d, Directed: directed, Weight: w[i]}
	}
	return Build(nil, edges, BuildOptions{Directed: directed, Weighting: WeightSum})
}

// TestBadWeights: NaN, infinite, zero and negative weights are refused
// when the graph is built, and so is a link whose rows sum to +Inf.
func TestBadWeights(t *testing.T) {
	for _, w := range []float64{math.NaN(), math.Inf(1), math.Inf(-1), 0, -1} {
		_, err := weighted(t, false, []string{"a-b"}, []float64{w})
		if err == nil || !strings.Contains(err.Error(), "want a finite number > 0") {
			t.Errorf("weight %v: %v", w, err)
		}
	}
	_, err := weighted(t, false, []string{"a-b", "b-a"}, []float64{1e308, 1e308})
	if want := `graph: weights overflow float64: link "a" -- "b": the weights of its 2 rows sum to +Inf`; !errors.Is(err, ErrOverflow) || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("link overflow: %v, want %q", err, want)
	}
}

func TestBuildErrors(t *testing.T) {
	_, err := Build([]Node{{ID: "a"}, {ID: "a"}, {}}, []Edge{{Source: "a"}}, BuildOptions{})
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{`duplicate node id "a"`, "empty id", "edge 1"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%v lacks %q", err, want)
		}
	}
	g, err := Build(nil, []Edge{{Source: "a", Target: "a"}, {Source: "a", Target: "b"}}, BuildOptions{})
	if err != nil || g.SelfLoops != 1 || len(g.Links) != 1 {
		t.Errorf("self-loop: %v %+v", err, g)
	}
}

// TestLinkWeight: a LinkWeight sees the rows of each link in input order,
// and a weight that is not > 0 is refused.
func TestLinkWeight(t *testing.T) {
	edges := []Edge{{ID: "1", Source: "a", Target: "b"}, {ID: "2", Source: "b", Target: "a"}, {ID: "3", Source: "b", Target: "c"}}
	var seen []string
	g, err := Build(nil, edges, BuildOptions{LinkWeight: func(rows []Edge) float64 {
		for _, e := range rows {
			seen = append(seen, e.ID)
		}
		return float64(10 * len(rows))
	}})
	if err != nil || g.Links[0].Weight != 20 || g.Links[1].Weight != 10 || strings.Join(seen, ",") != "1,2,3" {
		t.Errorf("err %v, links %+v, rows seen %v", err, g.Links, seen)
	}
	for _, w := range []float64{0, -1, math.NaN()} {
		_, err := Build(nil, edges, BuildOptions{LinkWeight: func([]Edge) float64 { return w }})
		if err == nil || !strings.Contains(err.Error(), "want a finite number > 0") {
			t.Errorf("weight %v: %v", w, err)
		}
	}
	_, err = Build(nil, edges, BuildOptions{LinkWeight: func([]Edge) float64 { return math.Inf(1) }})
	if !errors.Is(err, ErrOverflow) {
		t.Errorf("+Inf: %v", err)
	}
}

func TestRandomEdgesRefusesTooMany(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("RandomEdges(3, 4, 1) did not panic")
		}
	}()
	RandomEdges(3, 4, 1)
}

// TestWeightMax: a tie stored in both directions of an undirected graph,
// or repeated, counts once with WeightMax and twice with WeightSum; rows
// that disagree give the largest weight.
func TestWeightMax(t *testing.T) {
	edges := []Edge{{Source: "a", Target: "b", Weight: 3}, {Source: "b", Target: "a", Weight: 3},
		{Source: "b", Target: "c", Weight: 1}, {Source: "b", Target: "c", Weight: 2}}
	for _, c := range []struct {
		w    Weighting
		want []float64
	}{{WeightMax, []float64{3, 2}}, {WeightSum, []float64{6, 3}}, {WeightCount, []float64{2, 2}}, {WeightOne, []float64{1, 1}}} {
		g, err := Build(nil, edges, BuildOptions{Weighting: c.w})
		if err != nil {
			t.Fatal(err)
		}
		for k, l := range g.Links {
			if l.Weight != c.want[k] {
				t.Errorf("weighting %d: link %d weighs %v, want %v", c.w, k, l.Weight, c.want[k])
			}
		}
	}
	if _, err := Build(nil, []Edge{{Source: "a", Target: "b", Weight: 0}}, BuildOptions{Weighting: WeightMax}); err == nil {
		t.Error("WeightMax accepts weight 0")
	}
}

// TestReweighted: Reweighted maps every link weight, in both CSR
// directions and in the views, and leaves g as it was.
func TestReweighted(t *testing.T) {
	edges := []Edge{{Source: "a", Target: "b", Directed: true, Weight: 2}, {Source: "b", Target: "a", Directed: true, Weight: 2},
		{Source: "b", Target: "c", Directed: true, Weight: 4}}
	g, err := Build(nil, edges, BuildOptions{Directed: true, Weighting: WeightSum})
	if err != nil {
		t.Fatal(err)
	}
	h := g.Reweighted(Reciprocal)
	for i := range g.N() {
		for j, w := range g.OutWeights(i) {
			if h.OutWeights(i)[j] != 1/w {
				t.Errorf("out %d: %v, want 1/%v", i, h.OutWeights(i)[j], w)
			}
		}
		for j, w := range g.InWeights(i) {
			if h.InWeights(i)[j] != 1/w {
				t.Errorf("in %d: %v, want 1/%v", i, h.InWeights(i)[j], w)
			}
		}
	}
	if g.Links[0].Weight != 2 {
		t.Errorf("g changed: %v", g.Links[0].Weight)
	}
	// The undirected view sums a <-> b to 4, then takes the reciprocal.
	if u := h.Undirected(); u.Links[0].Weight != 0.25 || u.Links[1].Weight != 0.25 {
		t.Errorf("undirected view of the reciprocal: %v, %v, want 0.25, 0.25", u.Links[0].Weight, u.Links[1].Weight)
	}
}
