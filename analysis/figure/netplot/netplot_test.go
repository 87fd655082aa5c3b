package netplot_test

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/nexus-toolkit/nexus/analysis/figure"
	"github.com/nexus-toolkit/nexus/analysis/figure/netplot"
	"github.com/nexus-toolkit/nexus/analysis/graph"
	"github.com/nexus-toolkit/nexus/analysis/graph/layout"
	"github.com/nexus-toolkit/nexus/analysis/graph/network"
)

var update = flag.Bool("update", false, "rewrite testdata/*_golden.png")

// readPairs reads "a b" lines, skipping # comments.
func readPairs(t testing.TB, path string) [][2]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out [][2]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := sc.Text(); !strings.HasPrefix(line, "#") {
			a, b, _ := strings.Cut(line, " ")
			out = append(out, [2]string{a, b})
		}
	}
	return out
}

func key(s string) string { return fmt.Sprintf("%02s", s) }

// karate is Zachary's karate club (the edge list of analysis/graph/layout's
// testdata) with each member's faction as its group.
func karate(t testing.TB) (*graph.Graph, []string) {
	t.Helper()
	var edges []graph.Edge
	for _, p := range readPairs(t, "../../graph/layout/testdata/karate.txt") {
		edges = append(edges, graph.Edge{Source: key(p[0]), Target: key(p[1]), Weight: 1})
	}
	club := map[string]string{}
	for _, p := range readPairs(t, "testdata/clubs.txt") {
		club[key(p[0])] = strings.ReplaceAll(p[1], "_", " ")
	}
	g, err := graph.Build(nil, edges, graph.BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	groups := make([]string, g.N())
	for i, n := range g.Nodes {
		groups[i] = club[n.ID]
	}
	return g, groups
}

// karatePlot draws the karate club by its stress layout, nodes sized by
// degree and coloured by faction.
func karatePlot(t testing.TB) (*plot.Plot, *netplot.Network) {
	g, groups := karate(t)
	pos, err := layout.Stress(g, layout.StressOptions{})
	if err != nil {
		t.Fatal(err)
	}
	deg, _, _ := network.Degrees(g)
	size := make([]float64, len(deg))
	for i, d := range deg {
		size[i] = float64(d)
	}
	net, err := netplot.New(g, pos, netplot.Options{Size: size, Group: groups})
	if err != nil {
		t.Fatal(err)
	}
	p := figure.New()
	p.HideAxes()
	p.Add(net)
	net.AddLegend(p)
	return p, net
}

// On the karate club at full width, every label finds a place clear of
// all other labels, all discs and the canvas edge, and no label box
// overlaps another.
func TestKarateLabelsClear(t *testing.T) {
	p, net := karatePlot(t)
	c := draw.New(vgimg.New(figure.FullWidth, 10*vg.Centimeter))
	labels := net.Labels(p.DataCanvas(c), p)
	if len(labels) != 34 {
		t.Fatalf("%d labels, want 34", len(labels))
	}
	for i, a := range labels {
		if !a.Clear {
			t.Errorf("label %q of node %d is not clear of other labels and discs", a.Text, a.Node)
		}
		for _, b := range labels[i+1:] {
			if a.Box.Min.X < b.Box.Max.X && b.Box.Min.X < a.Box.Max.X && a.Box.Min.Y < b.Box.Max.Y && b.Box.Min.Y < a.Box.Max.Y {
				t.Errorf("labels %q and %q overlap", a.Text, b.Text)
			}
		}
	}
}

// A crowded drawing (the karate club on a stamp) cannot place every label
// clear; those it cannot are flagged, never silently dropped.
func TestCrowdedLabelsFlagged(t *testing.T) {
	p, net := karatePlot(t)
	c := draw.New(vgimg.New(3*vg.Centimeter, 2*vg.Centimeter))
	labels := net.Labels(p.DataCanvas(c), p)
	unclear := 0
	for _, l := range labels {
		if !l.Clear {
			unclear++
		}
	}
	if len(labels) != 34 || unclear == 0 {
		t.Errorf("%d labels, %d not clear; want 34, some not clear", len(labels), unclear)
	}
}

// Sizes map to disc areas between MinRadius and MaxRadius, weights to
// widths between MinWidth and MaxWidth.
func TestScales(t *testing.T) {
	edges := []graph.Edge{{Source: "a", Target: "b", Weight: 1}, {Source: "b", Target: "c", Weight: 3}, {Source: "c", Target: "a", Weight: 2}}
	g, _ := graph.Build(nil, edges, graph.BuildOptions{Weighting: graph.WeightSum})
	pos := []layout.Point{{X: 0, Y: 0}, {X: 1, Y: 0}, {X: 0, Y: 1}}
	net, err := netplot.New(g, pos, netplot.Options{Size: []float64{0, 5, 10}})
	if err != nil {
		t.Fatal(err)
	}
	if net.Radius(0) != net.MinRadius || math.Abs(float64(net.Radius(2)-net.MaxRadius)) > 1e-12 {
		t.Errorf("radii %v, %v; want %v, %v", net.Radius(0), net.Radius(2), net.MinRadius, net.MaxRadius)
	}
	r0, r1, r2 := float64(net.Radius(0)), float64(net.Radius(1)), float64(net.Radius(2))
	if math.Abs(r1*r1-(r0*r0+r2*r2)/2) > 1e-9 {
		t.Errorf("the middle size has radius %g, want the middle area", r1)
	}
	// Links sort as (a,b) 1, (a,c) 2, (b,c) 3.
	if net.Width(0) != net.MinWidth || net.Width(2) != net.MaxWidth || net.Width(1) != (net.MinWidth+net.MaxWidth)/2 {
		t.Errorf("widths %v %v %v", net.Width(0), net.Width(1), net.Width(2))
	}
}

// New reports every problem at once.
func TestNewErrors(t *testing.T) {
	g, _ := graph.Build(nil, []graph.Edge{{Source: "a", Target: "b", Weight: 1}}, graph.BuildOptions{})
	_, err := netplot.New(g, []layout.Point{{X: math.NaN()}, {}}, netplot.Options{
		Size: []float64{1}, Group: []string{"x", "y"}, Groups: []string{"x"}, Labels: []string{"A", "B", "C"},
	})
	if !errors.Is(err, netplot.ErrOptions) {
		t.Fatalf("error %v, want ErrOptions", err)
	}
	for _, want := range []string{`node "a": position (NaN, 0)`, "Size has 1 values for 2 nodes", "Labels has 3 values", `node "b": group "y" is not in Groups [x]`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

// The SVG and PNG of the karate club are byte-identical from run to run
// and under GOMAXPROCS 1 and 2.
func TestDeterministic(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, f := range []figure.Format{figure.SVG, figure.PNG} {
		var first []byte
		for _, procs := range []int{1, 2, 1} {
			runtime.GOMAXPROCS(procs)
			p, _ := karatePlot(t)
			var b bytes.Buffer
			if err := figure.Encode(&b, f, figure.Padded(p.Draw, figure.Margin), figure.FullWidth, 10*vg.Centimeter); err != nil {
				t.Fatal(err)
			}
			if first == nil {
				first = b.Bytes()
			} else if !bytes.Equal(first, b.Bytes()) {
				t.Fatalf("%s differs under GOMAXPROCS=%d", f, procs)
			}
		}
	}
}

// TestGolden runs ExampleNew in a temporary working directory and
// compares its PNG byte for byte with testdata/network_golden.png (go
// test -update rewrites it).
func TestGolden(t *testing.T) {
	golden, err := filepath.Abs(filepath.Join("testdata", "network_golden.png"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	ExampleNew()
	a, err := os.ReadFile(filepath.Join(dir, "network.png"))
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(golden, a, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	b, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		kept := filepath.Join(os.TempDir(), "nexus-netplot-network.png")
		os.WriteFile(kept, a, 0o644)
		t.Fatalf("the drawing differs from %s (kept as %s for inspection)", golden, kept)
	}
}

func benchmarkDraw(b *testing.B, g *graph.Graph) {
	pos, err := layout.Stress(g, layout.StressOptions{})
	if err != nil {
		b.Fatal(err)
	}
	net, err := netplot.New(g, pos, netplot.Options{})
	if err != nil {
		b.Fatal(err)
	}
	p := figure.New()
	p.HideAxes()
	p.Add(net)
	b.ReportAllocs()
	for b.Loop() {
		c := draw.New(vgimg.New(figure.FullWidth, 12*vg.Centimeter))
		p.Draw(c)
	}
}

// BenchmarkDrawKarate draws the karate club (34 nodes, 78 links, with
// labels) on a PNG canvas; the layout is computed once, outside the loop.
func BenchmarkDrawKarate(b *testing.B) {
	g, _ := karate(b)
	benchmarkDraw(b, g)
}

// BenchmarkDraw1k draws a G(n, m) graph of 1,000 nodes and 4,000 links.
func BenchmarkDraw1k(b *testing.B) {
	g, err := graph.Build(nil, graph.RandomEdges(1000, 4000, 1), graph.BuildOptions{})
	if err != nil {
		b.Fatal(err)
	}
	benchmarkDraw(b, g)
}

// A label moves off the links where a clear place allows: in the karate
// club at full width, most labels cross no link at all (counted by
// sampling the drawn links, independently of Label.Crossings), and
// almost no link passes through a disc it does not end at (the two hubs,
// 32 and 33, share ten neighbours: a few of their links cannot be moved
// off both).
func TestLabelsAvoidLinks(t *testing.T) {
	p, net := karatePlot(t)
	c := draw.New(vgimg.New(figure.FullWidth, 10*vg.Centimeter))
	geo := net.Geometry(p.DataCanvas(c))
	crossing := 0
	for _, l := range geo.Labels {
		hit := 0
		for _, s := range geo.Links {
			if segmentHits(s.A, s.B, l.Box) {
				hit++
			}
		}
		if hit > 0 {
			crossing++
		}
		if hit > l.Crossings {
			t.Errorf("label %q: %d links cross it, Crossings says %d", l.Text, hit, l.Crossings)
		}
	}
	if crossing > 34/4 {
		t.Errorf("%d of 34 labels cross a link, want at most a quarter", crossing)
	}
	var through []string
	for _, pr := range geo.Problems() {
		if strings.Contains(pr, "passes through") {
			through = append(through, pr)
		}
	}
	if len(through) > 3 {
		t.Errorf("%d links pass through discs, want at most 3:\n%s", len(through), strings.Join(through, "\n"))
	}
}

// segmentHits samples the segment a-b finely and reports whether a sample
// falls inside r: an independent check of the clipping test.
func segmentHits(a, b vg.Point, r vg.Rectangle) bool {
	for k := 0; k <= 1000; k++ {
		f := vg.Length(k) / 1000
		x, y := a.X+f*(b.X-a.X), a.Y+f*(b.Y-a.Y)
		if x > r.Min.X && x < r.Max.X && y > r.Min.Y && y < r.Max.Y {
			return true
		}
	}
	return false
}
