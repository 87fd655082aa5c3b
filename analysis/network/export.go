package network

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

func xmlText(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// WriteGraphML writes d as GraphML with a typed <key> for every node and
// link attribute (ids d0, d1, ... for nodes, e0, e1, ... for links). A
// missing string value has no <data> element.
func (d *Doc) WriteGraphML(w io.Writer) error {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	for i, k := range d.NodeKeys {
		fmt.Fprintf(&b, "  <key id=\"d%d\" for=\"node\" attr.name=\"%s\" attr.type=\"%s\"/>\n", i, xmlText(k.Name), k.Type)
	}
	for i, k := range d.LinkKeys {
		fmt.Fprintf(&b, "  <key id=\"e%d\" for=\"edge\" attr.name=\"%s\" attr.type=\"%s\"/>\n", i, xmlText(k.Name), k.Type)
	}
	def := "undirected"
	if d.Directed {
		def = "directed"
	}
	fmt.Fprintf(&b, "  <graph id=\"G\" edgedefault=\"%s\">\n", def)
	data := func(prefix string, vals []string) {
		for i, v := range vals {
			if v == "" {
				continue
			}
			fmt.Fprintf(&b, "      <data key=\"%s%d\">%s</data>\n", prefix, i, xmlText(v))
		}
	}
	for _, n := range d.Nodes {
		fmt.Fprintf(&b, "    <node id=\"%s\">\n", xmlText(n.ID))
		data("d", n.Values)
		b.WriteString("    </node>\n")
	}
	for _, l := range d.Links {
		fmt.Fprintf(&b, "    <edge id=\"e%s\" source=\"%s\" target=\"%s\">\n", l.ID, xmlText(l.Source), xmlText(l.Target))
		data("e", l.Values)
		b.WriteString("    </edge>\n")
	}
	b.WriteString("  </graph>\n</graphml>\n")
	_, err := w.Write(b.Bytes())
	return err
}

// gexfType maps a GraphML attribute type to GEXF's.
func gexfType(t string) string {
	if t == "int" {
		return "integer"
	}
	return t
}

// GEXFNamespace is the XML namespace of the GEXF version WriteGEXF writes.
const GEXFNamespace = "http://gexf.net/1.3"

// gexfTime is a spell bound in GEXF: the year, or -INF / INF for an open
// start or end. "INF" is the infinity of xs:double, which GEXF's time type
// includes; Gephi reads it case-insensitively as infinity and Python's
// float (so NetworkX's read_gexf) reads it too. An omitted bound is also
// open for Gephi, but NetworkX 3 fails on it.
func gexfTime(year string, open string) string {
	if year == "" {
		return open
	}
	return xmlText(year)
}

// WriteGEXF writes d as GEXF 1.3 (namespace GEXFNamespace) in dynamic
// mode with years as time (timeformat double): each link has one <spell>
// per row, from the year of its start to the year of its end, a missing
// year written as -INF (start) or INF (end), so the spell is open on that
// side. A link with an undated row has no spells, so it is present
// throughout. Nodes are static. The node label is its name, or its ID
// when it has none; the edge weight is link_weight. No date of writing is
// included, so the output is deterministic. NetworkX 3 (read_gexf) and
// Gephi read it, and it is valid against the GEXF 1.3 schema.
func (d *Doc) WriteGEXF(w io.Writer) error {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<gexf xmlns="` + GEXFNamespace + `" version="1.3">` + "\n")
	b.WriteString("  <meta>\n    <creator>nexus</creator>\n  </meta>\n")
	def := "undirected"
	if d.Directed {
		def = "directed"
	}
	fmt.Fprintf(&b, "  <graph mode=\"dynamic\" defaultedgetype=\"%s\" timeformat=\"double\">\n", def)
	attrs := func(class string, keys []Key) {
		fmt.Fprintf(&b, "    <attributes class=\"%s\" mode=\"static\">\n", class)
		for i, k := range keys {
			fmt.Fprintf(&b, "      <attribute id=\"%d\" title=\"%s\" type=\"%s\"/>\n", i, xmlText(k.Name), gexfType(k.Type))
		}
		b.WriteString("    </attributes>\n")
	}
	attrs("node", d.NodeKeys)
	attrs("edge", d.LinkKeys)
	values := func(vals []string) {
		b.WriteString("        <attvalues>\n")
		for i, v := range vals {
			if v != "" {
				fmt.Fprintf(&b, "          <attvalue for=\"%d\" value=\"%s\"/>\n", i, xmlText(v))
			}
		}
		b.WriteString("        </attvalues>\n")
	}
	b.WriteString("    <nodes>\n")
	for _, n := range d.Nodes {
		label := n.ID
		if len(n.Values) > 0 && n.Values[0] != "" {
			label = n.Values[0]
		}
		fmt.Fprintf(&b, "      <node id=\"%s\" label=\"%s\">\n", xmlText(n.ID), xmlText(label))
		values(n.Values)
		b.WriteString("      </node>\n")
	}
	b.WriteString("    </nodes>\n    <edges>\n")
	wi := keyIndex(d.LinkKeys, "link_weight")
	for _, l := range d.Links {
		weight := ""
		if wi >= 0 && l.Values[wi] != "" {
			weight = fmt.Sprintf(" weight=\"%s\"", l.Values[wi])
		}
		fmt.Fprintf(&b, "      <edge id=\"%s\" source=\"%s\" target=\"%s\"%s>\n", xmlText(l.ID), xmlText(l.Source), xmlText(l.Target), weight)
		values(l.Values)
		if len(l.Spells) > 0 {
			b.WriteString("        <spells>\n")
			for _, s := range l.Spells {
				fmt.Fprintf(&b, "          <spell start=\"%s\" end=\"%s\"/>\n", gexfTime(s.Start, "-INF"), gexfTime(s.End, "INF"))
			}
			b.WriteString("        </spells>\n")
		}
		b.WriteString("      </edge>\n")
	}
	b.WriteString("    </edges>\n  </graph>\n</gexf>\n")
	_, err := w.Write(b.Bytes())
	return err
}

func keyIndex(keys []Key, name string) int {
	for i, k := range keys {
		if k.Name == name {
			return i
		}
	}
	return -1
}

// dotQuote quotes s as a DOT string: backslash and double quote are
// escaped, a newline becomes \n.
func dotQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}

// WriteDOT writes d as a Graphviz DOT graph (digraph when directed): one
// statement per node and per link, each with its non-empty attributes as
// quoted strings.
func (d *Doc) WriteDOT(w io.Writer) error {
	var b bytes.Buffer
	kind, op := "graph", "--"
	if d.Directed {
		kind, op = "digraph", "->"
	}
	fmt.Fprintf(&b, "%s \"network\" {\n", kind)
	attrs := func(keys []Key, vals []string) {
		var parts []string
		for i, v := range vals {
			if v != "" {
				parts = append(parts, keys[i].Name+"="+dotQuote(v))
			}
		}
		if len(parts) > 0 {
			b.WriteString(" [" + strings.Join(parts, ", ") + "]")
		}
		b.WriteString(";\n")
	}
	for _, n := range d.Nodes {
		b.WriteString("  " + dotQuote(n.ID))
		attrs(d.NodeKeys, n.Values)
	}
	for _, l := range d.Links {
		b.WriteString("  " + dotQuote(l.Source) + " " + op + " " + dotQuote(l.Target))
		attrs(d.LinkKeys, l.Values)
	}
	b.WriteString("}\n")
	_, err := w.Write(b.Bytes())
	return err
}

// WritePajek writes d as a Pajek .net file: *Vertices with each node's ID
// as its quoted label, then *Edges (or *Arcs when directed) with each
// link's link_weight. Pajek labels cannot hold a double quote; WritePajek
// fails on such an ID rather than change it.
func (d *Doc) WritePajek(w io.Writer) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "*Vertices %d\n", len(d.Nodes))
	index := map[string]int{}
	for i, n := range d.Nodes {
		if strings.ContainsAny(n.ID, "\"\n") {
			return fmt.Errorf("network: pajek: node id %q holds a quote or newline", n.ID)
		}
		index[n.ID] = i + 1
		fmt.Fprintf(&b, "%d \"%s\"\n", i+1, n.ID)
	}
	if d.Directed {
		b.WriteString("*Arcs\n")
	} else {
		b.WriteString("*Edges\n")
	}
	wi := keyIndex(d.LinkKeys, "link_weight")
	for _, l := range d.Links {
		weight := "1"
		if wi >= 0 && l.Values[wi] != "" {
			weight = l.Values[wi]
		}
		fmt.Fprintf(&b, "%d %d %s\n", index[l.Source], index[l.Target], weight)
	}
	_, err := w.Write(b.Bytes())
	return err
}

// WriteNodesCSV writes the node list: id and the node attributes.
func (d *Doc) WriteNodesCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	head := []string{"id"}
	for _, k := range d.NodeKeys {
		head = append(head, k.Name)
	}
	cw.Write(head)
	for _, n := range d.Nodes {
		cw.Write(append([]string{n.ID}, n.Values...))
	}
	cw.Flush()
	return cw.Error()
}

// WriteLinksCSV writes the link list: source, target and the link
// attributes, one row per link (the rows behind it are in relations).
func (d *Doc) WriteLinksCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	head := []string{"source", "target"}
	for _, k := range d.LinkKeys {
		head = append(head, k.Name)
	}
	cw.Write(head)
	for _, l := range d.Links {
		cw.Write(append([]string{l.Source, l.Target}, l.Values...))
	}
	cw.Flush()
	return cw.Error()
}
