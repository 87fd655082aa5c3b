package figure_test

import (
	"bytes"
	"fmt"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"
	"path/filepath"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/nexus-toolkit/nexus/analysis/figure"
)

// The values of these examples are synthetic: they show the style, not
// any result of the study.

// ExampleMatrix draws a categorical matrix with the counts printed in the
// cells and a missing cell, at full journal width, into matrix.png in the
// working directory. It has no output comment, so go test only compiles
// it: TestGolden runs it in a temporary directory and compares the file
// with testdata/matrix_golden.png.
func ExampleMatrix() {
	nan := math.NaN()
	m, err := figure.NewMatrix(
		[][]float64{
			{3, 1, 0, 2},
			{0, 4, 1, nan},
			{1, 0, 6, 2},
			{2, 2, 1, 0},
		},
		[]string{"Theme one with a long descriptive name", "Theme two", "Theme three", "Theme four, also long"},
		[]string{"Dimension A", "Dimension B", "Dimension C", "Dimension D"},
	)
	if err != nil {
		log.Fatal(err)
	}
	p := figure.New()
	p.Title.Text = "Synthetic counts by theme and dimension"
	m.AddTo(p)

	f, err := os.Create("matrix.png")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	if err := figure.Encode(f, figure.PNG, figure.Padded(p.Draw, figure.Margin), figure.FullWidth, 7*vg.Centimeter); err != nil {
		log.Fatal(err)
	}
}

// ExampleStyle draws lines in the first palette colours, with a legend,
// a bold title and an italic axis label, at column width, into style.png
// in the working directory. TestGolden runs it in a temporary directory
// and compares the file with testdata/style_golden.png.
func ExampleStyle() {
	p := figure.New()
	p.Title.Text = "Synthetic series"
	p.Title.TextStyle.Font = figure.Font(figure.TitleSize, xfont.WeightBold, xfont.StyleNormal)
	p.X.Label.Text = "Year"
	p.Y.Label.Text = "Count"
	p.Y.Label.TextStyle.Font = figure.Font(figure.BodySize, xfont.WeightNormal, xfont.StyleItalic)
	g := plotter.NewGrid()
	g.Vertical = figure.GridStyle()
	g.Horizontal = figure.GridStyle()
	p.Add(g)
	p.Y.Max = 9 // room for the legend
	for i, name := range []string{"Series A", "Series B", "Series C"} {
		pts := make(plotter.XYs, 6)
		for j := range pts {
			pts[j].X = float64(2000 + 5*j)
			pts[j].Y = float64((j*(i+1))%5 + i)
		}
		l, err := plotter.NewLine(pts)
		if err != nil {
			log.Fatal(err)
		}
		l.LineStyle = figure.LineStyle(i)
		p.Add(l)
		p.Legend.Add(name, l)
	}

	f, err := os.Create("style.png")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	if err := figure.Encode(f, figure.PNG, figure.Padded(p.Draw, figure.Margin), figure.ColumnWidth, 6*vg.Centimeter); err != nil {
		log.Fatal(err)
	}
}

// ExampleSave writes one figure in the three formats.
func ExampleSave() {
	dir, err := os.MkdirTemp("", "figure")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	p := figure.New()
	p.Title.Text = "Empty figure"
	if err := figure.Save(p, figure.ColumnWidth, 5*vg.Centimeter, filepath.Join(dir, "fig-empty")); err != nil {
		log.Fatal(err)
	}
	files, _ := os.ReadDir(dir)
	for _, f := range files {
		fmt.Println(f.Name())
	}
	// Output:
	// fig-empty.pdf
	// fig-empty.png
	// fig-empty.svg
}

// ExampleEncodePNG draws a figure 4 by 2 inches as a PNG at 144 dots per
// inch, the resolution of the notebooks' PNG copies: 576 by 288 pixels.
func ExampleEncodePNG() {
	var b bytes.Buffer
	err := figure.EncodePNG(&b, func(c draw.Canvas) {
		c.FillPolygon(color.Black, []vg.Point{{X: c.Min.X, Y: c.Min.Y}, {X: c.Max.X, Y: c.Min.Y}, {X: c.Max.X, Y: c.Max.Y}})
	}, 4*vg.Inch, 2*vg.Inch, 144)
	if err != nil {
		log.Fatal(err)
	}
	cfg, err := png.DecodeConfig(&b)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(cfg.Width, "x", cfg.Height)
	// Output: 576 x 288
}
