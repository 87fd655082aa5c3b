package bali

import (
	"fmt"
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/nexus-toolkit/nexus/analysis/figure"
	"github.com/nexus-toolkit/nexus/analysis/figure/netplot"
	"github.com/nexus-toolkit/nexus/analysis/graph/layout"
	"github.com/nexus-toolkit/nexus/analysis/graph/network"
	"github.com/nexus-toolkit/nexus/analysis/table"
)

// statusOrder orders the legal statuses in the figure's legend.
var statusOrder = []string{"free", "in custody", "dead", "released"}

// NetworkFigure is F1: the network of the whole record, drawn by the
// toolkit's stress layout (layout.Stress) and network plot (netplot):
// node size is degree, colour the legal status at the end of the record
// (2007), line width the tie's largest code.
func NetworkFigure(d *Data) (*plot.Plot, error) {
	p, _, err := networkFigure(d)
	return p, err
}

// NetworkHeight is the height of F1 (it is FullWidth wide).
const NetworkHeight = 12 * vg.Centimeter

// networkFigure is F1 and its network plotter.
func networkFigure(d *Data) (*plot.Plot, *netplot.Network, error) {
	g, err := d.Network(Whole)
	if err != nil {
		return nil, nil, err
	}
	pos, err := layout.Stress(g, layout.StressOptions{})
	if err != nil {
		return nil, nil, err
	}
	deg, _, _ := network.Degrees(g)
	size := make([]float64, g.N())
	group := make([]string, g.N())
	present := map[string]bool{}
	for i, n := range g.Nodes {
		size[i], group[i] = float64(deg[i]), n.Group
		present[n.Group] = true
	}
	var groups []string
	for _, s := range statusOrder {
		if present[s] {
			groups = append(groups, s)
		}
	}
	last := d.Periods[len(d.Periods)-1].Label()
	names := map[string]string{}
	for _, s := range groups {
		names[s] = s + " in " + last
	}
	net, err := netplot.New(g, pos, netplot.Options{Size: size, Group: group, Groups: groups, GroupLabels: names, GroupTitle: "Legal status"})
	if err != nil {
		return nil, nil, err
	}
	// A dense core: thin, light links keep the nodes and labels legible.
	net.MinWidth, net.MaxWidth = 0.3, 1.8
	net.LinkColor = color.NRGBA{R: 0xAA, G: 0xAA, B: 0xAA, A: 0xFF}
	// Too dense for every label to miss every link: labels on white.
	net.LabelBackground = color.NRGBA{R: 0xFF, G: 0xFF, B: 0xFF, A: 0xD0}
	p := figure.New()
	p.Title.Text = fmt.Sprintf("JJATT, Bali 2002: %d persons, %d ties, %d–%d; size = degree, width = largest code",
		g.N(), len(g.Links), d.Periods[0].Start, d.Periods[len(d.Periods)-1].End)
	p.HideAxes()
	p.Add(net)
	net.AddLegend(p)
	return p, net, nil
}

// NetworkEvidence lists, for F1, each link of the network of the whole
// record with the relations rows behind it (both listings of the tie).
func NetworkEvidence(d *Data) (*table.Table, error) {
	g, err := d.Network(Whole)
	if err != nil {
		return nil, err
	}
	t := table.New("Ties of the network figure",
		table.Column{Name: "a", Header: "Person"}, table.Column{Name: "b", Header: "Person"},
		table.Column{Name: "weight", Header: "Largest code", Kind: table.KindNumber})
	edges := g.Edges()
	for _, l := range g.Links {
		var rows []table.Ref
		for _, r := range l.Rows {
			rows = append(rows, table.Ref{Resource: "relations", Key: edges[r].ID})
		}
		if err := t.Append(table.Str(g.Nodes[l.U].ID).From(rows...), table.Str(g.Nodes[l.V].ID).From(rows...), table.Int(int(l.Weight)).From(rows...)); err != nil {
			return nil, err
		}
	}
	return t, nil
}
