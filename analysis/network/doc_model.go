package network

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// Key is a typed attribute of nodes or links in an export.
type Key struct {
	Name string
	Type string // "string", "int" or "double", as GraphML's attr.type
}

// Record is one node (Source empty) or one link of an export, with its
// attribute values as text, in the order of the Doc's keys.
type Record struct {
	ID             string // node ID; for a link, its index in Links as text
	Source, Target string // link endpoints
	Values         []string
	Spells         []Spell // periods of a link's rows (GEXF)
}

// Spell is a period in years, as GEXF's <spell>. An empty end is open.
type Spell struct{ Start, End string }

// Doc is the export form of a Graph: its nodes and links with typed
// attributes, which every format writes and reads back. Values that are
// missing are empty strings and are omitted by the formats that can.
type Doc struct {
	Directed bool
	NodeKeys []Key
	LinkKeys []Key
	Nodes    []Record
	Links    []Record
}

// NodeKeys are the node attributes of an export.
var NodeKeys = []Key{{"name", "string"}, {"scope", "string"}, {"camp", "string"}, {"kind", "string"}}

// LinkKeys are the link attributes of an export:
//
//   - relations: the IDs of the rows behind the link, ';'-separated
//   - tie_type, coding: the distinct tie types and codings of the rows
//   - refs: the distinct reference keys of the rows
//   - periods: each row's period as an ISO 8601 interval "start/end",
//     with ".." for an unknown or open end
//   - start, end: the earliest known start and latest known end
//   - sources: the number of independent sources (see WeightSources)
//   - rows: the number of rows
//   - link_weight: the link's weight in the Graph (its Weighting)
var LinkKeys = []Key{{"relations", "string"}, {"tie_type", "string"}, {"coding", "string"},
	{"refs", "string"}, {"periods", "string"}, {"start", "string"}, {"end", "string"},
	{"sources", "int"}, {"rows", "int"}, {"link_weight", "double"}}

// NewDoc returns the export form of g: nodes in ID order, links in (U, V)
// order.
func NewDoc(g *Graph) *Doc {
	d := &Doc{Directed: g.Directed, NodeKeys: NodeKeys, LinkKeys: LinkKeys}
	for _, n := range g.Nodes {
		d.Nodes = append(d.Nodes, Record{ID: n.ID, Values: []string{n.Name, n.Scope, n.Camp, n.Kind}})
	}
	for i, l := range g.Links {
		rows := g.LinkEdges(i)
		var ids, types, codings, periods []string
		var start, end string
		var spells []Spell
		undated := false
		for _, e := range rows {
			ids = append(ids, e.ID)
			types = append(types, e.Type)
			codings = append(codings, e.Coding)
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
			spells = append(spells, Spell{year(e.Start), year(e.End)})
		}
		if undated {
			spells = nil // a row with no period is present throughout
		}
		refs := Sources(rows)
		nrefs := len(refs)
		if len(refs) > 0 && refs[0] == "" {
			refs = refs[1:]
		}
		d.Links = append(d.Links, Record{
			ID: strconv.Itoa(i), Source: g.Nodes[l.U].ID, Target: g.Nodes[l.V].ID,
			Values: []string{join(ids), join(distinct(types)), join(distinct(codings)), join(refs),
				join(periods), start, end, strconv.Itoa(nrefs), strconv.Itoa(len(rows)), FormatFloat(l.Weight)},
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

// Format is an export format.
type Format string

// The export formats.
const (
	GraphML Format = "graphml"
	GEXF    Format = "gexf"
	DOT     Format = "dot"
	Pajek   Format = "pajek"
	CSV     Format = "csv" // see WriteNodesCSV and WriteLinksCSV
)

// Formats lists the formats Write accepts for a single file.
var Formats = []Format{GraphML, GEXF, DOT, Pajek}

// Write writes d in format f (one of Formats; CSV takes two files, see
// WriteNodesCSV and WriteLinksCSV). Output is deterministic.
func (d *Doc) Write(w io.Writer, f Format) error {
	switch f {
	case GraphML:
		return d.WriteGraphML(w)
	case GEXF:
		return d.WriteGEXF(w)
	case DOT:
		return d.WriteDOT(w)
	case Pajek:
		return d.WritePajek(w)
	}
	return fmt.Errorf("network: unknown format %q, expected graphml, gexf, dot or pajek", f)
}
