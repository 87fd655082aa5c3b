package figure

import (
	"math"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"
)

// TextBox is a string as drawn: the corners of the box from its
// baseline's left end, by the font's ascent and descent, on the canvas
// (rotated as drawn), counter-clockwise from the lower left.
type TextBox struct {
	Text    string
	Corners [4]vg.Point
}

// Bounds is the smallest upright rectangle holding b.
func (b TextBox) Bounds() vg.Rectangle {
	r := vg.Rectangle{Min: b.Corners[0], Max: b.Corners[0]}
	for _, p := range b.Corners[1:] {
		r.Min.X, r.Min.Y = min(r.Min.X, p.X), min(r.Min.Y, p.Y)
		r.Max.X, r.Max.Y = max(r.Max.X, p.X), max(r.Max.Y, p.Y)
	}
	return r
}

// DrawnText draws fn at width w and height h on a canvas that records
// what is drawn, and returns the box of every string, in drawing order:
// what a reader sees of the text, measured by the fonts the renderers
// use, so a test can check that no label is clipped or covered.
func DrawnText(fn DrawFunc, w, h vg.Length) []TextBox {
	rec := &recorder.Canvas{}
	fn(draw.NewCanvas(rec, w, h))
	type affine struct{ a, b, c, d, e, f float64 } // x' = a x + c y + e, y' = b x + d y + f
	apply := func(m affine, p vg.Point) vg.Point {
		x, y := float64(p.X), float64(p.Y)
		return vg.Point{X: vg.Length(m.a*x + m.c*y + m.e), Y: vg.Length(m.b*x + m.d*y + m.f)}
	}
	then := func(m, n affine) affine { // m, then n in m's frame
		return affine{
			a: m.a*n.a + m.c*n.b, b: m.b*n.a + m.d*n.b,
			c: m.a*n.c + m.c*n.d, d: m.b*n.c + m.d*n.d,
			e: m.a*n.e + m.c*n.f + m.e, f: m.b*n.e + m.d*n.f + m.f,
		}
	}
	cur, stack := affine{a: 1, d: 1}, []affine(nil)
	var out []TextBox
	for _, act := range rec.Actions {
		switch act := act.(type) {
		case *recorder.Push:
			stack = append(stack, cur)
		case *recorder.Pop:
			cur, stack = stack[len(stack)-1], stack[:len(stack)-1]
		case *recorder.Rotate:
			s, c := math.Sincos(act.Angle)
			cur = then(cur, affine{a: c, b: s, c: -s, d: c})
		case *recorder.Translate:
			cur = then(cur, affine{a: 1, d: 1, e: float64(act.Point.X), f: float64(act.Point.Y)})
		case *recorder.Scale:
			cur = then(cur, affine{a: act.X, d: act.Y})
		case *recorder.FillString:
			face := font.DefaultCache.Lookup(act.Font, act.Size)
			e, wd, p := face.Extents(), face.Width(act.String), act.Point
			lo, hi := p.Y-e.Descent, p.Y+e.Ascent
			out = append(out, TextBox{Text: act.String, Corners: [4]vg.Point{
				apply(cur, vg.Point{X: p.X, Y: lo}), apply(cur, vg.Point{X: p.X + wd, Y: lo}),
				apply(cur, vg.Point{X: p.X + wd, Y: hi}), apply(cur, vg.Point{X: p.X, Y: hi}),
			}})
		}
	}
	return out
}
