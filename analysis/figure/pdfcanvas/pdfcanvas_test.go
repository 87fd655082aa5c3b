package pdfcanvas_test

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/font/liberation"
	"gonum.org/v1/plot/vg"

	"github.com/nexus-toolkit/nexus/analysis/figure/pdfcanvas"
	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// fonts holds the Liberation faces that gonum/plot bundles.
var fonts = font.NewCache(liberation.Collection())

// face returns Liberation Sans of the given weight and style at size pt.
func face(t testing.TB, size vg.Length, w xfont.Weight, s xfont.Style) font.Face {
	t.Helper()
	f := fonts.Lookup(font.Font{Typeface: "Liberation", Variant: "Sans", Weight: w, Style: s}, size)
	if f.Face == nil {
		t.Fatalf("no Liberation Sans face of weight %v and style %v", w, s)
	}
	return f
}

// write ends c and returns its PDF.
func write(t testing.TB, c *pdfcanvas.Canvas) []byte {
	t.Helper()
	var b bytes.Buffer
	n, err := c.WriteTo(&b)
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(b.Len()) {
		t.Errorf("WriteTo returned %d, wrote %d bytes", n, b.Len())
	}
	return b.Bytes()
}

// file writes pdf into a temporary file and returns its name.
func file(t *testing.T, pdf []byte) string {
	t.Helper()
	name := filepath.Join(t.TempDir(), "test.pdf")
	if err := os.WriteFile(name, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

// raster renders pdf with poppler's pdftoppm at 72 dpi, one pixel per
// point, so that the pixel (x, h-y) shows the point (x, y) of the canvas.
func raster(t *testing.T, pdf []byte) image.Image {
	t.Helper()
	pdftoppm := testenv.LookPath(t, "pdftoppm", "poppler-utils")
	in := file(t, pdf)
	out := filepath.Join(filepath.Dir(in), "page")
	if b, err := exec.Command(pdftoppm, "-r", "72", "-png", "-singlefile", in, out).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, b)
	}
	f, err := os.Open(out + ".png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// at returns the colour of the canvas point (x, y) in img, a raster of a
// page of height h points.
func at(img image.Image, x, y, h float64) color.NRGBA {
	return color.NRGBAModel.Convert(img.At(int(x), int(h-y))).(color.NRGBA)
}

// near reports whether two colours differ by at most 8 in each channel.
func near(a, b color.NRGBA) bool {
	d := func(x, y uint8) bool { return math.Abs(float64(x)-float64(y)) <= 8 }
	return d(a.R, b.R) && d(a.G, b.G) && d(a.B, b.B)
}

var (
	white = color.NRGBA{255, 255, 255, 255}
	red   = color.NRGBA{255, 0, 0, 255}
	blue  = color.NRGBA{0, 0, 255, 255}
	green = color.NRGBA{0, 160, 0, 255}
)

// TestGeometry draws shapes on 100 x 100 pt pages, renders them with
// pdftoppm and checks the colour of points inside and outside each: vg's
// coordinates (origin bottom left, y up), its transforms, arcs in both
// directions, quadratic curves, images upright, opacity and line widths.
func TestGeometry(t *testing.T) {
	const size = 100
	rect := func(x0, y0, x1, y1 vg.Length) vg.Path {
		var p vg.Path
		p.Move(vg.Point{X: x0, Y: y0})
		p.Line(vg.Point{X: x1, Y: y0})
		p.Line(vg.Point{X: x1, Y: y1})
		p.Line(vg.Point{X: x0, Y: y1})
		p.Close()
		return p
	}
	type probe struct {
		x, y float64
		want color.NRGBA
	}
	for _, tc := range []struct {
		name   string
		draw   func(c *pdfcanvas.Canvas)
		probes []probe
	}{{
		name: "origin bottom left",
		draw: func(c *pdfcanvas.Canvas) {
			c.SetColor(red)
			c.Fill(rect(0, 0, 50, 30))
		},
		probes: []probe{{25, 15, red}, {25, 40, white}, {75, 15, white}, {25, 85, white}},
	}, {
		name: "translate and rotate counter-clockwise",
		draw: func(c *pdfcanvas.Canvas) {
			c.Push()
			c.Translate(vg.Point{X: 50, Y: 50})
			c.Rotate(math.Pi / 2)
			c.SetColor(green)
			c.Fill(rect(0, 0, 30, 10)) // now x 40..50, y 50..80
			c.Pop()
			c.Fill(rect(0, 0, 10, 10)) // Pop restored black
		},
		probes: []probe{{45, 70, green}, {65, 55, white}, {5, 5, color.NRGBA{0, 0, 0, 255}}},
	}, {
		name: "scale",
		draw: func(c *pdfcanvas.Canvas) {
			c.Scale(2, 3)
			c.SetColor(blue)
			c.Fill(rect(10, 10, 20, 20)) // x 20..40, y 30..60
		},
		probes: []probe{{30, 45, blue}, {15, 45, white}, {30, 25, white}, {30, 65, white}},
	}, {
		name: "arcs counter-clockwise and clockwise",
		draw: func(c *pdfcanvas.Canvas) {
			c.SetColor(blue)
			var p vg.Path // a quarter from 3 o'clock up to 12 o'clock
			p.Move(vg.Point{X: 25, Y: 25})
			p.Arc(vg.Point{X: 25, Y: 25}, 20, 0, math.Pi/2)
			p.Close()
			c.Fill(p)
			var q vg.Path // a quarter from 3 o'clock down to 6 o'clock
			q.Move(vg.Point{X: 75, Y: 75})
			q.Arc(vg.Point{X: 75, Y: 75}, 20, 0, -math.Pi/2)
			q.Close()
			c.Fill(q)
			var o vg.Path // a full circle, clockwise, starting the path
			o.Arc(vg.Point{X: 75, Y: 25}, 10, 0, -2*math.Pi)
			o.Close()
			c.Fill(o)
		},
		probes: []probe{
			{33, 33, blue}, {17, 33, white}, {33, 17, white}, {25 + 16, 25 + 16, white},
			{83, 67, blue}, {83, 83, white}, {67, 67, white},
			{75, 25, blue}, {82, 25, blue}, {75, 18, blue}, {68, 25, blue}, {75, 32, blue}, {83, 33, white},
			{75, 16.5, blue}, {75, 33.5, blue}, // 8.5 from the centre: a half circle in one cubic reaches 7.9
		},
	}, {
		name: "quadratic curve",
		draw: func(c *pdfcanvas.Canvas) {
			// From (0,20) through control (30,80) to (60,20): the curve
			// peaks at y = 50; the "v" operator would peak at 42.5.
			var p vg.Path
			p.Move(vg.Point{X: 0, Y: 20})
			p.QuadTo(vg.Point{X: 30, Y: 80}, vg.Point{X: 60, Y: 20})
			p.Close()
			c.SetColor(red)
			c.Fill(p)
		},
		probes: []probe{{30, 47, red}, {30, 53, white}},
	}, {
		name: "image upright",
		draw: func(c *pdfcanvas.Canvas) {
			img := image.NewNRGBA(image.Rect(0, 0, 2, 2))
			img.Set(0, 0, red) // the top row
			img.Set(1, 0, red)
			img.Set(0, 1, blue)
			img.Set(1, 1, blue)
			c.DrawImage(vg.Rectangle{Min: vg.Point{X: 20, Y: 20}, Max: vg.Point{X: 80, Y: 80}}, img)
		},
		probes: []probe{{50, 70, red}, {50, 30, blue}, {50, 90, white}, {50, 10, white}},
	}, {
		name: "images of the same width",
		draw: func(c *pdfcanvas.Canvas) {
			a := image.NewNRGBA(image.Rect(0, 0, 2, 1))
			a.Set(0, 0, red)
			a.Set(1, 0, blue)
			b := image.NewNRGBA(image.Rect(0, 0, 2, 1)) // embedded widened
			b.Set(0, 0, green)
			b.Set(1, 0, red)
			c.DrawImage(vg.Rectangle{Min: vg.Point{X: 0, Y: 0}, Max: vg.Point{X: 100, Y: 40}}, a)
			c.DrawImage(vg.Rectangle{Min: vg.Point{X: 0, Y: 60}, Max: vg.Point{X: 100, Y: 100}}, b)
		},
		probes: []probe{{25, 20, red}, {75, 20, blue}, {25, 80, green}, {75, 80, red}, {50, 50, white}},
	}, {
		name: "opacity is not premultiplied",
		draw: func(c *pdfcanvas.Canvas) {
			c.SetColor(color.NRGBA{0, 0, 255, 128})
			c.Fill(rect(0, 0, 50, 50))
			c.SetColor(red)
			c.Fill(rect(50, 50, 100, 100)) // opaque again
		},
		probes: []probe{{25, 25, color.NRGBA{127, 127, 255, 255}}, {75, 75, red}},
	}, {
		name: "line width and dashes",
		draw: func(c *pdfcanvas.Canvas) {
			var p vg.Path
			p.Move(vg.Point{X: 0, Y: 25})
			p.Line(vg.Point{X: 100, Y: 25})
			c.SetLineWidth(0) // not drawn
			c.Stroke(p)
			c.SetLineWidth(6)
			c.SetLineDash([]vg.Length{20, 20}, 0)
			var q vg.Path
			q.Move(vg.Point{X: 0, Y: 75})
			q.Line(vg.Point{X: 100, Y: 75})
			c.Stroke(q)
		},
		probes: []probe{{10, 25, white}, {10, 75, color.NRGBA{0, 0, 0, 255}}, {30, 75, white}, {50, 75, color.NRGBA{0, 0, 0, 255}}},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			c := pdfcanvas.New(size, size, time.Time{})
			tc.draw(c)
			img := raster(t, write(t, c))
			if b := img.Bounds(); b.Dx() != size || b.Dy() != size {
				t.Fatalf("page of %v pixels, want %d x %d", b, size, size)
			}
			for _, p := range tc.probes {
				if got := at(img, p.x, p.y, size); !near(got, p.want) {
					t.Errorf("point (%g, %g) has colour %v, want %v", p.x, p.y, got, p.want)
				}
			}
		})
	}
}

// TestText checks text with pdftotext and pdffonts: each face keeps its
// own glyphs and non-ASCII characters, every face is embedded with a
// Unicode map, and text starts at its point on the baseline.
func TestText(t *testing.T) {
	pdftotext := testenv.LookPath(t, "pdftotext", "poppler-utils")
	pdffonts := testenv.LookPath(t, "pdffonts", "poppler-utils")
	c := pdfcanvas.New(300, 100, time.Time{})
	c.FillString(face(t, 12, xfont.WeightNormal, xfont.StyleNormal), vg.Point{X: 10, Y: 80}, "Regular 2001–2025")
	c.FillString(face(t, 12, xfont.WeightBold, xfont.StyleNormal), vg.Point{X: 10, Y: 60}, "Bold 3×4")
	c.FillString(face(t, 12, xfont.WeightNormal, xfont.StyleItalic), vg.Point{X: 10, Y: 40}, "Italic −1 café")
	c.FillString(face(t, 12, xfont.WeightBold, xfont.StyleItalic), vg.Point{X: 10, Y: 20}, "Bold italic Ḥaqqānī")
	c.FillString(face(t, 0, xfont.WeightNormal, xfont.StyleNormal), vg.Point{X: 10, Y: 10}, "size zero")
	name := file(t, write(t, c))

	out, err := exec.Command(pdftotext, "-bbox", name, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	words := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>`).FindAllStringSubmatch(string(out), -1)
	var text []string
	for _, w := range words {
		text = append(text, w[4])
	}
	want := "Regular 2001–2025 Bold 3×4 Italic −1 café Bold italic Ḥaqqānī"
	if got := strings.Join(text, " "); got != want {
		t.Errorf("pdftotext reads %q, want %q", got, want)
	}
	// The first word, "Regular", starts at x = 10 with its baseline at
	// y = 80, that is 20 pt from the top: its box must start at x = 10 and
	// reach from above the baseline to below it.
	if len(words) > 0 {
		x, _ := strconv.ParseFloat(words[0][1], 64)
		top, _ := strconv.ParseFloat(words[0][2], 64)
		bottom, _ := strconv.ParseFloat(words[0][3], 64)
		if math.Abs(x-10) > 0.5 || top > 20-8 || bottom < 20 || bottom > 20+4 {
			t.Errorf("first word's box x %g, y %g to %g; want x 10 and y from about 9 to 23", x, top, bottom)
		}
	}

	out, err = exec.Command(pdffonts, name).CombinedOutput()
	if err != nil {
		t.Fatalf("pdffonts: %v\n%s", err, out)
	}
	// name type type encoding emb sub uni object generation
	got := regexp.MustCompile(`(?m)^\S+\s+CID TrueType\s+Identity-H\s+yes\s+\S+\s+yes\s`).FindAllString(string(out), -1)
	if len(got) != 4 || strings.Count(string(out), "\n") != 2+4 {
		t.Errorf("pdffonts lists %d embedded Unicode fonts, want the 4 faces used:\n%s", len(got), out)
	}
}

// TestDeterministic draws the same page twice and compares the bytes, and
// checks the dates written for several times and zones.
func TestDeterministic(t *testing.T) {
	draw := func(date time.Time) []byte {
		c := pdfcanvas.New(200, 100, date)
		c.SetColor(color.NRGBA{0, 0, 255, 100})
		// fpdf's catalog sort leaves different images of one width in
		// map order; an image drawn twice is embedded once.
		for i, d := range []vg.Length{10, 30, 50, 70, 90} {
			img := image.NewGray(image.Rect(0, 0, 4, 4))
			img.Set(0, 0, color.Gray{Y: uint8(50 * (i % 4))})
			c.DrawImage(vg.Rectangle{Min: vg.Point{X: d, Y: d}, Max: vg.Point{X: d + 10, Y: d + 10}}, img)
		}
		for i, f := range []font.Face{ // fonts are registered in this order
			face(t, 10, xfont.WeightBold, xfont.StyleItalic),
			face(t, 10, xfont.WeightNormal, xfont.StyleNormal),
			face(t, 10, xfont.WeightBold, xfont.StyleNormal),
		} {
			c.FillString(f, vg.Point{X: 100, Y: vg.Length(20 * i)}, "text")
		}
		return write(t, c)
	}
	karachi := time.FixedZone("PKT", 5*3600)
	a := draw(time.Unix(1700000000, 0).In(karachi))
	for range 10 { // map order differs between runs most of the time
		if b := draw(time.Unix(1700000000, 0)); !bytes.Equal(a, b) {
			t.Fatalf("the same page differs between two runs or time zones")
		}
	}
	for _, tc := range []struct {
		date time.Time
		want string
	}{
		{time.Unix(1700000000, 0).In(karachi), "D:20231114221320"},
		{time.Time{}, "D:19700101000000"},
		{time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC), "D:19800101000000"},
	} {
		pdf := string(draw(tc.date))
		for _, key := range []string{"/CreationDate", "/ModDate"} {
			if !strings.Contains(pdf, key+" ("+tc.want+")") {
				t.Errorf("date %v: PDF lacks %s (%s)", tc.date, key, tc.want)
			}
		}
	}
}

func TestMisuse(t *testing.T) {
	c := pdfcanvas.New(10, 10, time.Time{})
	func() {
		defer func() {
			if recover() == nil {
				t.Errorf("Pop without Push did not panic")
			}
		}()
		c.Pop()
	}()
	c.Push()
	if _, err := c.WriteTo(new(bytes.Buffer)); err == nil || !strings.Contains(err.Error(), "1 Push without Pop") {
		t.Errorf("WriteTo after an unmatched Push: got %v", err)
	}
	c = pdfcanvas.New(10, 10, time.Time{})
	write(t, c)
	if _, err := c.WriteTo(new(bytes.Buffer)); err == nil {
		t.Errorf("second WriteTo succeeded")
	}

}
