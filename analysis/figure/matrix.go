package figure

import (
	"errors"
	"fmt"
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Matrix is a plotter for a small categorical matrix, such as counts of
// themes by cooperation dimension: one shaded rectangle per cell, with the
// value printed in it. Row 0 is drawn at the top. Unlike plotter.HeatMap it
// has categorical axes, prints values, and shows missing cells as missing.
type Matrix struct {
	// Values holds the cells by row, then column. NaN marks a missing
	// value.
	Values [][]float64
	// Rows and Cols label the rows (top to bottom) and columns.
	Rows, Cols []string

	// Low and High are the fill colours of zero and of Max; values in
	// between are interpolated linearly in sRGB.
	Low, High color.Color
	// Max is the value shown in High; zero means the largest value.
	Max float64
	// Format prints a value; nil prints whole numbers as integers and
	// other values with two decimals.
	Format func(float64) string
	// MissingText is printed in a missing cell, in MissingColor.
	MissingText  string
	MissingColor color.Color
	// TextStyle is the style of the printed values. Its colour is
	// replaced by black or white, whichever contrasts with the fill.
	TextStyle text.Style
	// Gap is the width of the white space between cells.
	Gap vg.Length
}

// NewMatrix returns a Matrix of values with the given row and column
// labels, shaded from white to Okabe-Ito blue, with BodySize values and
// missing cells printed as "n.r.". It reports every row whose length
// differs from len(cols) and every negative value.
func NewMatrix(values [][]float64, rows, cols []string) (*Matrix, error) {
	var errs []error
	if len(values) == 0 || len(cols) == 0 {
		errs = append(errs, errors.New("matrix: no cells, expected at least one row and one column"))
	}
	if len(values) != len(rows) {
		errs = append(errs, fmt.Errorf("matrix: %d rows of values but %d row labels, expected equal numbers", len(values), len(rows)))
	}
	for i, r := range values {
		if len(r) != len(cols) {
			errs = append(errs, fmt.Errorf("matrix: row %d: %d values, expected %d (one per column)", i+1, len(r), len(cols)))
		}
		for j, v := range r {
			if v < 0 || math.IsInf(v, 0) {
				errs = append(errs, fmt.Errorf("matrix: row %d, column %d: value %v, expected a finite value >= 0 or NaN", i+1, j+1, v))
			}
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	sty := TextStyle(BodySize)
	sty.XAlign = draw.XCenter
	sty.YAlign = draw.YCenter
	return &Matrix{
		Values:       values,
		Rows:         rows,
		Cols:         cols,
		Low:          color.White,
		High:         Blue,
		MissingText:  "n.r.",
		MissingColor: color.NRGBA{R: 0xEE, G: 0xEE, B: 0xEE, A: 0xFF},
		TextStyle:    sty,
		Gap:          vg.Points(1),
	}, nil
}

// max returns the value shown in High.
func (m *Matrix) max() float64 {
	if m.Max > 0 {
		return m.Max
	}
	hi := 0.0
	for _, r := range m.Values {
		for _, v := range r {
			if v > hi {
				hi = v
			}
		}
	}
	return hi
}

// format prints v.
func (m *Matrix) format(v float64) string {
	if m.Format != nil {
		return m.Format(v)
	}
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatInt(int64(v), 10)
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}

// Fill returns the fill colour of value v.
func (m *Matrix) Fill(v float64) color.Color {
	hi := m.max()
	t := 0.0
	if hi > 0 {
		t = math.Min(v/hi, 1)
	}
	return lerp(m.Low, m.High, t)
}

// lerp interpolates between two colours in sRGB.
func lerp(a, b color.Color, t float64) color.NRGBA {
	ca := color.NRGBAModel.Convert(a).(color.NRGBA)
	cb := color.NRGBAModel.Convert(b).(color.NRGBA)
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x) + t*(float64(y)-float64(x)))) }
	return color.NRGBA{R: mix(ca.R, cb.R), G: mix(ca.G, cb.G), B: mix(ca.B, cb.B), A: mix(ca.A, cb.A)}
}

// Contrast returns black or white, whichever is easier to read on fill
// (WCAG 2.1 relative luminance; white when the luminance is below 0.179,
// where the two contrast ratios are equal).
func Contrast(fill color.Color) color.Color {
	c := color.NRGBAModel.Convert(fill).(color.NRGBA)
	lin := func(u uint8) float64 {
		s := float64(u) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	l := 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
	if l < 0.179 {
		return color.White
	}
	return Black
}

// Plot implements plot.Plotter.
func (m *Matrix) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	n := len(m.Values)
	for i, row := range m.Values {
		y := float64(n - 1 - i)
		for j, v := range row {
			x := float64(j)
			lo := vg.Point{X: trX(x-0.5) + m.Gap/2, Y: trY(y-0.5) + m.Gap/2}
			hi := vg.Point{X: trX(x+0.5) - m.Gap/2, Y: trY(y+0.5) - m.Gap/2}
			fill, label := m.MissingColor, m.MissingText
			if !math.IsNaN(v) {
				fill, label = m.Fill(v), m.format(v)
			}
			c.FillPolygon(fill, []vg.Point{lo, {X: hi.X, Y: lo.Y}, hi, {X: lo.X, Y: hi.Y}})
			sty := m.TextStyle
			sty.Color = Contrast(fill)
			c.FillText(sty, vg.Point{X: (lo.X + hi.X) / 2, Y: (lo.Y + hi.Y) / 2}, label)
		}
	}
}

// DataRange implements plot.DataRanger.
func (m *Matrix) DataRange() (xmin, xmax, ymin, ymax float64) {
	return -0.5, float64(len(m.Cols)) - 0.5, -0.5, float64(len(m.Values)) - 0.5
}

// AddTo adds m to p and makes p's axes categorical: column labels under
// the X axis, row labels left of the Y axis (first row on top), no axis
// lines or ticks, and no padding.
func (m *Matrix) AddTo(p *plot.Plot) {
	p.Add(m)
	Nominal(&p.X, m.Cols...)
	rev := make([]string, len(m.Rows))
	for i, r := range m.Rows {
		rev[len(m.Rows)-1-i] = r
	}
	Nominal(&p.Y, rev...)
	p.X.Padding = 0
	p.Y.Padding = 0
}

// Nominal makes a an axis of categories: names[i] labels position i, and
// the axis line and tick marks are hidden.
func Nominal(a *plot.Axis, names ...string) {
	ticks := make([]plot.Tick, len(names))
	for i, n := range names {
		ticks[i] = plot.Tick{Value: float64(i), Label: n}
	}
	a.Tick.Marker = plot.ConstantTicks(ticks)
	a.Tick.Length = 0
	a.LineStyle.Width = 0
	a.Tick.LineStyle.Width = 0
}

// IntegerTicks marks axis a at every whole number from lo to hi, each
// labelled, for a count or a rank: there is no tick between them and none
// is left unlabelled, so the first (1 for a rank) always shows. With more
// than twenty values only every step-th is labelled (the first always).
func IntegerTicks(a *plot.Axis, lo, hi int) {
	step := max(1, (hi-lo+20)/20)
	var ticks []plot.Tick
	for v := lo; v <= hi; v++ {
		t := plot.Tick{Value: float64(v)}
		if (v-lo)%step == 0 {
			t.Label = strconv.Itoa(v)
		}
		ticks = append(ticks, t)
	}
	a.Tick.Marker = plot.ConstantTicks(ticks)
	a.Min, a.Max = float64(lo)-0.5, float64(hi)+0.5
}

// RotateX rotates the X tick labels of p by degrees counter-clockwise
// (0 to 90), for long category names: each label's end, its top corner,
// sits under its tick, so the whole label hangs below the axis, where
// gonum/plot makes room for it, and never runs under the data (a
// label centred on its tick would: half its end rises above the axis,
// under the cells of a Matrix). gonum/plot draws a tick label a
// descent above the axis line, so RotateX keeps the X axis at least that
// and a point away from the data (p.X.Padding): call it after
// Matrix.AddTo, which sets the padding to 0.
func RotateX(p *plot.Plot, degrees float64) {
	p.X.Tick.Label.Rotation = degrees * math.Pi / 180
	p.X.Tick.Label.XAlign = draw.XRight
	p.X.Tick.Label.YAlign = draw.YTop
	p.X.Padding = max(p.X.Padding, p.X.Tick.Label.FontExtents().Descent+vg.Points(1))
}
