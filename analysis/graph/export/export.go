// Package export writes a graph's export form (encoding.Doc) in any of
// the formats under analysis/graph/encoding, chosen by name, and makes
// the generic export form of a graph that has no attributes of its own.
package export

import (
	"fmt"
	"io"
	"strconv"

	"github.com/nexus-toolkit/nexus/analysis/graph"
	"github.com/nexus-toolkit/nexus/analysis/graph/encoding"
	"github.com/nexus-toolkit/nexus/analysis/graph/encoding/dot"
	"github.com/nexus-toolkit/nexus/analysis/graph/encoding/gexf"
	"github.com/nexus-toolkit/nexus/analysis/graph/encoding/graphml"
	"github.com/nexus-toolkit/nexus/analysis/graph/encoding/pajek"
	"github.com/nexus-toolkit/nexus/analysis/graph/network"
)

// Format is an export format.
type Format string

// The export formats.
const (
	GraphML Format = "graphml"
	GEXF    Format = "gexf"
	DOT     Format = "dot"
	Pajek   Format = "pajek"
	CSV     Format = "csv" // two files: see csv.WriteNodes and csv.WriteLinks
)

// Formats lists the formats Write accepts for a single file.
var Formats = []Format{GraphML, GEXF, DOT, Pajek}

// Write writes d in format f (one of Formats; CSV takes two files, see
// the encoding/csv package) with the writer of its package under
// analysis/graph/encoding. Output is deterministic.
func Write(w io.Writer, d *encoding.Doc, f Format) error {
	switch f {
	case GraphML:
		return graphml.Write(w, d)
	case GEXF:
		return gexf.Write(w, d)
	case DOT:
		return dot.Write(w, d)
	case Pajek:
		return pajek.Write(w, d)
	}
	return fmt.Errorf("export: unknown format %q, expected graphml, gexf, dot or pajek", f)
}

// GenericNodeKeys and GenericLinkKeys are the attributes of Generic.
var (
	GenericNodeKeys = []encoding.Key{{Name: encoding.NameKey, Type: "string"}, {Name: "group", Type: "string"}}
	GenericLinkKeys = []encoding.Key{{Name: "rows", Type: "int"}, {Name: encoding.WeightKey, Type: "double"}, {Name: encoding.DistanceKey, Type: "double"}}
)

// Generic returns the export form of g with only what every graph has:
// nodes in ID order with their name and group, links in (U, V) order
// with the number of edge rows behind them, their weight as a strength
// (encoding.WeightKey) and 1/weight as a distance (encoding.DistanceKey).
func Generic(g *graph.Graph) *encoding.Doc {
	d := &encoding.Doc{Directed: g.Directed, NodeKeys: GenericNodeKeys, LinkKeys: GenericLinkKeys}
	for _, n := range g.Nodes {
		d.Nodes = append(d.Nodes, encoding.Record{ID: n.ID, Values: []string{n.Name, n.Group}})
	}
	for i, l := range g.Links {
		d.Links = append(d.Links, encoding.Record{
			ID: strconv.Itoa(i), Source: g.Nodes[l.U].ID, Target: g.Nodes[l.V].ID,
			Values: []string{strconv.Itoa(len(g.LinkEdges(i))), network.FormatFloat(l.Weight), network.FormatFloat(1 / l.Weight)},
		})
	}
	return d
}
