package netplot_test

import (
	"fmt"
	"image/color"
	"log"
	"os"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/nexus-toolkit/nexus/analysis/figure"
	"github.com/nexus-toolkit/nexus/analysis/figure/netplot"
	"github.com/nexus-toolkit/nexus/analysis/graph"
	"github.com/nexus-toolkit/nexus/analysis/graph/layout"
)

// ExampleNew draws a small synthetic network, two dense groups joined by
// one broker, with the stress layout: nodes sized by a given score and
// coloured by group, links widened by weight, into network.png in the
// working directory. It has no output comment, so go test only compiles
// it: TestGolden runs it in a temporary directory and compares the file
// with testdata/network_golden.png.
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

	f, err := os.Create("network.png")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	if err := figure.Encode(f, figure.PNG, figure.Padded(p.Draw, figure.Margin), figure.ColumnWidth, 6*vg.Centimeter); err != nil {
		log.Fatal(err)
	}
}

// ExampleNetwork_Geometry computes where a small network is drawn and
// checks it as an editor would: Problems lists every label crossed or
// overlapping, every link through a node and every colour with two
// meanings.
func ExampleNetwork_Geometry() {
	g, err := graph.Build(nil, []graph.Edge{
		{Source: "a", Target: "b", Weight: 1, Kind: "alliance"},
		{Source: "b", Target: "c", Weight: 2, Kind: "support"},
	}, graph.BuildOptions{Weighting: graph.WeightSum})
	if err != nil {
		log.Fatal(err)
	}
	pos := []layout.Point{{X: 0, Y: 0}, {X: 1, Y: 0.5}, {X: 2, Y: 0}}
	net, err := netplot.New(g, pos, netplot.Options{
		Group:    []string{"x", "x", "y"},
		Labels:   []string{"A", "B", "a long label that is wrapped"},
		LinkKind: []string{"alliance", "support"},
	})
	if err != nil {
		log.Fatal(err)
	}
	p := figure.New()
	p.HideAxes()
	p.Add(net)
	net.AddLegend(p)
	c := draw.New(vgimg.New(figure.ColumnWidth, 4*vg.Centimeter))
	geo := net.Geometry(p.DataCanvas(c))
	for _, l := range geo.Labels {
		fmt.Printf("%q: %d line(s)\n", l.Text, len(l.Lines))
	}
	fmt.Println("problems:", len(geo.Problems()))
	// Output:
	// "A": 1 line(s)
	// "B": 1 line(s)
	// "a long label that is wrapped": 2 line(s)
	// problems: 0
}

// ExampleKindStyle prints the styles of the first link kinds: greys and
// dash patterns, never a hue, so they cannot be read as node groups.
func ExampleKindStyle() {
	for k := range 5 {
		st := netplot.KindStyle(k, 1)
		fmt.Println(k, color.NRGBAModel.Convert(st.Color), st.Dashes)
	}
	// Output:
	// 0 {51 51 51 255} []
	// 1 {51 51 51 255} [4 2]
	// 2 {51 51 51 255} [1 1.5]
	// 3 {51 51 51 255} [6 2 1 2]
	// 4 {136 136 136 255} []
}
