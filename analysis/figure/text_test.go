package figure_test

import (
	"fmt"
	"slices"
	"testing"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/nexus-toolkit/nexus/analysis/figure"
)

// A matrix with rotated column labels, as notebook 06 draws it (no axis
// padding): every label is drawn whole, inside the canvas, and none runs
// under the cells (they would cover it: "Staf", "Trus").
func TestMatrixLabelsClear(t *testing.T) {
	names := []string{"Distance and travel", "Cost", "Opening hours", "Staff", "Facilities", "Trust"}
	values := make([][]float64, len(names))
	for i := range values {
		values[i] = []float64{62, 70, 16, 10, 18, 18}
	}
	m, err := figure.NewMatrix(values, names, names)
	if err != nil {
		t.Fatal(err)
	}
	p := figure.New()
	p.Title.Text = "Overlapping segments per pair of codes"
	m.AddTo(p)
	figure.RotateX(p, 35)
	w, h := figure.FullWidth, 11*vg.Centimeter
	cells := p.DataCanvas(draw.Crop(draw.NewCanvas(nil, w, h), figure.Margin, -figure.Margin, figure.Margin, -figure.Margin)).Rectangle
	boxes := figure.DrawnText(figure.Padded(p.Draw, figure.Margin), w, h)
	seen := 0
	for _, b := range boxes {
		r := b.Bounds()
		if r.Min.X < 0 || r.Min.Y < 0 || r.Max.X > w || r.Max.Y > h {
			t.Errorf("%q is drawn at %v, outside the %v × %v canvas", b.Text, r, w, h)
		}
		if !slices.Contains(names, b.Text) {
			continue
		}
		seen++
		for _, c := range b.Corners {
			if c.X > cells.Min.X && c.Y > cells.Min.Y && c.X < cells.Max.X && c.Y < cells.Max.Y {
				t.Errorf("label %q reaches under the cells at %v (cells %v)", b.Text, c, cells)
				break
			}
		}
	}
	if seen != 2*len(names) {
		t.Errorf("%d labels drawn, want %d", seen, 2*len(names))
	}
}

// ExampleDrawnText measures the text of a figure as it is drawn.
func ExampleDrawnText() {
	p := figure.New()
	p.Title.Text = "A title"
	p.HideAxes()
	for _, b := range figure.DrawnText(p.Draw, figure.ColumnWidth, 3*vg.Centimeter) {
		r := b.Bounds()
		fmt.Printf("%q inside the canvas: %v\n", b.Text, r.Min.X >= 0 && r.Max.X <= figure.ColumnWidth)
	}
	// Output:
	// "A title" inside the canvas: true
}
