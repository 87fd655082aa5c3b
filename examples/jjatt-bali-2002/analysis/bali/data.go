// Package bali is the study of this compendium: it reads the data
// package jjatt-bali-2002 (datasets/jjatt-bali-2002/) into typed records and declares
// the tables and figures made from it (see study.go). It registers itself
// with the toolkit's engine under the package's name, so every nexus
// command, the Makefile and the notebooks find it.
//
// The starter data are SYNTHETIC: five invented nodes and their ties,
// written by nexus new to show the parts working together. Replace them
// with your own data package, then this file's records and study.go's
// outputs with your own.
package bali

import (
	"fmt"

	"github.com/nexus-toolkit/nexus/analysis/datapkg"
	"github.com/nexus-toolkit/nexus/analysis/graph"
)

// Node is one row of nodes.csv.
type Node struct {
	ID, Name, Group string
}

// Tie is one row of ties.csv: an undirected tie of a weight > 0.
type Tie struct {
	ID, Source, Target string
	Weight             float64
}

// Data is the study's data, read from its package.
type Data struct {
	Name, Version string
	Nodes         []Node
	Ties          []Tie
}

// Load reads the study's data from p, a package read and validated by
// datapkg.Read (its schema has checked every type, key and constraint,
// so Load only maps rows to records). An output sees only the resources
// it declares, so Load refuses a package that lacks one it reads.
func Load(p *datapkg.Package) (*Data, error) {
	d := &Data{Name: p.Name, Version: p.Version}
	nodes, ties := p.Resource("nodes"), p.Resource("ties")
	if nodes == nil || ties == nil {
		return nil, fmt.Errorf("%s: the study reads the resources nodes and ties; declare both as inputs", p.Descriptor)
	}
	t := nodes.Table
	id, name, group := t.Field("id"), t.Field("name"), t.Field("group")
	for row := 0; row < t.Len(); row++ {
		d.Nodes = append(d.Nodes, Node{ID: t.Text(row, id), Name: t.Text(row, name), Group: t.Text(row, group)})
	}
	t = ties.Table
	id, src, dst, weight := t.Field("id"), t.Field("source"), t.Field("target"), t.Field("weight")
	for row := 0; row < t.Len(); row++ {
		w, _ := t.Float(row, weight)
		d.Ties = append(d.Ties, Tie{ID: t.Text(row, id), Source: t.Text(row, src), Target: t.Text(row, dst), Weight: w})
	}
	return d, nil
}

// Graph returns the undirected network of d: one link per pair of nodes,
// weighted by the sum of its ties' weights.
func (d *Data) Graph() (*graph.Graph, error) {
	nodes := make([]graph.Node, len(d.Nodes))
	for i, n := range d.Nodes {
		nodes[i] = graph.Node{ID: n.ID, Name: n.Name, Group: n.Group}
	}
	edges := make([]graph.Edge, len(d.Ties))
	for i, t := range d.Ties {
		edges[i] = graph.Edge{ID: t.ID, Source: t.Source, Target: t.Target, Weight: t.Weight}
	}
	return graph.Build(nodes, edges, graph.BuildOptions{Weighting: graph.WeightSum})
}
