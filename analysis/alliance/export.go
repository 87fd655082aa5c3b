package alliance

import (
	"slices"
	"strconv"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/graph"
	"github.com/nexus-toolkit/nexus/analysis/graph/encoding"
	"github.com/nexus-toolkit/nexus/analysis/graph/network"
)

// NodeKeys are the node attributes of an export.
var NodeKeys = []encoding.Key{{Name: "name", Type: "string"}, {Name: ScopeAttr, Type: "string"}, {Name: "camp", Type: "string"}, {Name: KindAttr, Type: "string"}}

// LinkKeys are the link attributes of an export:
//
//   - relations: the IDs of the rows behind the link, ';'-separated
//   - tie_type, coding: the distinct tie types and codings of the rows
//   - refs: the distinct reference keys of the rows
//   - periods: each row's period as an ISO 8601 interval "start/end",
//     with ".." for an unknown or open end
//   - start, end: the earliest known start and latest known end
//   - sources: the number of independent sources (see Sources)
//   - rows: the number of rows
//   - strength (encoding.WeightKey): the link's weight in the Graph, its
//     number of independent sources, as a tie strength; GEXF's weight and
//     Pajek's line value are the same number
//   - distance (encoding.DistanceKey): 1/strength, the link's length for
//     weighted shortest paths (network.InverseWeight)
//
// The paper's T4 counts every tie once in every measure but strength; a
// tool that reads the export reproduces it with weight=None (NetworkX)
// or weights=NA (R igraph), since GEXF's and Pajek's weight is the
// strength (see encoding.WeightKey).
var LinkKeys = []encoding.Key{{Name: "relations", Type: "string"}, {Name: "tie_type", Type: "string"}, {Name: CodingAttr, Type: "string"},
	{Name: "refs", Type: "string"}, {Name: "periods", Type: "string"}, {Name: "start", Type: "string"}, {Name: "end", Type: "string"},
	{Name: "sources", Type: "int"}, {Name: "rows", Type: "int"}, {Name: encoding.WeightKey, Type: "double"}, {Name: encoding.DistanceKey, Type: "double"}}

// NewDoc returns the export form of an alliance network g (built from
// FromStudy's nodes and edges): nodes in ID order with NodeKeys, links in
// (U, V) order with LinkKeys.
func NewDoc(g *graph.Graph) *encoding.Doc {
	d := &encoding.Doc{Directed: g.Directed, NodeKeys: NodeKeys, LinkKeys: LinkKeys}
	for _, n := range g.Nodes {
		d.Nodes = append(d.Nodes, encoding.Record{ID: n.ID, Values: []string{n.Name, n.Attrs[ScopeAttr], n.Group, n.Attrs[KindAttr]}})
	}
	for i, l := range g.Links {
		rows := g.LinkEdges(i)
		var ids, types, codings, periods []string
		var start, end string
		var spells []encoding.Spell
		undated := false
		for _, e := range rows {
			ids = append(ids, e.ID)
			types = append(types, e.Kind)
			codings = append(codings, e.Attrs[CodingAttr])
			periods = append(periods, orOpen(e.Start)+"/"+orOpen(e.End))
			if e.Start != "" && (start == "" || e.Start < start) {
				start = e.Start
			}
			if e.End != "" && e.End > end {
				end = e.End
			}
			if e.Start == "" && e.End == "" {
				undated = true
			}
			spells = append(spells, encoding.Spell{Start: year(e.Start), End: year(e.End)})
		}
		if undated {
			spells = nil // a row with no period is present throughout
		}
		refs := EdgeSources(rows)
		nrefs := len(refs)
		refs = slices.DeleteFunc(refs, func(k string) bool { return !IsReference(k) })
		d.Links = append(d.Links, encoding.Record{
			ID: strconv.Itoa(i), Source: g.Nodes[l.U].ID, Target: g.Nodes[l.V].ID,
			Values: []string{join(ids), join(distinct(types)), join(distinct(codings)), join(refs),
				join(periods), start, end, strconv.Itoa(nrefs), strconv.Itoa(len(rows)), network.FormatFloat(l.Weight), network.FormatFloat(1 / l.Weight)},
			Spells: spells,
		})
	}
	return d
}

func orOpen(s string) string {
	if s == "" {
		return ".."
	}
	return s
}

func year(s string) string {
	if len(s) >= 4 {
		return s[:4]
	}
	return s
}

func distinct(xs []string) []string {
	xs = slices.Clone(xs)
	slices.Sort(xs)
	xs = slices.Compact(xs)
	if len(xs) > 0 && xs[0] == "" {
		xs = xs[1:]
	}
	return xs
}

func join(xs []string) string {
	for _, x := range xs {
		if x != "" {
			return strings.Join(xs, ";")
		}
	}
	return ""
}
