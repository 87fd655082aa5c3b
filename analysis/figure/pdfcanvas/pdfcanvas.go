// Package pdfcanvas implements gonum/plot's vg.Canvas as a one-page PDF
// document, written with the public API of fpdf (codeberg.org/go-pdf/fpdf)
// and deterministic byte for byte.
//
// It takes the place of gonum/plot's vg/vgpdf, which cannot produce such
// files through its public API (gonum/plot v0.17.0, fpdf v0.11.1):
//
//   - Dates. fpdf writes /CreationDate and /ModDate from time.Now unless
//     the document's SetCreationDate and SetModificationDate are called,
//     and vgpdf keeps its *fpdf.Fpdf in an unexported field with no
//     accessor or option. New takes the date to write.
//   - Resource order. fpdf writes the catalog of fonts and images in map
//     order unless SetCatalogSort(true) is called on the document, which
//     vgpdf does not expose either. A Canvas sorts it. fpdf's sort orders
//     images by their width in pixels alone, leaving different images of
//     one width in map order, and offers no hook to break the tie; a Canvas
//     embeds such an image widened (see DrawImage).
//   - Fonts. vgpdf converts every face with fpdf.MakeFont from a file it
//     names font.ttf, so every font program is keyed "font.z" and all faces
//     of a document share the glyphs of the last one registered; it
//     registers each face under its full name with an empty style but
//     selects it with style "B" or "I", which fpdf reports as an undefined
//     font; and its fonts use the Windows-1252 code page while strings are
//     passed on as UTF-8, so non-ASCII text prints wrong glyphs. A Canvas
//     registers each face once as a UTF-8 (Identity-H) font of its own name,
//     embedded as a subset, and selects it by that name.
//   - Drawing. vgpdf paints each arc as a shape of its own (fpdf's Arc),
//     rotated by the arc's own angle, writes quadratic curves with fpdf's
//     CurveTo, whose "v" operator is a different cubic, and passes colours
//     premultiplied by their alpha. A Canvas adds arcs to the path (ArcTo),
//     raises quadratic curves to cubics and un-premultiplies colours. For
//     the full circles and opaque colours of our figures both look alike.
//
// fpdf's package-level SetDefaultCreationDate, SetDefaultModificationDate
// and SetDefaultCatalogSort would reach a vgpdf document, but they set
// process-wide state that every other user of fpdf shares, so they are not
// used.
//
// Coordinates: PDF user space, with the origin at the bottom left and y up
// in points, is vg's own, so vg's transforms are written as PDF matrices
// unchanged. fpdf's drawing methods measure y from the top of the page;
// every point passed to them is converted with the page height.
package pdfcanvas

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// Canvas is a vg.CanvasWriterTo that draws one PDF page. Create it with
// New; the zero value is not usable. A Canvas is not safe for concurrent
// use; separate canvases are independent.
type Canvas struct {
	doc    *fpdf.Fpdf
	w, h   vg.Length
	stack  []state                   // the vg state saved by Push, last is current
	fonts  map[string]bool           // names of the faces registered in doc
	images int                       // images drawn so far, to name the next one
	widths map[int][sha256.Size]byte // pixel width -> the image embedded with it
	done   bool                      // WriteTo has been called
}

// state is the part of the drawing state that a Canvas needs to know:
// PDF restores all of it on Pop, but fpdf does not track that.
type state struct {
	width vg.Length // line width; Stroke draws nothing if not positive
	alpha float64   // opacity of the current colour
}

var _ vg.CanvasWriterTo = (*Canvas)(nil)

// New returns a Canvas for a page of width w and height h, with a line
// width of 1 pt, solid lines and black as vg.Canvas requires. date is
// written, in UTC, as the document's creation and modification date; the
// zero time stands for 1970-01-01T00:00:00Z. The bytes WriteTo writes
// depend only on what is drawn, w, h and date.
func New(w, h vg.Length, date time.Time) *Canvas {
	if date.IsZero() {
		date = time.Unix(0, 0)
	}
	doc := fpdf.NewCustom(&fpdf.InitType{
		UnitStr: "pt",
		Size:    fpdf.SizeType{Wd: w.Points(), Ht: h.Points()},
	})
	doc.SetCreationDate(date.UTC())
	doc.SetModificationDate(date.UTC())
	doc.SetCatalogSort(true)
	doc.AddPage()
	doc.TransformBegin() // Transform needs an open context; WriteTo ends it
	c := &Canvas{
		doc:    doc,
		w:      w,
		h:      h,
		stack:  []state{{width: 1, alpha: 1}},
		fonts:  map[string]bool{},
		widths: map[int][sha256.Size]byte{},
	}
	vg.Initialize(c)
	return c
}

// Size returns the page size given to New.
func (c *Canvas) Size() (w, h vg.Length) { return c.w, c.h }

// cur returns the current drawing state.
func (c *Canvas) cur() *state { return &c.stack[len(c.stack)-1] }

// xy converts a vg point to fpdf's coordinates, y measured from the top.
func (c *Canvas) xy(p vg.Point) (x, y float64) {
	return p.X.Points(), c.h.Points() - p.Y.Points()
}

// SetLineWidth implements vg.Canvas.
func (c *Canvas) SetLineWidth(w vg.Length) {
	c.cur().width = w
	if w > 0 {
		c.doc.SetLineWidth(w.Points())
	}
}

// SetLineDash implements vg.Canvas.
func (c *Canvas) SetLineDash(pattern []vg.Length, offset vg.Length) {
	dashes := make([]float64, len(pattern))
	for i, d := range pattern {
		dashes[i] = d.Points()
	}
	c.doc.SetDashPattern(dashes, offset.Points())
}

// SetColor implements vg.Canvas. Text, strokes and fills take the colour;
// its alpha becomes the opacity of all three.
func (c *Canvas) SetColor(clr color.Color) {
	if clr == nil {
		clr = color.Black
	}
	n := color.NRGBAModel.Convert(clr).(color.NRGBA)
	r, g, b := int(n.R), int(n.G), int(n.B)
	c.doc.SetFillColor(r, g, b)
	c.doc.SetDrawColor(r, g, b)
	c.doc.SetTextColor(r, g, b)
	if a := float64(n.A) / 255; a != c.cur().alpha {
		c.doc.SetAlpha(a, "Normal")
		c.cur().alpha = a
	}
}

// Rotate implements vg.Canvas: rad radians counter-clockwise.
func (c *Canvas) Rotate(rad float64) {
	sin, cos := math.Sincos(rad)
	c.doc.Transform(fpdf.TransformMatrix{A: cos, B: sin, C: -sin, D: cos})
}

// Translate implements vg.Canvas.
func (c *Canvas) Translate(pt vg.Point) {
	c.doc.Transform(fpdf.TransformMatrix{A: 1, D: 1, E: pt.X.Points(), F: pt.Y.Points()})
}

// Scale implements vg.Canvas.
func (c *Canvas) Scale(x, y float64) {
	c.doc.Transform(fpdf.TransformMatrix{A: x, D: y})
}

// Push implements vg.Canvas.
func (c *Canvas) Push() {
	c.stack = append(c.stack, *c.cur())
	c.doc.TransformBegin()
}

// Pop implements vg.Canvas. It panics if there is no Push to undo.
func (c *Canvas) Pop() {
	if len(c.stack) == 1 {
		panic("pdfcanvas: Pop without Push")
	}
	c.stack = c.stack[:len(c.stack)-1]
	c.doc.TransformEnd()
}

// Stroke implements vg.Canvas.
func (c *Canvas) Stroke(p vg.Path) {
	if c.cur().width > 0 {
		c.path(p, "D")
	}
}

// Fill implements vg.Canvas, with the nonzero winding rule.
func (c *Canvas) Fill(p vg.Path) { c.path(p, "F") }

// path writes p and paints it with fpdf's style: "D" strokes, "F" fills.
func (c *Canvas) path(p vg.Path, style string) {
	if len(p) == 0 {
		return
	}
	var at, start vg.Point // the current point and the subpath's first
	for i, comp := range p {
		switch comp.Type {
		case vg.MoveComp:
			c.doc.MoveTo(c.xy(comp.Pos))
			at, start = comp.Pos, comp.Pos
		case vg.LineComp:
			c.doc.LineTo(c.xy(comp.Pos))
			at = comp.Pos
		case vg.ArcComp:
			if i == 0 {
				start = arcPoint(comp, comp.Start)
				c.doc.MoveTo(c.xy(start))
			}
			c.arc(comp)
			at = arcPoint(comp, comp.Start+comp.Angle)
		case vg.CurveComp:
			c.curve(at, comp)
			at = comp.Pos
		case vg.CloseComp:
			c.doc.ClosePath()
			at = start
		default:
			panic(fmt.Sprintf("pdfcanvas: unknown path component type %d", comp.Type))
		}
	}
	c.doc.DrawPath(style)
}

// arcPoint returns the point of the arc comp at angle a (radians).
func arcPoint(comp vg.PathComp, a float64) vg.Point {
	sin, cos := math.Sincos(a)
	return comp.Pos.Add(vg.Point{X: comp.Radius * vg.Length(cos), Y: comp.Radius * vg.Length(sin)})
}

// arc adds a circular arc to the path, joined to the current point by a
// line. fpdf's ArcTo splits an arc into Bézier segments of at most 60
// degrees only if it runs counter-clockwise; a clockwise arc gets two
// segments whatever its length. Pieces of at most 120 degrees give arcs
// in both directions segments of at most 60 degrees.
func (c *Canvas) arc(comp vg.PathComp) {
	const piece = 2 * math.Pi / 3
	pieces := max(1, int(math.Ceil(math.Abs(comp.Angle)/piece)))
	step := comp.Angle / float64(pieces)
	x, y := c.xy(comp.Pos)
	r := comp.Radius.Points()
	for i := range pieces {
		from := comp.Start + float64(i)*step
		to := comp.Start + float64(i+1)*step
		c.doc.ArcTo(x, y, r, r, 0, degrees(from), degrees(to))
	}
}

// degrees converts radians to degrees.
func degrees(rad float64) float64 { return rad * 180 / math.Pi }

// curve adds a quadratic or cubic Bézier curve that starts at from. A
// quadratic curve is raised to the cubic with the same shape, as PDF has
// no quadratic curves (fpdf's CurveTo writes the "v" operator, a cubic
// curve that is not the quadratic one).
func (c *Canvas) curve(from vg.Point, comp vg.PathComp) {
	var c1, c2 vg.Point
	switch len(comp.Control) {
	case 1:
		q := comp.Control[0]
		c1 = from.Add(q.Sub(from).Scale(2.0 / 3))
		c2 = comp.Pos.Add(q.Sub(comp.Pos).Scale(2.0 / 3))
	case 2:
		c1, c2 = comp.Control[0], comp.Control[1]
	default:
		panic(fmt.Sprintf("pdfcanvas: curve with %d control points, expected 1 or 2", len(comp.Control)))
	}
	x1, y1 := c.xy(c1)
	x2, y2 := c.xy(c2)
	x, y := c.xy(comp.Pos)
	c.doc.CurveBezierCubicTo(x1, y1, x2, y2, x, y)
}

// FillString implements vg.Canvas: text with its baseline starting at pt.
// The face is embedded as a subset the first time it is used.
func (c *Canvas) FillString(f font.Face, pt vg.Point, text string) {
	if f.Font.Size == 0 {
		return
	}
	name := f.Name()
	if !c.fonts[name] {
		var ttf bytes.Buffer
		if _, err := f.Face.WriteSourceTo(nil, &ttf); err != nil {
			panic(fmt.Errorf("pdfcanvas: font %s: %w", name, err))
		}
		c.doc.AddUTF8FontFromBytes(name, "", ttf.Bytes())
		c.fonts[name] = true
	}
	c.doc.SetFont(name, "", f.Font.Size.Points())
	x, y := c.xy(pt)
	c.doc.Text(x, y, text)
}

// DrawImage implements vg.Canvas. The image is embedded as a PNG, once
// per distinct image.
//
// fpdf's catalog sort orders images by their width in pixels only and
// leaves images of equal width in map order, so two different images of
// the same width would be written in either order. An image whose width
// a different image already has is therefore embedded widened k times,
// each column repeated, with k the smallest factor that gives a free
// width; drawn into the same rectangle it looks the same.
func (c *Canvas) DrawImage(rect vg.Rectangle, img image.Image) {
	size := rect.Size()
	if size.X <= 0 || size.Y <= 0 {
		return
	}
	data, sum := encodePNG(img)
	wide := img
	for k := 2; ; k++ {
		if have, ok := c.widths[wide.Bounds().Dx()]; !ok || have == sum {
			break
		}
		wide = widen(img, k)
		data, sum = encodePNG(wide)
	}
	c.widths[wide.Bounds().Dx()] = sum
	c.images++
	name := fmt.Sprintf("image%d", c.images)
	opts := fpdf.ImageOptions{ImageType: "png"}
	c.doc.RegisterImageOptionsReader(name, opts, bytes.NewReader(data))
	x, y := c.xy(vg.Point{X: rect.Min.X, Y: rect.Max.Y}) // top left
	c.doc.ImageOptions(name, x, y, size.X.Points(), size.Y.Points(), false, opts, 0, "")
}

// encodePNG returns img as a PNG and the SHA-256 sum of the PNG.
func encodePNG(img image.Image) ([]byte, [sha256.Size]byte) {
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(fmt.Errorf("pdfcanvas: encoding an image as PNG: %w", err))
	}
	return b.Bytes(), sha256.Sum256(b.Bytes())
}

// widen returns img with every column repeated k times.
func widen(img image.Image, k int) image.Image {
	b := img.Bounds()
	out := image.NewNRGBA(image.Rect(0, 0, b.Dx()*k, b.Dy()))
	for y := range b.Dy() {
		for x := range b.Dx() {
			px := img.At(b.Min.X+x, b.Min.Y+y)
			for j := range k {
				out.Set(x*k+j, y, px)
			}
		}
	}
	return out
}

// WriteTo ends the page and writes the document to w. The Canvas can be
// neither drawn on nor written again afterwards. It returns the first
// error fpdf met while drawing, if any, such as a font it could not read.
func (c *Canvas) WriteTo(w io.Writer) (int64, error) {
	if c.done {
		return 0, errors.New("pdfcanvas: WriteTo called twice")
	}
	c.done = true
	if n := len(c.stack) - 1; n != 0 {
		return 0, fmt.Errorf("pdfcanvas: %d Push without Pop", n)
	}
	c.doc.TransformEnd()
	var b bytes.Buffer
	if err := c.doc.Output(&b); err != nil {
		return 0, err
	}
	return b.WriteTo(w)
}
