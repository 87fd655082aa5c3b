package figure

import (
	"bytes"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"strconv"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/nexus-toolkit/nexus/analysis/build"
	"github.com/nexus-toolkit/nexus/analysis/figure/pdfcanvas"
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
// file in the target directory with build.Create (which creates the
// directory if needed), and commits them, renaming each into place, only
// when all three are written, so that a failure while drawing or writing
// leaves no new or partial file behind (an existing file is replaced only
// by a complete one). The bytes depend only on fn, w, h and
// SOURCE_DATE_EPOCH (see Epoch).
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
	files := make([]*build.File, 0, len(formats))
	defer func() {
		for _, f := range files {
			f.Abort()
		}
	}()
	for i, f := range formats {
		out, err := build.Create(base + "." + string(f))
		if err != nil {
			return err
		}
		files = append(files, out)
		if _, err := out.Write(data[i]); err != nil {
			return err
		}
	}
	for _, f := range files {
		if err := f.Commit(); err != nil {
			return err
		}
	}
	return nil
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
		return encodePNG(dst, fn, w, h, DPI)
	case PDF:
		t, err := Epoch()
		if err != nil {
			return err
		}
		c := pdfcanvas.New(w, h, t)
		fn(draw.New(c))
		out = c
	default:
		return fmt.Errorf("unknown format %q, expected svg, png or pdf", f)
	}
	_, err = out.WriteTo(dst)
	return err
}

// EncodePNG draws fn at width w and height h and writes it to dst as a
// PNG at dpi dots per inch (Encode writes PNG at DPI). Panics of the
// drawing backend are returned as errors.
func EncodePNG(dst io.Writer, fn DrawFunc, w, h vg.Length, dpi int) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("drawing png: %v", r)
		}
	}()
	return encodePNG(dst, fn, w, h, dpi)
}

func encodePNG(dst io.Writer, fn DrawFunc, w, h vg.Length, dpi int) error {
	c := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(dpi))
	fn(draw.New(c))
	var b bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: c}).WriteTo(&b); err != nil {
		return err
	}
	_, err := dst.Write(withDensity(b.Bytes(), dpi))
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
