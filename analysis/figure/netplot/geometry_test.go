package netplot_test

import (
	"image/color"
	"math"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/nexus-toolkit/nexus/analysis/figure"
	"github.com/nexus-toolkit/nexus/analysis/figure/netplot"
	"github.com/nexus-toolkit/nexus/analysis/graph"
	"github.com/nexus-toolkit/nexus/analysis/graph/layout"
)

// dataCanvas is the canvas p hands its plotters when saved at w×h by
// figure.Save (the figure Margin on every side).
func dataCanvas(p *plot.Plot, c vg.CanvasSizer) draw.Canvas {
	dc := draw.New(c)
	return p.DataCanvas(draw.Crop(dc, figure.Margin, -figure.Margin, figure.Margin, -figure.Margin))
}

// brokerNet is the network of ExampleNew with link kinds: two groups of
// four, a broker, links inside a group "tie", across "bridge".
func brokerNet(t testing.TB, opt netplot.Options) (*plot.Plot, *netplot.Network) {
	t.Helper()
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
		t.Fatal(err)
	}
	pos, err := layout.Stress(g, layout.StressOptions{})
	if err != nil {
		t.Fatal(err)
	}
	opt.Group = []string{"a", "a", "a", "a", "b", "b", "b", "b", "broker"}
	opt.Labels = []string{"a1", "a2", "a3", "a4", "b1", "b2", "b3", "b4", "the broker between the two synthetic groups"}
	for _, l := range g.Links {
		kind := "tie"
		if g.Nodes[l.U].ID[0] != g.Nodes[l.V].ID[0] {
			kind = "bridge"
		}
		opt.LinkKind = append(opt.LinkKind, kind)
	}
	opt.Kinds, opt.GroupTitle, opt.KindTitle = []string{"tie", "bridge"}, "Group", "Link"
	net, err := netplot.New(g, pos, opt)
	if err != nil {
		t.Fatal(err)
	}
	p := figure.New()
	p.HideAxes()
	p.Add(net)
	net.AddLegend(p)
	return p, net
}

// The broker network at column width draws clean: no label crossed or
// overlapping, no link through a node, the legend clear, one meaning per
// colour; the broker's long label is wrapped.
func TestGeometryClean(t *testing.T) {
	p, net := brokerNet(t, netplot.Options{})
	g := net.Geometry(dataCanvas(p, vgimg.New(figure.ColumnWidth, 7*vg.Centimeter)))
	for _, pr := range g.Problems() {
		t.Error(pr)
	}
	for _, l := range g.Labels {
		if !l.Clear || l.Crossings != 0 {
			t.Errorf("label %q: clear %v, %d crossings", l.Text, l.Clear, l.Crossings)
		}
		if strings.HasPrefix(l.Text, "the broker") && len(l.Lines) < 2 {
			t.Errorf("label %q is not wrapped: %q", l.Text, l.Lines)
		}
		for _, line := range l.Lines {
			if len(l.Lines) > 1 && net.TextStyle.Width(line) > net.WrapWidth {
				t.Errorf("line %q is wider than WrapWidth", line)
			}
		}
	}
	if g.Legend == nil || len(g.Legend.Entries) != 2+3+2 {
		t.Fatalf("legend %+v, want two headings, three groups and two kinds", g.Legend)
	}
	var heads []string
	for _, e := range g.Legend.Entries {
		if e.Swatch == (vg.Rectangle{}) {
			heads = append(heads, e.Text)
		}
	}
	if !slices.Equal(heads, []string{"Group", "Link"}) {
		t.Errorf("legend headings %q, want Group, Link", heads)
	}
}

// Problems finds each fault it names in a drawing made to have them: it
// is the check of every network figure, so it must be able to fail.
func TestProblemsFindsFaults(t *testing.T) {
	box := func(x0, y0, x1, y1 vg.Length) vg.Rectangle {
		return vg.Rectangle{Min: vg.Point{X: x0, Y: y0}, Max: vg.Point{X: x1, Y: y1}}
	}
	grey := color.NRGBA{R: 0x33, G: 0x33, B: 0x33, A: 0xFF}
	g := netplot.Geometry{
		Canvas: box(0, 0, 100, 100),
		Nodes: []netplot.Disc{
			{Centre: vg.Point{X: 10, Y: 50}, Radius: 3, Color: figure.Blue, Group: "x"},
			{Centre: vg.Point{X: 90, Y: 50}, Radius: 3, Color: figure.Blue, Group: "y"},
			{Centre: vg.Point{X: 50, Y: 50}, Radius: 3, Color: grey, Group: "z"},
			{Centre: vg.Point{X: 50, Y: 10}, Radius: 3, Color: figure.Orange, Group: "x"},
		},
		Links: []netplot.Segment{
			{U: 0, V: 1, A: vg.Point{X: 10, Y: 50}, B: vg.Point{X: 90, Y: 50}, Style: netplot.KindStyle(0, 1), Kind: "k"},
			{U: 0, V: 3, A: vg.Point{X: 10, Y: 50}, B: vg.Point{X: 50, Y: 10}, Style: netplot.KindStyle(0, 2), Kind: "j"},
		},
		Labels: []netplot.Label{
			{Node: 0, Text: "crossed", Box: box(20, 45, 40, 55)},
			{Node: 1, Text: "over", Box: box(30, 52, 45, 60)},
			{Node: 3, Text: "clipped", Box: box(90, 5, 110, 12)},
		},
		Legend: &netplot.Legend{Box: box(80, 40, 100, 100)},
	}
	got := strings.Join(g.Problems(), "\n")
	for _, want := range []string{
		`label "clipped" is not inside the canvas`,
		`labels "crossed" and "over" overlap`,
		`label "crossed" is crossed by link 0`,
		"link 0 (0–1) passes through the disc of node 2",
		"link 0 (0–1) runs through the legend",
		"the disc of node 1 overlaps the legend",
		`marks groups "x" and "y"`,
		`marks group "z" and a link`,
		`marks kinds "k" and "j"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
}

// A node that the layout puts on a link it does not belong to is moved
// off it: a at (0,0), b at (2,0), c at (1,0) tied only to d at (1,1).
func TestUntangle(t *testing.T) {
	g, err := graph.Build(nil, []graph.Edge{{Source: "a", Target: "b", Weight: 1}, {Source: "c", Target: "d", Weight: 1}}, graph.BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	net, err := netplot.New(g, []layout.Point{{X: 0, Y: 0}, {X: 2, Y: 0}, {X: 1, Y: 0}, {X: 1, Y: 1}}, netplot.Options{Labels: []string{"", "", "", ""}})
	if err != nil {
		t.Fatal(err)
	}
	p := figure.New()
	p.HideAxes()
	p.Add(net)
	geo := net.Geometry(dataCanvas(p, vgimg.New(figure.ColumnWidth, 5*vg.Centimeter)))
	for _, pr := range geo.Problems() {
		t.Error(pr)
	}
	if c := geo.Nodes[2].Centre; math.Abs(float64(c.Y-geo.Nodes[0].Centre.Y)) < float64(geo.Nodes[2].Radius) {
		t.Errorf("node c at %v still on the link a–b at y %v", c, geo.Nodes[0].Centre.Y)
	}
}

// Plot draws the Geometry, not a recomputation of it: every link is a
// stroke from A to B and every label line is a string inside its box.
func TestPlotDrawsGeometry(t *testing.T) {
	p, net := brokerNet(t, netplot.Options{})
	w, h := figure.ColumnWidth, 7*vg.Centimeter
	rec := &recorder.Canvas{}
	dc := p.DataCanvas(draw.Crop(draw.NewCanvas(rec, w, h), figure.Margin, -figure.Margin, figure.Margin, -figure.Margin))
	geo := net.Geometry(dc)
	net.Plot(dc, p)
	near := func(a, b vg.Point) bool { return math.Hypot(float64(a.X-b.X), float64(a.Y-b.Y)) < 1e-6 }
	var strokes [][2]vg.Point
	var strs []*recorder.FillString
	for _, a := range rec.Actions {
		switch a := a.(type) {
		case *recorder.Stroke:
			if len(a.Path) == 2 {
				strokes = append(strokes, [2]vg.Point{a.Path[0].Pos, a.Path[1].Pos})
			}
		case *recorder.FillString:
			strs = append(strs, a)
		}
	}
	for k, s := range geo.Links {
		if !slices.ContainsFunc(strokes, func(st [2]vg.Point) bool { return near(st[0], s.A) && near(st[1], s.B) }) {
			t.Errorf("link %d (%v–%v) is not drawn where Geometry puts it", k, s.A, s.B)
		}
	}
	for _, l := range geo.Labels {
		for _, line := range l.Lines {
			ok := slices.ContainsFunc(strs, func(f *recorder.FillString) bool {
				wl := net.TextStyle.Width(line)
				return f.String == line && f.Point.X >= l.Box.Min.X-1e-6 && f.Point.X+wl <= l.Box.Max.X+1e-6 &&
					f.Point.Y > l.Box.Min.Y && f.Point.Y < l.Box.Max.Y
			})
			if !ok {
				t.Errorf("line %q of label %q is not drawn inside its box %v", line, l.Text, l.Box)
			}
		}
	}
}

// A group may not take the colour of a link kind: the greys mean kinds.
func TestGroupColourIsNotAKindColour(t *testing.T) {
	g, _ := graph.Build(nil, []graph.Edge{{Source: "a", Target: "b", Weight: 1}}, graph.BuildOptions{})
	grey := netplot.KindStyle(0, 1).Color
	_, err := netplot.New(g, []layout.Point{{}, {X: 1}}, netplot.Options{
		Group: []string{"x", "y"}, Colors: []color.Color{figure.Blue, grey}, LinkKind: []string{"k"},
	})
	if err == nil || !strings.Contains(err.Error(), `group "y" has the colour of a link kind`) {
		t.Errorf("error %v, want one about group y's colour", err)
	}
}
