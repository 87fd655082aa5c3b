// Package graphml writes and reads graphs as GraphML
// (http://graphml.graphdrawing.org/), with a typed <key> for every node and
// link attribute of an encoding.Doc. NetworkX's read_graphml reads what
// Write writes, attribute types included.
package graphml

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/graph/encoding"
)

// Write writes d as GraphML with a typed <key> for every node and
// link attribute (ids d0, d1, ... for nodes, e0, e1, ... for links). A
// missing string value has no <data> element.
func Write(w io.Writer, d *encoding.Doc) error {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	for i, k := range d.NodeKeys {
		fmt.Fprintf(&b, "  <key id=\"d%d\" for=\"node\" attr.name=\"%s\" attr.type=\"%s\"/>\n", i, encoding.EscapeXML(k.Name), k.Type)
	}
	for i, k := range d.LinkKeys {
		fmt.Fprintf(&b, "  <key id=\"e%d\" for=\"edge\" attr.name=\"%s\" attr.type=\"%s\"/>\n", i, encoding.EscapeXML(k.Name), k.Type)
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
			fmt.Fprintf(&b, "      <data key=\"%s%d\">%s</data>\n", prefix, i, encoding.EscapeXML(v))
		}
	}
	for _, n := range d.Nodes {
		fmt.Fprintf(&b, "    <node id=\"%s\">\n", encoding.EscapeXML(n.ID))
		data("d", n.Values)
		b.WriteString("    </node>\n")
	}
	for _, l := range d.Links {
		fmt.Fprintf(&b, "    <edge id=\"e%s\" source=\"%s\" target=\"%s\">\n", l.ID, encoding.EscapeXML(l.Source), encoding.EscapeXML(l.Target))
		data("e", l.Values)
		b.WriteString("    </edge>\n")
	}
	b.WriteString("  </graph>\n</graphml>\n")
	_, err := w.Write(b.Bytes())
	return err
}

// Read reads a GraphML file such as Write writes: the keys
// in declared order, nodes and edges with their data. Keys with a default
// and nested graphs are not supported.
func Read(r io.Reader) (*encoding.Doc, error) {
	var x struct {
		Keys []struct {
			ID   string `xml:"id,attr"`
			For  string `xml:"for,attr"`
			Name string `xml:"attr.name,attr"`
			Type string `xml:"attr.type,attr"`
		} `xml:"key"`
		Graph struct {
			EdgeDefault string `xml:"edgedefault,attr"`
			Nodes       []struct {
				ID   string    `xml:"id,attr"`
				Data []xmlData `xml:"data"`
			} `xml:"node"`
			Edges []struct {
				ID     string    `xml:"id,attr"`
				Source string    `xml:"source,attr"`
				Target string    `xml:"target,attr"`
				Data   []xmlData `xml:"data"`
			} `xml:"edge"`
		} `xml:"graph"`
	}
	if err := xml.NewDecoder(r).Decode(&x); err != nil {
		return nil, fmt.Errorf("graphml: %w", err)
	}
	d := &encoding.Doc{Directed: x.Graph.EdgeDefault == "directed"}
	pos := map[string]int{}
	for _, k := range x.Keys {
		key := encoding.Key{Name: k.Name, Type: k.Type}
		switch k.For {
		case "node":
			pos[k.ID] = len(d.NodeKeys)
			d.NodeKeys = append(d.NodeKeys, key)
		case "edge":
			pos[k.ID] = len(d.LinkKeys)
			d.LinkKeys = append(d.LinkKeys, key)
		}
	}
	values := func(n int, data []xmlData) ([]string, error) {
		v := make([]string, n)
		for _, dt := range data {
			i, ok := pos[dt.Key]
			if !ok || i >= n {
				return nil, fmt.Errorf("graphml: undeclared key %q", dt.Key)
			}
			v[i] = dt.Value
		}
		return v, nil
	}
	for _, n := range x.Graph.Nodes {
		v, err := values(len(d.NodeKeys), n.Data)
		if err != nil {
			return nil, err
		}
		d.Nodes = append(d.Nodes, encoding.Record{ID: n.ID, Values: v})
	}
	for _, e := range x.Graph.Edges {
		v, err := values(len(d.LinkKeys), e.Data)
		if err != nil {
			return nil, err
		}
		d.Links = append(d.Links, encoding.Record{ID: strings.TrimPrefix(e.ID, "e"), Source: e.Source, Target: e.Target, Values: v})
	}
	return d, nil
}

type xmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}
