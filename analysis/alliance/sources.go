package alliance

import (
	"slices"
	"strings"

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

// UncitedKey is the source key Sources counts for a passage that cites
// nothing, by who says it (study.Voice): "(authors)" for the authors' own
// prose, "(respondent)" for interview data, so the authors count as one
// source and the respondents as another. A dataset that does not record
// the voice (versions before 1.2.0) gives "", the paper itself. No
// reference key starts with "(", so none collides with one.
func UncitedKey(v study.Voice) string {
	switch v {
	case study.VoiceAuthors, study.VoiceRespondent:
		return "(" + string(v) + ")"
	}
	return ""
}

// IsReference reports whether a key of Sources is a reference key, not
// the key of uncited passages (UncitedKey).
func IsReference(key string) bool { return key != "" && !strings.HasPrefix(key, "(") }

// PassageKeys returns what Sources counts for one passage: its reference
// keys, or when it cites none, the UncitedKey of its voice.
func PassageKeys(refs []string, v study.Voice) []string {
	if len(refs) > 0 {
		return refs
	}
	return []string{UncitedKey(v)}
}

// RelationSources returns the Sources of relations, each passage counted
// by PassageKeys.
func RelationSources(rels []study.Relation) []string {
	lists := make([][]string, len(rels))
	for i, r := range rels {
		lists[i] = PassageKeys(r.Evidence.Refs, r.Voice)
	}
	return Sources(lists...)
}

// EdgeSources returns the Sources of rows, each row counted by
// PassageKeys with the voice of its VoiceAttr.
func EdgeSources(rows []graph.Edge) []string {
	lists := make([][]string, len(rows))
	for i, e := range rows {
		lists[i] = PassageKeys(e.Refs, study.Voice(e.Attrs[VoiceAttr]))
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
