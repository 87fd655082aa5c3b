package alliance

import (
	"slices"

	"github.com/nexus-toolkit/nexus/analysis/graph"
	"github.com/nexus-toolkit/nexus/analysis/study"
)

// Sources returns the independent sources behind a set of rows, given the
// reference keys of each row: the distinct keys, sorted, where a row with
// no keys counts as one source, the paper itself, written as the empty
// key "" (once, however many such rows). So rows {a}, {a, b} and {}
// give ["", "a", "b"]: three sources.
//
// It is the one definition of "independent sources" in the compendium:
// T3 counts the sources of each dyad with it, and SourceWeight weighs
// each link of the alliance network by it.
func Sources(refLists ...[]string) []string {
	var keys []string
	for _, refs := range refLists {
		if len(refs) == 0 {
			keys = append(keys, "")
		}
		keys = append(keys, refs...)
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// EdgeSources returns the Sources of the Refs of rows.
func EdgeSources(rows []graph.Edge) []string {
	lists := make([][]string, len(rows))
	for i, e := range rows {
		lists[i] = e.Refs
	}
	return Sources(lists...)
}

// SourceWeight is a graph.BuildOptions.LinkWeight: a link weighs the
// number of independent sources behind its rows (see Sources).
func SourceWeight(rows []graph.Edge) float64 {
	return float64(len(EdgeSources(rows)))
}

// BuildOptions returns the options that build the alliance network, with
// each link weighted by its independent sources (SourceWeight), directed
// or not as given by opt.
func BuildOptions(opt NetworkOptions) graph.BuildOptions {
	return graph.BuildOptions{Directed: opt.Directed, LinkWeight: SourceWeight}
}

// NetworkOptions controls Build and BuildOptions.
type NetworkOptions struct {
	// Directed builds the directed view: a directed relation gives one
	// arc, an undirected one two.
	Directed bool
}

// Build returns the alliance network of s under the filter: the nodes and
// edges of FromStudy, each link weighted by its independent sources.
func Build(s *study.Study, f Filter, opt NetworkOptions) (*graph.Graph, error) {
	nodes, edges := FromStudy(s, f)
	return graph.Build(nodes, edges, BuildOptions(opt))
}
