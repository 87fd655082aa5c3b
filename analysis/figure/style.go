package figure

import (
	"image/color"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Journal widths of a figure.
const (
	FullWidth   = 17 * vg.Centimeter  // a figure across the text block
	ColumnWidth = 8.5 * vg.Centimeter // a figure in one column
)

// The type scale: every text in every figure has one of these sizes.
const (
	TitleSize = 9 * vg.Inch / 72 // plot titles
	BodySize  = 8 * vg.Inch / 72 // axis labels, legend entries, cell labels
	TickSize  = 7 * vg.Inch / 72 // tick labels and annotations
)

// Line widths.
const (
	AxisWidth = vg.Length(0.5) // axes and ticks, in points
	DataWidth = vg.Length(1)   // data lines and edges, in points
	GridWidth = vg.Length(0.3) // grid lines, in points
)

// Typeface is the family of every text: Liberation Sans, metrically
// compatible with Arial and Helvetica, which gonum/plot bundles so that no
// system font can change an output.
var Typeface = font.Font{Typeface: "Liberation", Variant: "Sans"}

// Font returns the figure typeface at the given size, in the given
// weight and style (xfont.WeightNormal, xfont.StyleNormal for regular).
// Bold and italic work in every output format, PDF included (see Save).
func Font(size vg.Length, weight xfont.Weight, style xfont.Style) font.Font {
	f := font.From(Typeface, size)
	f.Weight = weight
	f.Style = style
	return f
}

// TextStyle returns a black regular text style at the given size.
func TextStyle(size vg.Length) text.Style {
	return text.Style{
		Color:   Black,
		Font:    font.From(Typeface, size),
		XAlign:  draw.XLeft,
		YAlign:  draw.YBottom,
		Handler: plot.DefaultTextHandler,
	}
}

// The Okabe-Ito palette, safe for the common forms of colour blindness
// (Okabe, M. and Ito, K. (2008) "Color Universal Design (CUD): how to make
// figures and presentations that are friendly to colorblind people",
// https://jfly.uni-koeln.de/color/, the eight colours of Fig. 16).
var (
	Orange        = color.NRGBA{R: 0xE6, G: 0x9F, B: 0x00, A: 0xFF} // #E69F00
	SkyBlue       = color.NRGBA{R: 0x56, G: 0xB4, B: 0xE9, A: 0xFF} // #56B4E9
	BluishGreen   = color.NRGBA{R: 0x00, G: 0x9E, B: 0x73, A: 0xFF} // #009E73
	Yellow        = color.NRGBA{R: 0xF0, G: 0xE4, B: 0x42, A: 0xFF} // #F0E442
	Blue          = color.NRGBA{R: 0x00, G: 0x72, B: 0xB2, A: 0xFF} // #0072B2
	Vermillion    = color.NRGBA{R: 0xD5, G: 0x5E, B: 0x00, A: 0xFF} // #D55E00
	ReddishPurple = color.NRGBA{R: 0xCC, G: 0x79, B: 0xA7, A: 0xFF} // #CC79A7
	Black         = color.NRGBA{A: 0xFF}                            // #000000
)

// Grey is a neutral grey for grid lines, missing cells and secondary
// marks; it is not part of the categorical palette.
var Grey = color.NRGBA{R: 0xBB, G: 0xBB, B: 0xBB, A: 0xFF} // #BBBBBB

// OkabeIto returns the eight Okabe-Ito colours in their published order
// (orange, sky blue, bluish green, yellow, blue, vermillion, reddish
// purple, black). The slice is new on every call.
func OkabeIto() []color.Color {
	return []color.Color{Orange, SkyBlue, BluishGreen, Yellow, Blue, Vermillion, ReddishPurple, Black}
}

// Color returns the i-th colour of OkabeIto, cycling for i >= 8. Negative
// i counts from the end.
func Color(i int) color.Color {
	p := OkabeIto()
	i %= len(p)
	if i < 0 {
		i += len(p)
	}
	return p[i]
}

// New returns a plot with Style applied.
func New() *plot.Plot {
	p := plot.New()
	Style(p)
	return p
}

// Style applies the type scale, the typeface and thin black axes to p:
// title TitleSize, axis labels and legend BodySize, tick labels TickSize,
// short ticks, and a legend at the top right. Call it before adding
// plotters whose styles are set from the plot (such as p.NominalX).
func Style(p *plot.Plot) {
	p.BackgroundColor = color.White
	p.Title.TextStyle.Font = font.From(Typeface, TitleSize)
	p.Title.TextStyle.Color = Black
	p.Title.Padding = vg.Points(4)
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = font.From(Typeface, BodySize)
		a.Label.TextStyle.Color = Black
		a.Label.Padding = vg.Points(2)
		a.Tick.Label.Font = font.From(Typeface, TickSize)
		a.Tick.Label.Color = Black
		a.LineStyle.Width = AxisWidth
		a.LineStyle.Color = Black
		a.Tick.LineStyle.Width = AxisWidth
		a.Tick.LineStyle.Color = Black
		a.Tick.Length = vg.Points(3)
		a.Padding = vg.Points(2)
	}
	StyleLegend(&p.Legend)
}

// StyleLegend sets a legend's text to BodySize, its thumbnails to 12
// points, and places it inside the top right corner.
func StyleLegend(l *plot.Legend) {
	l.TextStyle.Font = font.From(Typeface, BodySize)
	l.TextStyle.Color = Black
	l.ThumbnailWidth = vg.Points(12)
	l.Padding = vg.Points(2)
	l.Top = true
	l.Left = false
	l.YPosition = draw.PosCenter
}

// LineStyle returns a solid line of DataWidth in the i-th palette colour.
func LineStyle(i int) draw.LineStyle {
	return draw.LineStyle{Color: Color(i), Width: DataWidth}
}

// GridStyle is the style of grid lines: thin and light grey.
func GridStyle() draw.LineStyle {
	return draw.LineStyle{Color: Grey, Width: GridWidth}
}
