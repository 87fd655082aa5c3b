package pdfcanvas_test

import (
	"bytes"
	"image/color"
	"math"
	"strconv"
	"testing"
	"time"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgpdf"

	"github.com/nexus-toolkit/nexus/analysis/figure/pdfcanvas"
)

// BenchmarkLarge draws a synthetic page far larger than the paper's
// figures, 10,000 filled circles (arcs), a 10,000-point line and 1,000
// labels, and writes the PDF: with a Canvas, and for reference with
// gonum/plot's vgpdf (regular face only, as vgpdf fails on bold).
func BenchmarkLarge(b *testing.B) {
	regular := face(b, 7, xfont.WeightNormal, xfont.StyleNormal)
	for _, tc := range []struct {
		name string
		new  func() vg.CanvasWriterTo
	}{
		{"pdfcanvas", func() vg.CanvasWriterTo { return pdfcanvas.New(500, 500, time.Time{}) }},
		{"vgpdf", func() vg.CanvasWriterTo { return vgpdf.New(500, 500) }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			var buf bytes.Buffer
			for b.Loop() {
				c := tc.new()
				drawLarge(c, regular)
				buf.Reset()
				if _, err := c.WriteTo(&buf); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(int64(buf.Len()))
		})
	}
}

// drawLarge draws the page of BenchmarkLarge on c.
func drawLarge(c vg.Canvas, f font.Face) {
	var line vg.Path
	for i := range 10000 {
		x := vg.Length(i%100) * 5
		y := vg.Length(i/100) * 5
		c.SetColor(color.NRGBA{uint8(i), uint8(i >> 8), 200, 255})
		var p vg.Path
		p.Move(vg.Point{X: x + 2, Y: y})
		p.Arc(vg.Point{X: x, Y: y}, 2, 0, 2*math.Pi)
		p.Close()
		c.Fill(p)
		pt := vg.Point{X: vg.Length(i) / 20, Y: 250 + 200*vg.Length(math.Sin(float64(i)/300))}
		if i == 0 {
			line.Move(pt)
		} else {
			line.Line(pt)
		}
	}
	c.Stroke(line)
	for i := range 1000 {
		c.FillString(f, vg.Point{X: vg.Length(i%10) * 50, Y: vg.Length(i/10) * 5}, "label "+strconv.Itoa(i))
	}
}
