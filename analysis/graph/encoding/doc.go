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

// WeightKey is the link attribute that formats with a weight of their
// own (GEXF's weight, Pajek's line value) write as the link's weight.
const WeightKey = "link_weight"

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
