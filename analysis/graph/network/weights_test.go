package network

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/graph"
)

// weighted builds an undirected WeightSum graph of the given edges
// "a-b" with the given weights.
func weighted(t *testing.T, directed bool, pairs []string, w []float64) (*graph.Graph, error) {
	t.Helper()
	edges := make([]graph.Edge, len(pairs))
	for i, p := range pairs {
		s, d, _ := strings.Cut(p, "-")
		edges[i] = graph.Edge{ID: fmt.Sprint(i + 1), Source: s, Target: d, Directed: directed, Weight: w[i]}
	}
	return graph.Build(nil, edges, graph.BuildOptions{Directed: directed, Weighting: graph.WeightSum})
}

// TestOverflow is the attack of issue 11: weights of 1e308 (and tiny
// ones) give an error that names the measure, never Inf or NaN.
func TestOverflow(t *testing.T) {
	chain := func(n int) []string {
		var p []string
		for i := 1; i < n; i++ {
			p = append(p, fmt.Sprintf("n%02d-n%02d", i-1, i))
		}
		return p
	}
	for _, tc := range []struct {
		name     string
		directed bool
		pairs    []string
		w        float64
		want     string
		lengths  Lengths
	}{
		{"strength", false, []string{"a-b", "b-c"}, 1e308, `strength: node "b": its link weights sum to +Inf`, Hops},
		{"strength-directed", true, []string{"a-b", "b-a"}, 1e308, `strength: node "a": its link weights sum to +Inf`, Hops},
		{"total", false, []string{"a-b", "c-d"}, 1e308, `strength: the link weights of all nodes sum to +Inf`, Hops},
		// 9 links of 5e306: strengths and the total are finite, but the
		// distances from an end of the chain sum to 2.25e308.
		{"closeness", false, chain(10), 5e306, `closeness: node "n00": NaN`, WeightLength},
		{"harmonic", false, chain(3), 5e-324, `: node "n00": +Inf`, WeightLength},
		// As strengths, a subnormal weight is an infinite distance.
		{"distance", false, chain(3), 5e-324, `distance: link "n00" -- "n01": 1/weight of 5e-324 is +Inf`, InverseWeight},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := make([]float64, len(tc.pairs))
			for i := range w {
				w[i] = tc.w
			}
			g, err := weighted(t, tc.directed, tc.pairs, w)
			if err != nil {
				t.Fatal(err)
			}
			m, err := Compute(g, ComputeOptions{Strength: true, Lengths: tc.lengths, Seed: 1})
			if !errors.Is(err, graph.ErrOverflow) || !strings.Contains(err.Error(), tc.want) || m != nil {
				t.Errorf("Compute: %v, %v; want graph.ErrOverflow and %q", m, err, tc.want)
			}
		})
	}
}

// TestLargeWeights: weights large (2^1000, about 1e301) or small
// (2^-1000) but without overflow give finite results, and the measures
// that do not depend on the scale of the weights (betweenness,
// eigenvector, PageRank, coreness, Louvain) equal those of the same graph
// with the weights divided by it. (The scales are powers of two so that
// sums of lengths tie exactly as they do unscaled: shortest paths tie
// only on equal float sums.)
func TestLargeWeights(t *testing.T) {
	pairs := []string{"a-b", "b-c", "c-a", "c-d", "d-e", "e-f", "f-d", "a-f"}
	base := []float64{1, 2, 1, 3, 1, 2, 1, 4}
	g1, err := weighted(t, false, pairs, base)
	if err != nil {
		t.Fatal(err)
	}
	m1, err := Compute(g1, ComputeOptions{Strength: true, Lengths: WeightLength, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, scale := range []float64{0x1p1000, 0x1p-1000} {
		w := make([]float64, len(base))
		for i := range w {
			w[i] = base[i] * scale
		}
		g, err := weighted(t, false, pairs, w)
		if err != nil {
			t.Fatal(err)
		}
		m, err := Compute(g, ComputeOptions{Strength: true, Lengths: WeightLength, Seed: 1})
		if err != nil {
			t.Fatalf("scale %g: %v", scale, err)
		}
		for _, c := range []struct {
			name   string
			got, w []float64
		}{
			{"betweenness", m.Betweenness, m1.Betweenness}, {"eigenvector", m.Eigenvector, m1.Eigenvector},
			{"pagerank", m.PageRank, m1.PageRank}, {"coreness", m.Coreness, m1.Coreness},
		} {
			for i := range c.got {
				if math.Abs(c.got[i]-c.w[i]) > 1e-9 {
					t.Errorf("scale %g: %s[%d] = %v, want %v", scale, c.name, i, c.got[i], c.w[i])
				}
			}
		}
		if !slices.Equal(m.Community, m1.Community) || math.Abs(m.Modularity-m1.Modularity) > 1e-12 {
			t.Errorf("scale %g: communities %v (Q %v), want %v (Q %v)", scale, m.Community, m.Modularity, m1.Community, m1.Modularity)
		}
		for i := range m.Closeness {
			// Closeness and harmonic are in 1/length: they scale.
			if r := m.Closeness[i] * scale / m1.Closeness[i]; math.Abs(r-1) > 1e-9 {
				t.Errorf("scale %g: closeness[%d] = %v, want %v/scale", scale, i, m.Closeness[i], m1.Closeness[i])
			}
		}
	}
}

func TestRank(t *testing.T) {
	got := Rank([]float64{0.5, 2, 0.5, 3})
	if want := []int{3, 2, 3, 1}; !slices.Equal(got, want) {
		t.Errorf("Rank = %v, want %v", got, want)
	}
}

// TestParallelRows: the karate club with every tie stored twice, once in
// each direction, gives the same measures as stored once when parallel
// rows are combined by graph.WeightMax, and a different strength (each
// tie twice) with graph.WeightSum.
func TestParallelRows(t *testing.T) {
	r := refKarate
	var once, twice []graph.Edge
	for i, e := range r.edges {
		once = append(once, graph.Edge{Source: e[0], Target: e[1], Weight: r.weights[i]})
		twice = append(twice, once[i], graph.Edge{Source: e[1], Target: e[0], Weight: r.weights[i]})
	}
	opt := ComputeOptions{Strength: true, Lengths: InverseWeight, Seed: 1}
	compute := func(edges []graph.Edge, w graph.Weighting) *Metrics {
		g, err := graph.Build(nil, edges, graph.BuildOptions{Weighting: w})
		if err != nil {
			t.Fatal(err)
		}
		m, err := Compute(g, opt)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	want := compute(once, graph.WeightMax)
	got := compute(twice, graph.WeightMax)
	for _, c := range [][2][]float64{{got.Strength, want.Strength}, {got.Betweenness, want.Betweenness},
		{got.Closeness, want.Closeness}, {got.Eigenvector, want.Eigenvector}, {got.PageRank, want.PageRank}} {
		if !slices.Equal(c[0], c[1]) {
			t.Errorf("stored twice: %v, want %v", c[0], c[1])
		}
	}
	if sum := compute(twice, graph.WeightSum); sum.Strength[0] != 2*want.Strength[0] {
		t.Errorf("WeightSum: strength of n00 %v, want twice %v", sum.Strength[0], want.Strength[0])
	}
}
