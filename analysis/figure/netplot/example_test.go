package netplot_test

import (
	"log"
	"os"

	"gonum.org/v1/plot/vg"

	"github.com/nexus-toolkit/nexus/analysis/figure"
	"github.com/nexus-toolkit/nexus/analysis/figure/netplot"
	"github.com/nexus-toolkit/nexus/analysis/graph"
	"github.com/nexus-toolkit/nexus/analysis/graph/layout"
)

// ExampleNew draws a small synthetic network, two dense groups joined by
// one broker, with the stress layout: nodes sized by a given score and
// coloured by group, links widened by weight. TestGolden compares its
// output with testdata/network_golden.png.
func ExampleNew() {
	var edges []graph.Edge
	tie := func(u, v string, w float64) { edges = append(edges, graph.Edge{Source: u, Target: v, Weight: w}) }
	for _, grp := range [][]string{{"a1", "a2", "a3", "a4"}, {"b1", "b2", "b3", "b4"}} {
		for i, u := range grp {
			for _, v := range grp[i+1:] {
				tie(u, v, 1)
			}
		}
	}
	tie("a1", "broker", 3)
	tie("broker", "b1", 3)
	tie("a2", "b2", 2)
	g, err := graph.Build(nil, edges, graph.BuildOptions{Weighting: graph.WeightSum})
	if err != nil {
		log.Fatal(err)
	}
	pos, err := layout.Stress(g, layout.StressOptions{})
	if err != nil {
		log.Fatal(err)
	}
	// Nodes are in ID order: a1..a4, b1..b4, broker.
	net, err := netplot.New(g, pos, netplot.Options{
		Size:        []float64{3, 2, 1, 1, 3, 2, 1, 1, 4},
		Group:       []string{"a", "a", "a", "a", "b", "b", "b", "b", "broker"},
		Groups:      []string{"a", "b", "broker"},
		GroupLabels: map[string]string{"a": "group A", "b": "group B"},
	})
	if err != nil {
		log.Fatal(err)
	}
	p := figure.New()
	p.Title.Text = "Two synthetic groups and a broker"
	p.HideAxes()
	p.Add(net)
	net.AddLegend(p)

	f, err := os.Create("testdata/network.png")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	if err := figure.Encode(f, figure.PNG, figure.Padded(p.Draw, figure.Margin), figure.ColumnWidth, 6*vg.Centimeter); err != nil {
		log.Fatal(err)
	}
	// Output:
}
