package network

import (
	"errors"
	"fmt"
	"math"
	"slices"
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
	if want := `network: weights overflow float64: link "a" -- "b": the weights of its 2 rows sum to +Inf`; !errors.Is(err, ErrOverflow) || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("link overflow: %v, want %q", err, want)
	}
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
	}{
		{"strength", false, []string{"a-b", "b-c"}, 1e308, `strength: node "b": its link weights sum to +Inf`},
		{"strength-directed", true, []string{"a-b", "b-a"}, 1e308, `strength: node "a": its link weights sum to +Inf`},
		{"total", false, []string{"a-b", "c-d"}, 1e308, `strength: the link weights of all nodes sum to +Inf`},
		// 9 links of 5e306: strengths and the total are finite, but the
		// distances from an end of the chain sum to 2.25e308.
		{"closeness", false, chain(10), 5e306, `closeness: node "n00": NaN`},
		{"harmonic", false, chain(3), 5e-324, `: node "n00": +Inf`},
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
			m, err := Compute(g, Options{Weighted: true, Seed: 1})
			if !errors.Is(err, ErrOverflow) || !strings.Contains(err.Error(), tc.want) || m != nil {
				t.Errorf("Compute: %v, %v; want ErrOverflow and %q", m, err, tc.want)
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
	m1, err := Compute(g1, Options{Weighted: true, Seed: 1})
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
		m, err := Compute(g, Options{Weighted: true, Seed: 1})
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

// TestDOTControl: a NUL or other control character in an ID or an
// attribute makes WriteDOT fail and write nothing; tab and line feed pass.
func TestDOTControl(t *testing.T) {
	for _, tc := range []struct {
		node, name string
		want       string
	}{
		{"a\x00b", "", `network: dot: node "a\x00b": id "a\x00b" holds the control character U+0000, which dot cannot carry`},
		{"a", "x\x1by", `network: dot: node "a": name "x\x1by" holds the control character U+001B, which dot cannot carry`},
		{"a", "x\u0085y", `U+0085`},
		{"a", "tab\there\nline", ""},
	} {
		g, err := Build([]Node{{ID: tc.node, Name: tc.name}, {ID: "z"}}, []Edge{{Source: tc.node, Target: "z"}}, BuildOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		err = NewDoc(g).WriteDOT(&b)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%q: %v", tc.name, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want) || b.Len() > 0):
			t.Errorf("%q %q: err %v, wrote %d bytes; want %q", tc.node, tc.name, err, b.Len(), tc.want)
		}
	}
}
