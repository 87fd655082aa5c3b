package figure_test

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden images in testdata")

// TestGolden runs the image examples, each in a temporary working
// directory, and compares their PNGs with the
// golden images, pixel by pixel, in the manner of gonum/plot's cmpimg.
// go test ./analysis/figure -update rewrites the golden images.
func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		ex   func()
	}{
		{"matrix", ExampleMatrix},
		{"style", ExampleStyle},
	} {
		t.Run(tc.name, func(t *testing.T) {
			golden, err := filepath.Abs(filepath.Join("testdata", tc.name+"_golden.png"))
			if err != nil {
				t.Fatal(err)
			}
			// The example writes into the working directory: a
			// temporary one, never the package's.
			dir := t.TempDir()
			t.Chdir(dir)
			tc.ex()
			got := filepath.Join(dir, tc.name+".png")
			if *update {
				b, err := os.ReadFile(got)
				if err == nil {
					err = os.WriteFile(golden, b, 0o644)
				}
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err := samePixels(got, golden); err != nil {
				kept := filepath.Join(os.TempDir(), "nexus-figure-"+tc.name+".png")
				if b, rerr := os.ReadFile(got); rerr == nil && os.WriteFile(kept, b, 0o644) == nil {
					t.Fatalf("%v (kept as %s for inspection)", err, kept)
				}
				t.Fatal(err)
			}
		})
	}
}

// samePixels reports how two PNG files differ in size or pixels.
func samePixels(a, b string) error {
	ia, err := decode(a)
	if err != nil {
		return err
	}
	ib, err := decode(b)
	if err != nil {
		return err
	}
	if ia.Bounds() != ib.Bounds() {
		return fmt.Errorf("%s is %v, golden is %v", a, ia.Bounds(), ib.Bounds())
	}
	n := 0
	r := ia.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if color.NRGBAModel.Convert(ia.At(x, y)) != color.NRGBAModel.Convert(ib.At(x, y)) {
				n++
			}
		}
	}
	if n > 0 {
		return fmt.Errorf("%s: %d of %d pixels differ from %s", a, n, r.Dx()*r.Dy(), b)
	}
	return nil
}

// decode reads a PNG file.
func decode(path string) (image.Image, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return png.Decode(f)
}
