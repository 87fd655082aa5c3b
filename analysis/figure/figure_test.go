package figure

import (
	"bytes"
	"fmt"
	"image/color"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgpdf"

	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// testPlot returns a plot with regular, bold and italic text, a line and
// a matrix-free layout, as the paper's figures have.
func testPlot(t testing.TB) *plot.Plot {
	p := New()
	p.Title.Text = "Bold title – en dash, café"
	p.Title.TextStyle.Font = Font(TitleSize, xfont.WeightBold, xfont.StyleNormal)
	p.X.Label.Text = "Year"
	p.Y.Label.Text = "Italic count"
	p.Y.Label.TextStyle.Font = Font(BodySize, xfont.WeightNormal, xfont.StyleItalic)
	l, err := plotter.NewLine(plotter.XYs{{X: 2001, Y: 1}, {X: 2010, Y: 3}, {X: 2025, Y: 2}})
	if err != nil {
		t.Fatal(err)
	}
	l.LineStyle = LineStyle(0)
	p.Add(l)
	p.Legend.Add("Bold italic series", l)
	p.Legend.TextStyle.Font = Font(BodySize, xfont.WeightBold, xfont.StyleItalic)
	return p
}

// save writes testPlot into dir and returns the three files' bytes.
func save(t *testing.T, dir string) map[Format][]byte {
	t.Helper()
	base := filepath.Join(dir, "fig")
	if err := Save(testPlot(t), FullWidth, 8*vg.Centimeter, base); err != nil {
		t.Fatal(err)
	}
	out := map[Format][]byte{}
	for _, f := range []Format{SVG, PNG, PDF} {
		b, err := os.ReadFile(base + "." + string(f))
		if err != nil {
			t.Fatal(err)
		}
		out[f] = b
	}
	return out
}

func TestSaveTwice(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "")
	a := save(t, t.TempDir())
	b := save(t, t.TempDir())
	for _, f := range []Format{SVG, PNG, PDF} {
		if !bytes.Equal(a[f], b[f]) {
			t.Errorf("%s differs between two saves", f)
		}
	}
	pdf := string(a[PDF])
	for _, want := range []string{
		"/CreationDate (D:19700101000000)", "/ModDate (D:19700101000000)",
		"/BaseFont /utf8liberationsans-bold", "/BaseFont /utf8liberationsans-italic",
		"/BaseFont /utf8liberationsans-bolditalic", "/BaseFont /utf8liberationsans-regular",
	} {
		if !strings.Contains(pdf, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	svg := string(a[SVG])
	if !strings.Contains(svg, "@font-face") || !strings.Contains(svg, "base64,") {
		t.Errorf("SVG has no embedded font")
	}
	if !strings.Contains(svg, "café") {
		t.Errorf("SVG lost non-ASCII text")
	}
	img, err := png.Decode(bytes.NewReader(a[PNG]))
	if err != nil {
		t.Fatal(err)
	}
	// 17 cm at 300 dpi is 2007.87 pixels, rounded to 2008.
	if got := img.Bounds().Dx(); got != 2008 {
		t.Errorf("PNG width %d, want 2008", got)
	}
	if !bytes.Contains(a[PNG][:64], []byte("pHYs\x00\x00\x2e\x23\x00\x00\x2e\x23\x01")) { // 11811 dots per metre
		t.Errorf("PNG lacks a 300 dpi pHYs chunk")
	}
}

// TestEnvironments saves the figure in child processes under other time
// zones, locales and SOURCE_DATE_EPOCH values: TZ is read once per process,
// so it cannot be changed inside this one.
func TestEnvironments(t *testing.T) {
	if dir := os.Getenv("FIGURE_TEST_OUT"); dir != "" {
		save(t, dir)
		return
	}
	run := func(env ...string) map[Format][]byte {
		dir := t.TempDir()
		cmd := exec.Command(os.Args[0], "-test.run=^TestEnvironments$", "-test.count=1")
		cmd.Env = append(os.Environ(), "FIGURE_TEST_OUT="+dir)
		cmd.Env = append(cmd.Env, env...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%v: %v\n%s", env, err, out)
		}
		out := map[Format][]byte{}
		for _, f := range []Format{SVG, PNG, PDF} {
			b, err := os.ReadFile(filepath.Join(dir, "fig."+string(f)))
			if err != nil {
				t.Fatal(err)
			}
			out[f] = b
		}
		return out
	}
	base := run("TZ=UTC", "LANG=C", "SOURCE_DATE_EPOCH=", "GOMAXPROCS=1")
	for _, env := range [][]string{
		{"TZ=Asia/Karachi", "LANG=de_DE.UTF-8", "LC_ALL=de_DE.UTF-8", "GOMAXPROCS=2"},
		{"TZ=America/St_Johns", "SOURCE_DATE_EPOCH=0"},
	} {
		got := run(env...)
		for _, f := range []Format{SVG, PNG, PDF} {
			if !bytes.Equal(base[f], got[f]) {
				t.Errorf("%v: %s differs", env, f)
			}
		}
	}
	// SOURCE_DATE_EPOCH=1700000000 is 2023-11-14T22:13:20Z; only the dates
	// may change, and they must be in UTC whatever TZ says.
	got := run("TZ=Asia/Karachi", "SOURCE_DATE_EPOCH=1700000000")
	want := bytes.ReplaceAll(base[PDF], []byte("D:19700101000000"), []byte("D:20231114221320"))
	if !bytes.Equal(got[PDF], want) {
		t.Errorf("PDF with SOURCE_DATE_EPOCH=1700000000 differs from the default in more than its dates")
	}
	if !bytes.Equal(got[SVG], base[SVG]) || !bytes.Equal(got[PNG], base[PNG]) {
		t.Errorf("SOURCE_DATE_EPOCH changed SVG or PNG")
	}
}

func TestEpoch(t *testing.T) {
	for _, tc := range []struct {
		env, want string
		ok        bool
	}{
		{"", "1970-01-01T00:00:00Z", true},
		{"315532800", "1980-01-01T00:00:00Z", true},
		{"1700000000", "2023-11-14T22:13:20Z", true},
		{"-1", "", false},
		{"1.5", "", false},
		{"soon", "", false},
	} {
		t.Setenv("SOURCE_DATE_EPOCH", tc.env)
		got, err := Epoch()
		if (err == nil) != tc.ok {
			t.Errorf("Epoch(%q): error %v", tc.env, err)
			continue
		}
		if tc.ok && got.Format("2006-01-02T15:04:05Z07:00") != tc.want {
			t.Errorf("Epoch(%q) = %v, want %s", tc.env, got, tc.want)
		}
	}
	t.Setenv("SOURCE_DATE_EPOCH", "bad")
	dir := t.TempDir()
	if err := Save(testPlot(t), ColumnWidth, ColumnWidth, filepath.Join(dir, "x")); err == nil {
		t.Errorf("Save accepted a malformed SOURCE_DATE_EPOCH")
	}
	assertEmpty(t, dir)
}

// TestVgpdfBold documents one of the vgpdf faults for which Encode uses
// pdfcanvas instead (see the package doc): if it starts failing, vgpdf
// may have been repaired upstream.
func TestVgpdfBold(t *testing.T) {
	p := testPlot(t)
	err := func() (err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("%v", r)
			}
		}()
		c := vgpdf.New(ColumnWidth, ColumnWidth)
		p.Draw(draw.New(c))
		_, err = c.WriteTo(new(bytes.Buffer))
		return err
	}()
	if err == nil || !strings.Contains(err.Error(), "undefined font") {
		t.Errorf("plain vgpdf with bold text: got %v, want an undefined font error", err)
	}
}

// TestPDFFonts checks what vgpdf gets wrong: every face of the figure has
// a font program of its own, and its fonts are Unicode fonts.
func TestPDFFonts(t *testing.T) {
	p := testPlot(t)
	p.X.Label.Text = "Pakistān, Ḥaqqānī"
	var b bytes.Buffer
	if err := Encode(&b, PDF, p.Draw, ColumnWidth, ColumnWidth); err != nil {
		t.Fatal(err)
	}
	pdf := b.String()
	files := map[string]bool{}
	for _, m := range regexp.MustCompile(`/FontFile2 (\d+) 0 R`).FindAllStringSubmatch(pdf, -1) {
		files[m[1]] = true
	}
	// Regular, bold, italic and bold italic Liberation Sans.
	if len(files) != 4 {
		t.Errorf("PDF has %d font programs, want 4 (one per face)", len(files))
	}
	if !strings.Contains(pdf, "/Encoding /Identity-H") {
		t.Errorf("PDF fonts are not Unicode (Identity-H) fonts")
	}
}

// TestPDFPoppler reads a saved PDF back with poppler-utils: pdftotext
// must find the bold, italic and bold italic labels and the non-ASCII
// characters, and pdffonts must list the four faces, each embedded and
// with a Unicode map.
func TestPDFPoppler(t *testing.T) {
	pdftotext := testenv.LookPath(t, "pdftotext", "poppler-utils")
	pdffonts := testenv.LookPath(t, "pdffonts", "poppler-utils")
	p := testPlot(t)
	p.X.Label.Text = "Year × count − 1"
	var b bytes.Buffer
	if err := Encode(&b, PDF, p.Draw, FullWidth, 8*vg.Centimeter); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "fig.pdf")
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, file, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	for _, want := range []string{"Bold title – en dash, café", "Italic count", "Bold italic series", "Year × count − 1", "2015"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("pdftotext finds no %q in:\n%s", want, out)
		}
	}
	out, err = exec.Command(pdffonts, file).CombinedOutput()
	if err != nil {
		t.Fatalf("pdffonts: %v\n%s", err, out)
	}
	// name type type encoding emb sub uni object generation
	fonts := regexp.MustCompile(`(?m)^(utf8liberationsans-\S+)\s+CID TrueType\s+Identity-H\s+yes\s+\S+\s+yes\s`).FindAllStringSubmatch(string(out), -1)
	var names []string
	for _, m := range fonts {
		names = append(names, m[1])
	}
	slices.Sort(names)
	if want := "utf8liberationsans-bold utf8liberationsans-bolditalic utf8liberationsans-italic utf8liberationsans-regular"; strings.Join(names, " ") != want {
		t.Errorf("pdffonts lists embedded Unicode fonts %v, want %s:\n%s", names, want, out)
	}
}

func TestSaveFailure(t *testing.T) {
	dir := t.TempDir()
	base := filepath.Join(dir, "fig")
	if err := os.WriteFile(base+".svg", []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := func(c draw.Canvas) { panic("boom") }
	if err := SaveFunc(boom, ColumnWidth, ColumnWidth, base); err == nil || !strings.Contains(err.Error(), "boom") {
		t.Errorf("SaveFunc with a panicking figure: got %v", err)
	}
	if b, _ := os.ReadFile(base + ".svg"); string(b) != "old" {
		t.Errorf("existing file changed to %q", b)
	}
	os.Remove(base + ".svg")
	assertEmpty(t, dir)

	// A directory that cannot be created: its parent is a regular file.
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Save(testPlot(t), ColumnWidth, ColumnWidth, filepath.Join(file, "fig")); err == nil {
		t.Errorf("Save below a regular file succeeded")
	}
	os.Remove(file)
	assertEmpty(t, dir)
	if err := Encode(new(bytes.Buffer), "eps", boom, ColumnWidth, ColumnWidth); err == nil {
		t.Errorf("Encode accepted eps")
	}
}

func TestSaveMode(t *testing.T) {
	dir := t.TempDir()
	save(t, dir)
	ents, _ := os.ReadDir(dir)
	if len(ents) != 3 {
		t.Errorf("directory holds %d entries, want 3", len(ents))
	}
	for _, e := range ents {
		fi, _ := e.Info()
		if fi.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode %v, want 0644", e.Name(), fi.Mode().Perm())
		}
	}
}

// assertEmpty fails unless dir has no entries.
func assertEmpty(t *testing.T, dir string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		t.Errorf("left behind: %s", e.Name())
	}
}

func TestNewMatrix(t *testing.T) {
	_, err := NewMatrix([][]float64{{1, -2}, {math.Inf(1)}}, []string{"a"}, []string{"x", "y"})
	if err == nil {
		t.Fatal("invalid matrix accepted")
	}
	for _, want := range []string{"2 rows of values but 1 row labels", "row 1, column 2: value -2", "row 2: 1 values, expected 2", "row 2, column 1: value +Inf"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	m, err := NewMatrix([][]float64{{0, 2, 4.5}}, []string{"a"}, []string{"x", "y", "z"})
	if err != nil {
		t.Fatal(err)
	}
	if got := m.format(4); got != "4" {
		t.Errorf("format(4) = %q", got)
	}
	if got := m.format(4.5); got != "4.50" {
		t.Errorf("format(4.5) = %q", got)
	}
	if got := m.Fill(0); got != (color.NRGBA{R: 255, G: 255, B: 255, A: 255}) {
		t.Errorf("Fill(0) = %v, want white", got)
	}
	if got := m.Fill(4.5); got != Blue {
		t.Errorf("Fill(max) = %v, want Blue", got)
	}
	// Contrast thresholds: WCAG 2.1 relative luminance of #0072B2 is 0.155.
	if Contrast(Blue) != color.White || Contrast(color.White) != Black || Contrast(Yellow) != Black {
		t.Errorf("Contrast chose a hard-to-read text colour")
	}
}

func TestPalette(t *testing.T) {
	want := []string{"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"}
	for i, c := range OkabeIto() {
		r, g, b, _ := c.RGBA()
		if got := fmt.Sprintf("#%02X%02X%02X", r>>8, g>>8, b>>8); got != want[i] {
			t.Errorf("colour %d = %s, want %s", i, got, want[i])
		}
	}
	if Color(8) != Color(0) || Color(-1) != Color(7) {
		t.Errorf("Color does not cycle")
	}
}

func BenchmarkSave(b *testing.B) {
	p := testPlot(b)
	dir := b.TempDir()
	b.Run("all", func(b *testing.B) {
		for b.Loop() {
			if err := Save(p, FullWidth, 8*vg.Centimeter, filepath.Join(dir, "fig")); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, f := range []Format{SVG, PNG, PDF} {
		b.Run(string(f), func(b *testing.B) {
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := Encode(&buf, f, p.Draw, FullWidth, 8*vg.Centimeter); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(int64(buf.Len()))
		})
	}
}

// TestParallel encodes one figure from several goroutines at once: the
// bytes must not depend on the interleaving.
func TestParallel(t *testing.T) {
	want := map[Format][]byte{}
	for _, f := range []Format{SVG, PNG, PDF} {
		var b bytes.Buffer
		if err := Encode(&b, f, testPlot(t).Draw, ColumnWidth, ColumnWidth); err != nil {
			t.Fatal(err)
		}
		want[f] = b.Bytes()
	}
	errs := make(chan error, 6)
	for i := range 6 {
		f := []Format{SVG, PNG, PDF}[i%3]
		go func() {
			var b bytes.Buffer
			err := Encode(&b, f, testPlot(t).Draw, ColumnWidth, ColumnWidth)
			if err == nil && !bytes.Equal(b.Bytes(), want[f]) {
				err = fmt.Errorf("%s differs when encoded concurrently", f)
			}
			errs <- err
		}()
	}
	for range 6 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
