// Package gexf writes and reads graphs as GEXF 1.3 (https://gexf.net),
// the format of Gephi, in dynamic mode with a spell per link row.
// NetworkX 3's read_gexf and Gephi read what Write writes, and it is valid
// against the GEXF 1.3 schema (testdata/gexf-1.3-subset.xsd restates the
// rules for the elements used).
package gexf

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/graph/encoding"
)

// gexfType maps a GraphML attribute type to GEXF's.
func gexfType(t string) string {
	if t == "int" {
		return "integer"
	}
	return t
}

// Namespace is the XML namespace of the GEXF version Write writes.
const Namespace = "http://gexf.net/1.3"

// gexfTime is a spell bound in GEXF: the year, or -INF / INF for an open
// start or end. "INF" is the infinity of xs:double, which GEXF's time type
// includes; Gephi reads it case-insensitively as infinity and Python's
// float (so NetworkX's read_gexf) reads it too. An omitted bound is also
// open for Gephi, but NetworkX 3 fails on it.
func gexfTime(year string, open string) string {
	if year == "" {
		return open
	}
	return encoding.EscapeXML(year)
}

// Write writes d as GEXF 1.3 (namespace Namespace) in dynamic
// mode with years as time (timeformat double): each link has one <spell>
// per row, from the year of its start to the year of its end, a missing
// year written as -INF (start) or INF (end), so the spell is open on that
// side. A link with an undated row has no spells, so it is present
// throughout. Nodes are static. The node label is its name
// (encoding.NameKey), or its ID when it has none; the edge weight is
// encoding.WeightKey (a tie strength, which read_gexf makes the attribute
// "weight"). No date of writing is included, so the output is
// deterministic. NetworkX 3 (read_gexf) and
// Gephi read it, and it is valid against the GEXF 1.3 schema.
func Write(w io.Writer, d *encoding.Doc) error {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<gexf xmlns="` + Namespace + `" version="1.3">` + "\n")
	b.WriteString("  <meta>\n    <creator>nexus</creator>\n  </meta>\n")
	def := "undirected"
	if d.Directed {
		def = "directed"
	}
	fmt.Fprintf(&b, "  <graph mode=\"dynamic\" defaultedgetype=\"%s\" timeformat=\"double\">\n", def)
	attrs := func(class string, keys []encoding.Key) {
		fmt.Fprintf(&b, "    <attributes class=\"%s\" mode=\"static\">\n", class)
		for i, k := range keys {
			fmt.Fprintf(&b, "      <attribute id=\"%d\" title=\"%s\" type=\"%s\"/>\n", i, encoding.EscapeXML(k.Name), gexfType(k.Type))
		}
		b.WriteString("    </attributes>\n")
	}
	attrs("node", d.NodeKeys)
	attrs("edge", d.LinkKeys)
	values := func(vals []string) {
		b.WriteString("        <attvalues>\n")
		for i, v := range vals {
			if v != "" {
				fmt.Fprintf(&b, "          <attvalue for=\"%d\" value=\"%s\"/>\n", i, encoding.EscapeXML(v))
			}
		}
		b.WriteString("        </attvalues>\n")
	}
	b.WriteString("    <nodes>\n")
	li := encoding.Index(d.NodeKeys, encoding.NameKey)
	for _, n := range d.Nodes {
		label := n.ID
		if li >= 0 && n.Values[li] != "" {
			label = n.Values[li]
		}
		fmt.Fprintf(&b, "      <node id=\"%s\" label=\"%s\">\n", encoding.EscapeXML(n.ID), encoding.EscapeXML(label))
		values(n.Values)
		b.WriteString("      </node>\n")
	}
	b.WriteString("    </nodes>\n    <edges>\n")
	wi := encoding.Index(d.LinkKeys, encoding.WeightKey)
	for _, l := range d.Links {
		weight := ""
		if wi >= 0 && l.Values[wi] != "" {
			weight = fmt.Sprintf(" weight=\"%s\"", l.Values[wi])
		}
		fmt.Fprintf(&b, "      <edge id=\"%s\" source=\"%s\" target=\"%s\"%s>\n", encoding.EscapeXML(l.ID), encoding.EscapeXML(l.Source), encoding.EscapeXML(l.Target), weight)
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

// Read reads a GEXF file such as Write writes, spells
// included.
func Read(r io.Reader) (*encoding.Doc, error) {
	type attvalue struct {
		For   string `xml:"for,attr"`
		Value string `xml:"value,attr"`
	}
	type attributes struct {
		Class string `xml:"class,attr"`
		Attrs []struct {
			ID    string `xml:"id,attr"`
			Title string `xml:"title,attr"`
			Type  string `xml:"type,attr"`
		} `xml:"attribute"`
	}
	var x struct {
		Graph struct {
			DefaultEdgeType string       `xml:"defaultedgetype,attr"`
			Attributes      []attributes `xml:"attributes"`
			Nodes           []struct {
				ID     string     `xml:"id,attr"`
				Values []attvalue `xml:"attvalues>attvalue"`
			} `xml:"nodes>node"`
			Edges []struct {
				ID     string     `xml:"id,attr"`
				Source string     `xml:"source,attr"`
				Target string     `xml:"target,attr"`
				Values []attvalue `xml:"attvalues>attvalue"`
				Spells []struct {
					Start string `xml:"start,attr"`
					End   string `xml:"end,attr"`
				} `xml:"spells>spell"`
			} `xml:"edges>edge"`
		} `xml:"graph"`
	}
	if err := xml.NewDecoder(r).Decode(&x); err != nil {
		return nil, fmt.Errorf("gexf: %w", err)
	}
	d := &encoding.Doc{Directed: x.Graph.DefaultEdgeType == "directed"}
	npos, epos := map[string]int{}, map[string]int{}
	for _, a := range x.Graph.Attributes {
		for _, at := range a.Attrs {
			t := at.Type
			if t == "integer" {
				t = "int"
			}
			if a.Class == "node" {
				npos[at.ID] = len(d.NodeKeys)
				d.NodeKeys = append(d.NodeKeys, encoding.Key{Name: at.Title, Type: t})
			} else {
				epos[at.ID] = len(d.LinkKeys)
				d.LinkKeys = append(d.LinkKeys, encoding.Key{Name: at.Title, Type: t})
			}
		}
	}
	for _, n := range x.Graph.Nodes {
		v := make([]string, len(d.NodeKeys))
		for _, a := range n.Values {
			v[npos[a.For]] = a.Value
		}
		d.Nodes = append(d.Nodes, encoding.Record{ID: n.ID, Values: v})
	}
	for _, e := range x.Graph.Edges {
		v := make([]string, len(d.LinkKeys))
		for _, a := range e.Values {
			v[epos[a.For]] = a.Value
		}
		rec := encoding.Record{ID: e.ID, Source: e.Source, Target: e.Target, Values: v}
		for _, s := range e.Spells {
			rec.Spells = append(rec.Spells, encoding.Spell{Start: openBound(s.Start, "-INF"), End: openBound(s.End, "INF")})
		}
		d.Links = append(d.Links, rec)
	}
	return d, nil
}

// openBound reads a GEXF spell bound: empty for an omitted bound or for
// inf, the infinity Write writes for an open end.
func openBound(s, inf string) string {
	if strings.EqualFold(s, inf) {
		return ""
	}
	return s
}
