package compendium_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"github.com/nexus-toolkit/nexus/analysis/build"
	"github.com/nexus-toolkit/nexus/analysis/compendium"
	"github.com/nexus-toolkit/nexus/analysis/datapkg"
	"github.com/nexus-toolkit/nexus/analysis/figure"
	"github.com/nexus-toolkit/nexus/analysis/table"
)

// rows is the loader of the examples: the number of rows of each
// resource the view holds.
var rows = compendium.Loader[map[string]int](func(p *datapkg.Package) (map[string]int, error) {
	n := map[string]int{}
	for _, r := range p.Resources {
		n[r.Name] = r.Table.Len()
	}
	return n, nil
})

// Sizes is a table of the rows of two resources the output could read.
func Sizes(n map[string]int) (*table.Table, error) {
	t := table.New("Rows", table.Column{Name: "resource"}, table.Column{Name: "rows"})
	for _, r := range []string{"events", "relations"} {
		t.AppendStrings(r, fmt.Sprint(n[r]))
	}
	return t, nil
}

// Bars is a bar chart of the same count.
func Bars(n map[string]int) (*plot.Plot, error) {
	p := plot.New()
	b, err := plotter.NewBarChart(plotter.Values{float64(n["events"])}, vg.Centimeter)
	if err != nil {
		return nil, err
	}
	p.Add(b)
	return p, nil
}

// A table is declared in one call: its ID, slug, title, the resources it
// reads and the function that computes it from the study's data. It is
// made from a view of the package that holds only those resources: here
// relations, which it does not declare, has no rows.
func ExampleLoader_Table() {
	o := rows.Table("T9", "tbl-sizes", "Rows per resource", []string{"events"}, Sizes)
	fmt.Println(o.Func, o.Files())

	p, err := datapkg.Read("../../datasets/ttp-alliances/v1.1.0")
	if err != nil {
		fmt.Println(err)
		return
	}
	dir, _ := os.MkdirTemp("", "example-table-*")
	defer os.RemoveAll(dir)
	if err := build.Run([]build.Output{o.Bind(p)}, dir); err != nil {
		fmt.Println(err)
		return
	}
	csv, _ := os.ReadFile(filepath.Join(dir, "tbl-sizes.csv"))
	fmt.Print(string(csv))
	// Output:
	// compendium_test.Sizes [tbl-sizes.csv tbl-sizes.md tbl-sizes.tex tbl-sizes.trace.csv]
	// resource,rows
	// events,13
	// relations,0
}

// A figure is declared in one call too, with its size and, optionally,
// the table of the rows behind each of its elements (nil: none).
func ExampleLoader_Figure() {
	o := rows.Figure("F9", "fig-sizes", "Rows per resource", []string{"events"}, figure.FullWidth, 6*vg.Centimeter, Bars, nil)
	fmt.Println(o.Func, o.Files())
	// Output:
	// compendium_test.Bars [fig-sizes.svg fig-sizes.png fig-sizes.pdf]
}

// The front door of a directory of outputs: built after them (as make
// does), it shows each with its files and their sha256.
func ExampleWriteIndex() {
	const dataset = "../../datasets/examples/synthetic-coding/v1.1.0"
	dir, _ := os.MkdirTemp("", "example-index-*")
	defer os.RemoveAll(dir)
	if err := compendium.Build(dataset, dir, nil); err != nil {
		fmt.Println(err)
		return
	}
	if err := compendium.WriteIndex(dataset, dir); err != nil {
		fmt.Println(err)
		return
	}
	page, _ := os.ReadFile(filepath.Join(dir, compendium.IndexFile))
	for _, l := range strings.Split(string(page), "\n") {
		if strings.HasPrefix(l, "<h3 ") {
			fmt.Println(l)
		}
	}
	// Output:
	// <h3 id="T1">T1 · Segments and cases per code (synthetic)</h3>
	// <h3 id="F1">F1 · Code co-occurrence within segments (synthetic)</h3>
}
