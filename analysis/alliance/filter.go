package alliance

import (
	"slices"

	"github.com/nexus-toolkit/nexus/analysis/graph"
	"github.com/nexus-toolkit/nexus/analysis/study"
)

// Filter selects the relations of a study that enter a network. The zero
// Filter keeps everything.
type Filter struct {
	// TieTypes keeps only relations whose TieType is listed; empty keeps
	// all.
	TieTypes []study.TieType
	// From and To keep only relations whose period overlaps the years
	// [From, To]; 0 leaves that end open. A relation with no start year is
	// taken to start at the beginning of time, one with no end year to be
	// still running.
	From, To int
	// Scope keeps only organizations of this scope ("study" or "example")
	// and the relations between them; "" keeps all.
	Scope study.Scope
	// Coding keeps only relations coded this way ("stated" or
	// "inferred"); "" keeps both.
	Coding study.Coding
	// Isolates keeps every organization of the scope as a node, also
	// those without a kept relation. Exports set it, so that a tool that
	// reads them computes its measures over every organization; the
	// paper's T4 leaves it off.
	Isolates bool
}

// The attributes FromStudy sets besides the generic fields of graph.Node
// (Group is the camp) and graph.Edge (Kind is the tie type).
const (
	ScopeAttr  = "scope"  // node: the organization's scope, "study" or "example"
	KindAttr   = "kind"   // node: the organization's kind (militant-group, faction, ...)
	CodingAttr = "coding" // edge: the relation's coding, "stated" or "inferred"
	VoiceAttr  = "voice"  // edge: who says the passage (study.Voice), "" when not recorded
)

// Keep reports whether the relation passes the filter's tie type, period
// and coding (the scope is a property of its endpoints).
func (f Filter) Keep(r study.Relation) bool {
	if len(f.TieTypes) > 0 && !slices.Contains(f.TieTypes, r.TieType) {
		return false
	}
	if f.Coding != "" && r.Coding != f.Coding {
		return false
	}
	if f.To != 0 && r.Start.Year != 0 && r.Start.Year > f.To {
		return false
	}
	if f.From != 0 && r.End.Year != 0 && r.End.Year < f.From {
		return false
	}
	return true
}

// FromStudy returns the nodes and edges of a study's alliance network
// under the filter. The nodes are the organizations (of the filter's
// scope) that are an endpoint of at least one kept relation, so isolates
// do not dilute normalised measures, or with f.Isolates every
// organization of the scope; edges are the kept relations in file
// order, each with its reference keys. A node's Group is its camp, and
// its Attrs hold its scope and kind; an edge's Kind is its tie type, and
// its Attrs hold its coding. Build them with BuildOptions (or
// graph.BuildOptions{LinkWeight: SourceWeight}) to weigh each tie by its
// number of independent sources.
func FromStudy(s *study.Study, f Filter) ([]graph.Node, []graph.Edge) {
	orgs := map[string]study.Organization{}
	for _, o := range s.Organizations {
		orgs[o.ID] = o
	}
	inScope := func(id string) bool {
		o, ok := orgs[id]
		return ok && (f.Scope == "" || o.Scope == f.Scope)
	}
	used := map[string]bool{}
	var edges []graph.Edge
	for _, r := range s.Relations {
		if !f.Keep(r) || !inScope(r.Source) || !inScope(r.Target) {
			continue
		}
		used[r.Source], used[r.Target] = true, true
		edges = append(edges, graph.Edge{
			ID: r.ID, Source: r.Source, Target: r.Target, Directed: r.Directed,
			Kind: string(r.TieType), Start: r.Start.String(), End: r.End.String(),
			Refs: slices.Clone(r.Evidence.Refs), Weight: 1,
			Attrs: map[string]string{CodingAttr: string(r.Coding), VoiceAttr: string(r.Voice)},
		})
	}
	var nodes []graph.Node
	for _, o := range s.Organizations {
		if used[o.ID] || (f.Isolates && inScope(o.ID)) {
			nodes = append(nodes, graph.Node{ID: o.ID, Name: o.Name, Group: string(o.Camp),
				Attrs: map[string]string{ScopeAttr: string(o.Scope), KindAttr: string(o.Kind)}})
		}
	}
	return nodes, edges
}
