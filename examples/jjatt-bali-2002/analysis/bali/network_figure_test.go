package bali

import (
	"strings"
	"testing"

	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/nexus-toolkit/nexus/analysis/figure"
)

// F1 as saved (FullWidth × NetworkHeight, figure.Margin on every side):
// no label leaves the canvas or overlaps another label, a disc or the
// legend, no node or link runs into the legend, and each colour has one
// meaning. With 158 ties among 27 persons, links must cross some labels
// and pass by some discs (netplot.Geometry.Problems lists them); the
// labels are drawn on white so they stay legible, and stay beside their
// nodes: no label is farther than 15 points from its disc.
func TestNetworkFigureGeometry(t *testing.T) {
	_, d := read(t)
	p, net, err := networkFigure(d)
	if err != nil {
		t.Fatal(err)
	}
	if net.LabelBackground == nil {
		t.Error("labels have no background, but links cross some of them")
	}
	c := draw.New(vgimg.New(figure.FullWidth, NetworkHeight))
	geo := net.Geometry(p.DataCanvas(draw.Crop(c, figure.Margin, -figure.Margin, figure.Margin, -figure.Margin)))
	for _, pr := range geo.Problems() {
		if !strings.Contains(pr, "is crossed by link") && !strings.Contains(pr, "passes through the disc") {
			t.Error(pr)
		}
	}
	for _, l := range geo.Labels {
		d := geo.Nodes[l.Node]
		dx := max(l.Box.Min.X-d.Centre.X, 0, d.Centre.X-l.Box.Max.X)
		dy := max(l.Box.Min.Y-d.Centre.Y, 0, d.Centre.Y-l.Box.Max.Y)
		if dx*dx+dy*dy > (d.Radius+15)*(d.Radius+15) {
			t.Errorf("label %q is %v, %v points from its node", l.Text, dx, dy)
		}
	}
}
