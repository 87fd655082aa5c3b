package bali

import (
	"fmt"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/nexus-toolkit/nexus/analysis/compendium"
	"github.com/nexus-toolkit/nexus/analysis/datapkg"
	"github.com/nexus-toolkit/nexus/analysis/figure"
	"github.com/nexus-toolkit/nexus/analysis/figure/netplot"
	"github.com/nexus-toolkit/nexus/analysis/graph"
	"github.com/nexus-toolkit/nexus/analysis/graph/layout"
	"github.com/nexus-toolkit/nexus/analysis/graph/network"
	"github.com/nexus-toolkit/nexus/analysis/table"
)

// Name is the data package name the study claims.
const Name = "jjatt-bali-2002"

// load declares the study's outputs: each is made from Load's Data.
var load = compendium.Loader[*Data](Load)

// Outputs are the study's tables and figures. Adding one takes a
// function of *Data and one line here.
func Outputs() []compendium.Output {
	both := []string{"nodes", "ties"}
	return []compendium.Output{
		load.Table("T1", "tbl-nodes", "Degree and strength of every node", both, NodeTable),
		load.Figure("F1", "fig-network", "The network", both, figure.FullWidth, 9*vg.Centimeter, NetworkFigure, nil),
	}
}

func init() {
	compendium.Register(compendium.Study{
		Name:     Name,
		Title:    "The JJATT network of the 2002 Bali bombings",
		Package:  "analysis/bali",
		Requires: []string{"nodes", "ties"},
		Outputs:  Outputs(),
		Network: &compendium.Network{
			Build: func(p *datapkg.Package, _ compendium.NetworkOptions) (*graph.Graph, error) {
				d, err := Load(p)
				if err != nil {
					return nil, err
				}
				return d.Graph()
			},
			Groups: true,
		},
		Notebook: []string{"github.com/nexus-toolkit/nexus/examples/jjatt-bali-2002/analysis/bali"},
	})
}

// NodeTable is T1: every node with its degree (ties) and strength (sum of
// weights), in node order. Each cell names the rows it comes from, so
// `bin/nexus trace` leads from a number to its rows.
func NodeTable(d *Data) (*table.Table, error) {
	g, err := d.Graph()
	if err != nil {
		return nil, err
	}
	deg, _, _ := network.Degrees(g)
	strength := network.Strengths(g)
	t := table.New("Degree and strength of every node",
		table.Column{Name: "node", Header: "Node"},
		table.Column{Name: "group", Header: "Group"},
		table.Column{Name: "degree", Header: "Degree", Kind: table.KindNumber},
		table.Column{Name: "strength", Header: "Strength", Kind: table.KindNumber},
	)
	t.Label = "tbl-nodes"
	t.Caption = fmt.Sprintf("The %d nodes and %d ties of %s %s.", len(d.Nodes), len(d.Ties), d.Name, d.Version)
	ties := make([][]string, g.N())
	for _, tie := range d.Ties {
		for _, end := range []string{tie.Source, tie.Target} {
			i, _ := g.Index(end)
			ties[i] = append(ties[i], tie.ID)
		}
	}
	for i, n := range g.Nodes {
		row := table.Ref{Resource: "nodes", Key: n.ID}
		from := table.Refs("ties", ties[i]...)
		if err := t.Append(
			table.Str(n.Name).From(row),
			table.Str(n.Group).From(row),
			table.Int(deg[i]).From(from...),
			table.Float(strength[i], 0).From(from...),
		); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// NetworkFigure is F1: the network by the toolkit's stress layout, nodes
// sized by degree and coloured by group, ties widened by weight.
func NetworkFigure(d *Data) (*plot.Plot, error) {
	g, err := d.Graph()
	if err != nil {
		return nil, err
	}
	pos, err := layout.Stress(g, layout.StressOptions{})
	if err != nil {
		return nil, err
	}
	deg, _, _ := network.Degrees(g)
	size := make([]float64, len(deg))
	group := make([]string, len(deg))
	for i, k := range deg {
		size[i] = float64(k)
		group[i] = g.Nodes[i].Group
	}
	net, err := netplot.New(g, pos, netplot.Options{Size: size, Group: group})
	if err != nil {
		return nil, err
	}
	p := figure.New()
	p.Title.Text = fmt.Sprintf("%d nodes, %d ties; node size = degree, line width = weight", g.N(), len(g.Links))
	p.HideAxes()
	p.Add(net)
	net.AddLegend(p)
	return p, nil
}
