package paper

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"

	"github.com/nexus-toolkit/nexus/analysis/figure"
	"github.com/nexus-toolkit/nexus/analysis/study"
)

// F1 as saved (FullWidth × F1Height, figure.Margin on every side) is
// clean by netplot's Problems: no label is crossed by a link or overlaps
// another label, a disc or the legend, none leaves the canvas, no link
// passes through a node it does not join, and every colour and line
// style has one meaning (camps in hues, tie types in greys). The legend
// has its two labelled groups, camps then tie types; the title promises
// only what is drawn; and the figure, drawn as Save draws it, puts every
// label line inside the box Geometry gives it.
func TestAllianceNetworkGeometry(t *testing.T) {
	for _, dir := range datasetsDrawn(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			s, err := study.Load(dir)
			if err != nil {
				t.Fatal(err)
			}
			checkAllianceNetwork(t, s)
		})
	}
}

// datasetsDrawn are the datasets whose figures are checked: the one the
// tests use and the one figures/ is built from (../../DATASET).
func datasetsDrawn(t *testing.T) []string {
	b, err := os.ReadFile("../../DATASET")
	if err != nil {
		t.Fatal(err)
	}
	shipped := filepath.Join("../..", strings.TrimSpace(string(b)))
	if filepath.Clean(shipped) == filepath.Clean(datasetDir) {
		return []string{datasetDir}
	}
	return []string{datasetDir, shipped}
}

func checkAllianceNetwork(t *testing.T, s *study.Study) {
	p, net, err := allianceNetworkFigure(s)
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder.Canvas{}
	c := draw.NewCanvas(rec, figure.FullWidth, F1Height)
	figure.Padded(p.Draw, figure.Margin)(c)
	geo := net.Geometry(p.DataCanvas(draw.Crop(c, figure.Margin, -figure.Margin, figure.Margin, -figure.Margin)))
	for _, pr := range geo.Problems() {
		t.Error(pr)
	}
	g, err := AllianceNetwork(s)
	if err != nil {
		t.Fatal(err)
	}
	if len(geo.Labels) != g.N() || len(geo.Links) != len(g.Links) {
		t.Errorf("%d labels and %d links drawn, want %d and %d", len(geo.Labels), len(geo.Links), g.N(), len(g.Links))
	}
	var heads []string
	kinds := 0
	for _, e := range geo.Legend.Entries {
		switch {
		case e.Swatch == (vg.Rectangle{}):
			heads = append(heads, e.Text)
		case e.Kind != "":
			kinds++
		}
	}
	if !slices.Equal(heads, []string{"Camp", "Tie type (most frequent)"}) || kinds == 0 {
		t.Errorf("legend headings %q with %d tie types, want Camp, then Tie type (most frequent)", heads, kinds)
	}
	if title := p.Title.Text; strings.Contains(title, "ring") || strings.Contains(title, "core") {
		t.Errorf("title %q promises rings or cores, which are not drawn", title)
	}
	var drawn []*recorder.FillString
	for _, a := range rec.Actions {
		if f, ok := a.(*recorder.FillString); ok {
			drawn = append(drawn, f)
		}
	}
	for _, l := range geo.Labels {
		for _, line := range l.Lines {
			if !slices.ContainsFunc(drawn, func(f *recorder.FillString) bool {
				return f.String == line && f.Point.X >= l.Box.Min.X-1e-6 && f.Point.X <= l.Box.Max.X && f.Point.Y > l.Box.Min.Y && f.Point.Y < l.Box.Max.Y
			}) {
				t.Errorf("label line %q is not drawn inside its box %v", line, l.Box)
			}
		}
	}
}
