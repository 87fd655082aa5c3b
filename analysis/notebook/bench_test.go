package notebook

import (
	"encoding/base64"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/notebook/cell"
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
	res.Inline = []string{"3", "5", "3 values <b>read</b> & *kept*", "10"}
	res.Claims = []Claim{{Line: 60, Text: "every value is positive"}, {Line: 61, Text: "the total is <more> than the largest value"}}
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

// BenchmarkStream measures parsing a notebook program's output as it
// arrives in 32 KiB pipe reads: 6 cells, each with 1,000 printed lines, a
// table and a 580 KB figure (the size of the compendium's SVGs).
func BenchmarkStream(b *testing.B) {
	var data []byte
	rec := func(kind, payload string) {
		data = append(data, cell.RecordStart+"mark"+kind+" "+base64.StdEncoding.EncodeToString([]byte(payload))+"\n"...)
	}
	for c := 1; c <= 6; c++ {
		rec(cell.KindBegin, strconv.Itoa(c))
		data = append(data, strings.Repeat("a line of printed output, 40 bytes long\n", 1000)...)
		rec(cell.KindTable, strings.Repeat("| x | 1.0 |\n", 200))
		rec(cell.KindFigure, strings.Repeat("<path d=\"M0 0\"/>", 580_000/16))
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		s := newStream(6, "mark", DefaultMaxOutput, nil)
		for i := 0; i < len(data); i += 32 << 10 {
			s.Write(data[i:min(i+32<<10, len(data))])
		}
		s.Close()
		if s.over != 0 || len(s.res.Cells[5]) != 3 {
			b.Fatalf("cell %d over the cap, last cell %d outputs", s.over, len(s.res.Cells[5]))
		}
	}
}

// BenchmarkTableHTML measures converting a table like T4 (20 rows, 14
// columns) to HTML, plain and with the evidence lists of its cells: 1,400
// rows of data behind them, each with a 150-byte quote, as the committed
// T4 has.
func BenchmarkTableHTML(b *testing.B) {
	var md strings.Builder
	md.WriteString("|" + strings.Repeat(" col |", 14) + "\n|" + strings.Repeat(" --: |", 14) + "\n")
	for range 20 {
		md.WriteString("|" + strings.Repeat(" 0.1234 |", 14) + "\n")
	}
	var ev []cell.Evidence
	quote := strings.Repeat("the cooperation between AQ and its affiliates ", 4)[:150]
	for r := range 20 {
		for c := range 14 {
			e := cell.Evidence{Row: r, Col: c}
			for k := range 5 {
				e.Rows = append(e.Rows, cell.Source{Ref: "relations/r" + strconv.Itoa(k), File: "datasets/ttp-alliances/v1.1.0/relations.csv", Line: 10 + k, Page: 3, Quote: quote})
			}
			ev = append(ev, e)
		}
	}
	for _, bc := range []struct {
		name string
		o    Output
	}{{"plain", Output{Kind: "table", Text: md.String()}}, {"evidence", Output{Kind: "table", Text: md.String(), Evidence: ev}}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				tableHTML(bc.o)
			}
		})
	}
}
