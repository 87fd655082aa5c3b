package notebook

import (
	"os"
	"strings"
	"testing"
)

// BenchmarkWrite measures rendering a prepared notebook from its outputs,
// the work of a warm-cache render besides reading files.
func BenchmarkWrite(b *testing.B) {
	src, err := os.ReadFile("testdata/root/notebooks/01-demo.md")
	if err != nil {
		b.Fatal(err)
	}
	nb, err := Parse("testdata/root", "notebooks/01-demo.md", src)
	if err != nil {
		b.Fatal(err)
	}
	res := &Result{Cells: make([][]Output, len(nb.Cells))}
	res.Cells[1] = []Output{{Kind: "text", Text: "3 values read\n"}}
	res.Cells[2] = []Output{{Kind: "markdown", Text: "The values add up to **10**."}}
	res.Cells[3] = []Output{{Kind: "table", Text: "| a | b |\n| :-- | :-- |\n" + strings.Repeat("| x & <y> | 1.0 |\n", 100)}}
	res.Cells[4] = []Output{{Kind: "figure", Text: "<svg/>"}}
	b.ReportAllocs()
	for b.Loop() {
		d, err := prepare("testdata/root", nb)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := d.write(res); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParse measures parsing the demo notebook.
func BenchmarkParse(b *testing.B) {
	src, err := os.ReadFile("testdata/root/notebooks/01-demo.md")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Parse("testdata/root", "notebooks/01-demo.md", src); err != nil {
			b.Fatal(err)
		}
	}
}
