package encoding

import (
	"encoding/xml"
	"strings"
)

// Key is a typed attribute of nodes or links in a Doc.
type Key struct {
	Name string
	Type string // "string", "int" or "double", as GraphML's attr.type
}

// Record is one node (Source empty) or one link of a Doc, with its
// attribute values as text, in the order of the Doc's keys.
type Record struct {
	ID             string // node ID; for a link, its index in Links as text
	Source, Target string // link endpoints
	Values         []string
	Spells         []Spell // periods of a link's rows (GEXF)
}

// Spell is a period in years, as GEXF's <spell>. An empty end is open.
type Spell struct{ Start, End string }

// Doc is the export form of a graph: its nodes and links with typed
// attributes, which every format writes and reads back. Values that are
// missing are empty strings and are omitted by the formats that can.
type Doc struct {
	Directed bool
	NodeKeys []Key
	LinkKeys []Key
	Nodes    []Record
	Links    []Record
}

// WeightKey is the link attribute that holds the link's weight as a tie
// strength (for the alliance network, its number of independent
// sources): a stronger tie has a higher value. Formats with a weight of
// their own write it there too: GEXF's weight and Pajek's line value,
// which NetworkX (read_gexf, read_pajek) and igraph read as the
// attribute "weight". GraphML writes it only under this name, so no
// tool takes it for a weight unasked.
//
// NetworkX's and igraph's defaults differ in what they do with "weight":
// NetworkX's pagerank uses it as a strength by default, its
// betweenness, closeness and eigenvector centrality ignore it unless
// asked; R's igraph uses it in every measure, as a length in betweenness
// and closeness (so a strong tie becomes a long path). To reproduce
// measures that count every tie once, pass weight=None (NetworkX) or
// weights=NA (R igraph); for weighted shortest paths pass the
// DistanceKey attribute, never the strength.
const WeightKey = "strength"

// DistanceKey is the link attribute that holds the link's length as a
// distance, 1/strength (WeightKey): a strong tie is a short path. It is
// what NetworkX's weight= (betweenness_centrality) and distance=
// (closeness_centrality) and igraph's weights= should be given for
// shortest paths on tie strengths, as network.InverseWeight does.
const DistanceKey = "distance"

// NameKey is the node attribute that formats with a label of their own
// (GEXF's label) write as the node's label.
const NameKey = "name"

// Index returns the position of the key called name in keys, or -1.
func Index(keys []Key, name string) int {
	for i, k := range keys {
		if k.Name == name {
			return i
		}
	}
	return -1
}

// EscapeXML returns s escaped as XML character data or an attribute value
// (encoding/xml's EscapeText), for the XML formats.
func EscapeXML(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
