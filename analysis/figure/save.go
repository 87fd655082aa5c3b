package figure

import (
	"bytes"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"time"
	"unsafe"

	"codeberg.org/go-pdf/fpdf"
	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgpdf"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Format is an output format of a figure.
type Format string

// The output formats, in the order Save writes them.
const (
	SVG Format = "svg" // SVG 1.1 with the fonts embedded
	PNG Format = "png" // PNG at DPI dots per inch, white background
	PDF Format = "pdf" // PDF with embedded fonts and fixed dates
)

// DPI is the resolution of PNG output.
const DPI = 300

// DrawFunc draws a figure on a canvas. (*plot.Plot).Draw is a DrawFunc;
// so is any function that draws a custom figure, such as a network.
type DrawFunc func(c draw.Canvas)

// Margin is the white space Save leaves around a plot.
const Margin = vg.Length(3) // points

// Save writes p, drawn at width w and height h with a Margin on every
// side, as base.svg, base.png and base.pdf. See SaveFunc.
func Save(p *plot.Plot, w, h vg.Length, base string) error {
	return SaveFunc(Padded(p.Draw, Margin), w, h, base)
}

// Padded returns fn drawn inside a canvas shrunk by pad on every side.
func Padded(fn DrawFunc, pad vg.Length) DrawFunc {
	return func(c draw.Canvas) { fn(draw.Crop(c, pad, -pad, pad, -pad)) }
}

// SaveFunc draws fn at width w and height h into base.svg, base.png and
// base.pdf. It renders all three in memory, writes each to a temporary
// file in the target directory, and renames them into place only when all
// three are written, so that a failure leaves no new or partial file
// behind (an existing file is replaced only by a complete one). Files are
// not synced to disk: the guarantee is against failed and interrupted
// processes, not power loss. The bytes
// depend only on fn, w, h and SOURCE_DATE_EPOCH (see Epoch).
func SaveFunc(fn DrawFunc, w, h vg.Length, base string) error {
	formats := []Format{SVG, PNG, PDF}
	data := make([][]byte, len(formats))
	for i, f := range formats {
		var b bytes.Buffer
		if err := Encode(&b, f, fn, w, h); err != nil {
			return fmt.Errorf("figure %s.%s: %w", base, f, err)
		}
		data[i] = b.Bytes()
	}
	tmps := make([]string, 0, len(formats))
	cleanup := func() {
		for _, t := range tmps {
			os.Remove(t)
		}
	}
	for i, f := range formats {
		tmp, err := writeTemp(base+"."+string(f), data[i])
		if err != nil {
			cleanup()
			return err
		}
		tmps = append(tmps, tmp)
	}
	for i, f := range formats {
		if err := os.Rename(tmps[i], base+"."+string(f)); err != nil {
			cleanup()
			return err
		}
	}
	return nil
}

// writeTemp writes data to a new temporary file next to path, with mode
// 0644, and returns its name.
func writeTemp(path string, data []byte) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return "", err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(0o644)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

// Encode draws fn at width w and height h and writes it to dst in format
// f. Panics of the drawing backends (such as a font that cannot be
// loaded) are returned as errors.
func Encode(dst io.Writer, f Format, fn DrawFunc, w, h vg.Length) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("drawing %s: %v", f, r)
		}
	}()
	var out io.WriterTo
	switch f {
	case SVG:
		c := vgsvg.NewWith(vgsvg.UseWH(w, h), vgsvg.EmbedFonts(true))
		fn(draw.New(c))
		out = c
	case PNG:
		c := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(DPI))
		fn(draw.New(c))
		var b bytes.Buffer
		if _, err := (vgimg.PngCanvas{Canvas: c}).WriteTo(&b); err != nil {
			return err
		}
		_, err = dst.Write(withDensity(b.Bytes(), DPI))
		return err
	case PDF:
		c, err := newPDF(w, h)
		if err != nil {
			return err
		}
		fn(draw.New(c))
		if err := c.doc.Error(); err != nil {
			return err
		}
		out = c
	default:
		return fmt.Errorf("unknown format %q, expected svg, png or pdf", f)
	}
	_, err = out.WriteTo(dst)
	return err
}

// DefaultEpoch is the date written into PDF files when SOURCE_DATE_EPOCH
// is not set: 1970-01-01T00:00:00Z.
const DefaultEpoch = 0

// Epoch returns the creation date of outputs: SOURCE_DATE_EPOCH (seconds
// since 1970-01-01 UTC, as https://reproducible-builds.org/specs/source-date-epoch/
// defines it) when set, DefaultEpoch otherwise, always in UTC. A malformed
// value is an error, as the specification asks.
func Epoch() (time.Time, error) {
	s, ok := os.LookupEnv("SOURCE_DATE_EPOCH")
	if !ok || s == "" {
		return time.Unix(DefaultEpoch, 0).UTC(), nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 || n > 253402300799 {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q: expected a whole number of seconds from 0 to 253402300799", s)
	}
	return time.Unix(n, 0).UTC(), nil
}

// newPDF returns a vgpdf canvas whose document has fixed dates and sorted
// resource catalogs. fpdf writes /CreationDate and /ModDate from
// time.Now when they are unset, and ranges over maps of fonts and images
// when it writes the catalog unless catalog sorting is on.
func newPDF(w, h vg.Length) (*pdfCanvas, error) {
	t, err := Epoch()
	if err != nil {
		return nil, err
	}
	c := vgpdf.New(w, h)
	c.EmbedFonts(true)
	doc, err := document(c)
	if err != nil {
		return nil, err
	}
	doc.SetCreationDate(t)
	doc.SetModificationDate(t)
	doc.SetCatalogSort(true)
	return &pdfCanvas{Canvas: c, doc: doc, fonts: map[string]bool{}}, nil
}

// document returns the fpdf document inside a vgpdf canvas. vgpdf keeps
// it in the unexported field doc and offers no accessor; the field is
// read with reflect and unsafe, and its name and type are checked so that
// a change in vgpdf gives an error, not a crash. TestPDFFonts fails if
// this stops working.
func document(c *vgpdf.Canvas) (*fpdf.Fpdf, error) {
	v := reflect.ValueOf(c).Elem().FieldByName("doc")
	if !v.IsValid() || v.Type() != reflect.TypeFor[*fpdf.Fpdf]() {
		return nil, errors.New("vgpdf.Canvas has no field doc of type *fpdf.Fpdf, expected gonum/plot v0.17.0")
	}
	return *(**fpdf.Fpdf)(unsafe.Pointer(v.UnsafeAddr())), nil
}

// pdfCanvas repairs three faults of vgpdf's text output (gonum/plot
// v0.17.0 with fpdf v0.11.1).
//
//   - Bold and italic: vgpdf registers every font under its full name
//     (such as "LiberationSans-Bold") with an empty style, then selects it
//     with style "B" or "I", which fpdf looks up as a different, undefined
//     font, and fails.
//   - Several fonts: vgpdf converts every font with fpdf.MakeFont from a
//     file named font.ttf, so all get the file name font.z; fpdf keys
//     embedded font programs by file name, so every font in the PDF uses
//     the glyphs of the last one registered.
//   - Encoding: vgpdf's fonts use the Windows-1252 code page, but strings
//     are passed on as UTF-8 bytes, so any non-ASCII character prints as
//     two or three wrong glyphs.
//
// pdfCanvas registers each face itself, before vgpdf does, as a UTF-8
// (subset, embedded) fpdf font under a name of its own, and passes it on
// as a regular face of a typeface with that name, so vgpdf finds the font
// already defined and selects it with an empty style.
type pdfCanvas struct {
	*vgpdf.Canvas
	doc   *fpdf.Fpdf
	fonts map[string]bool
}

// FillString implements vg.Canvas.
func (c *pdfCanvas) FillString(f font.Face, pt vg.Point, s string) {
	if f.Font.Weight != xfont.WeightNormal || f.Font.Style != xfont.StyleNormal || f.Font.Variant != "" {
		f.Font.Typeface = font.Typeface(f.Font.Name())
		f.Font.Variant = ""
		f.Font.Weight = xfont.WeightNormal
		f.Font.Style = xfont.StyleNormal
	}
	name := f.Name()
	if !c.fonts[name] {
		var ttf bytes.Buffer
		if _, err := f.Face.WriteSourceTo(nil, &ttf); err != nil {
			panic(fmt.Errorf("font %s: %w", name, err))
		}
		c.doc.AddUTF8FontFromBytes(name, "", ttf.Bytes())
		if err := c.doc.Error(); err != nil {
			panic(fmt.Errorf("font %s: %w", name, err))
		}
		c.fonts[name] = true
	}
	c.Canvas.FillString(f, pt, s)
}

// withDensity inserts a pHYs chunk after the IHDR chunk of an encoded PNG,
// so that viewers and typesetters know its resolution (dpi dots per inch,
// rounded to dots per metre). It returns data unchanged if it is not a PNG
// with a leading IHDR.
func withDensity(data []byte, dpi int) []byte {
	const sigLen, ihdrLen = 8, 8 + 13 + 4
	if len(data) < sigLen+ihdrLen || string(data[12:16]) != "IHDR" {
		return data
	}
	ppm := uint32((float64(dpi)/0.0254)*1 + 0.5)
	chunk := make([]byte, 0, 21)
	chunk = append(chunk, 0, 0, 0, 9)
	chunk = append(chunk, "pHYs"...)
	for range 2 {
		chunk = append(chunk, byte(ppm>>24), byte(ppm>>16), byte(ppm>>8), byte(ppm))
	}
	chunk = append(chunk, 1) // unit: metre
	crc := crc32.ChecksumIEEE(chunk[4:])
	chunk = append(chunk, byte(crc>>24), byte(crc>>16), byte(crc>>8), byte(crc))
	at := sigLen + ihdrLen
	out := make([]byte, 0, len(data)+len(chunk))
	out = append(out, data[:at]...)
	out = append(out, chunk...)
	return append(out, data[at:]...)
}
