package alliance

import (
	"slices"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/graph"
)

func TestSources(t *testing.T) {
	for _, c := range []struct {
		lists [][]string
		want  []string
		why   string
	}{
		{nil, nil, "no passage, no source"},
		{[][]string{nil}, []string{""}, "an uncited passage is the paper's own claim"},
		{[][]string{{"a"}, {"a", "b"}}, []string{"a", "b"}, "a key cited twice counts once"},
		{[][]string{{"a"}, nil, {"b"}, nil}, []string{"", "a", "b"}, "the paper counts once however many uncited passages"},
	} {
		if got := Sources(c.lists...); !slices.Equal(got, c.want) {
			t.Errorf("%s: Sources(%q) = %q, want %q", c.why, c.lists, got, c.want)
		}
	}
}

// TestSourceWeight: the network weight of a link is the number of
// independent sources of its rows, the count T3 prints for a dyad.
func TestSourceWeight(t *testing.T) {
	rows := []graph.Edge{{Refs: []string{"a"}}, {Refs: []string{"a", "b"}}, {}}
	if w := SourceWeight(rows); w != 3 {
		t.Errorf("SourceWeight = %v, want 3", w)
	}
	if w, n := SourceWeight(rows), len(Sources([]string{"a"}, []string{"a", "b"}, nil)); w != float64(n) {
		t.Errorf("SourceWeight %v and Sources %d disagree", w, n)
	}
}
