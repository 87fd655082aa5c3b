package compendium

import (
	"fmt"
	"io"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/nexus-toolkit/nexus/analysis/build"
	"github.com/nexus-toolkit/nexus/analysis/datapkg"
	"github.com/nexus-toolkit/nexus/analysis/figure"
	"github.com/nexus-toolkit/nexus/analysis/table"
)

// TableFormats are the files every table is written as: the table as CSV,
// Markdown and LaTeX, and the trace of its cells to the rows of data they
// come from (table.WriteTrace; `nexus trace` reads it).
var TableFormats = []string{"csv", "md", "tex", "trace.csv"}

// FigureFormats are the files every figure is written as (figure.Save).
var FigureFormats = []string{"svg", "png", "pdf"}

// EvidenceFormat is the extension of the file that lists the rows of data
// behind each element of a figure: fig-timeline.svg has fig-timeline.trace.csv.
const EvidenceFormat = "trace.csv"

// Output declares one table or figure of a study: what it is called, the
// files it writes, the resources it reads and how it is made. Table and
// Figure declare one in a call.
//
// Make gets the data package restricted to Inputs (datapkg.Package.Only):
// an output cannot read a resource it does not declare, so the make rules
// generated from Inputs (Makefile) rebuild it whenever anything it reads
// changes. A resource it needs but does not declare is absent from what
// it sees, which the study's test that every output made from the full
// package equals the one made from its inputs (CheckInputs) catches.
type Output struct {
	ID      string   // short identifier used in the docs, e.g. "T1" or "F1"
	Name    string   // slug and base file name, e.g. "tbl-study-design"
	Title   string   // one line for the README and `nexus build -list`
	Formats []string // file extensions written, e.g. "csv", "md", "tex"
	Inputs  []string // the resources it reads, in the order the make rule lists them
	Func    string   // the Go function that computes it, e.g. "paper.StudyDesign"
	// Width and Height are the size a figure is saved at; zero for a
	// table.
	Width, Height vg.Length

	// Make writes every file of Formats into dir (atomically, see
	// build.WriteFile) from in, which holds only the resources Inputs
	// names, and from nothing else: no clock, no map order, no
	// environment.
	Make func(dir string, in *datapkg.Package) error

	// from makes the output from data already loaded (MakeFrom); set by
	// Table and Figure.
	from func(dir string, data any) error
}

// MakeFrom makes the output o, declared by Table or Figure of a
// Loader[D], into dir from data already loaded instead of from a package:
// for a benchmark on synthetic data, or a test of data made in Go. It
// fails when o was not declared through a Loader[D].
func MakeFrom[D any](o Output, dir string, data D) error {
	if o.from == nil {
		return fmt.Errorf("%s (%s): not declared by a Loader's Table or Figure", o.ID, o.Name)
	}
	return o.from(dir, data)
}

// declared completes o, whose from is set, with Make: load the data from
// the package, then make from it.
func declared[D any](l Loader[D], o Output) Output {
	o.Make = func(dir string, in *datapkg.Package) error {
		d, err := l(in)
		if err != nil {
			return err
		}
		return o.from(dir, d)
	}
	return o
}

// typed adapts a function of the data D to the untyped data of from.
func typed[D any](id, name string, f func(dir string, d D) error) func(dir string, data any) error {
	return func(dir string, data any) error {
		d, ok := data.(D)
		if !ok {
			var want D
			return fmt.Errorf("%s (%s): data of type %T, expected %T", id, name, data, want)
		}
		return f(dir, d)
	}
}

// Bind returns the build.Output that makes o from the package p,
// restricted to o's inputs.
func (o Output) Bind(p *datapkg.Package) build.Output {
	return o.bindTo(p.Only(o.Inputs...))
}

func (o Output) bindTo(in *datapkg.Package) build.Output {
	return build.Output{
		ID: o.ID, Name: o.Name, Title: o.Title, Formats: o.Formats, Inputs: o.Inputs, Func: o.Func,
		Make: func(dir string) error { return o.Make(dir, in) },
	}
}

// Loader reads a study's typed data from a data package; a study's
// loader (for example study.FromPackage) declares its outputs with
// Table and Figure.
type Loader[D any] func(p *datapkg.Package) (D, error)

// Table declares the table computed by fn from the data l loads out of
// the resources inputs: written as name.csv, .md, .tex and the trace of
// its cells, name.trace.csv. Func is fn's package-qualified name.
func (l Loader[D]) Table(id, name, title string, inputs []string, fn func(D) (*table.Table, error)) Output {
	return declared(l, Output{
		ID: id, Name: name, Title: title, Formats: TableFormats, Inputs: inputs, Func: FuncName(fn),
		from: typed(id, name, func(dir string, d D) error {
			t, err := fn(d)
			if err != nil {
				return err
			}
			return WriteTable(t, dir, name)
		}),
	})
}

// Figure declares the figure drawn by fn from the data l loads out of
// the resources inputs, at width w and height h: written as name.svg,
// .png and .pdf (figure.Save). evidence, when not nil, lists the rows of
// data behind each element of the figure, written as name.trace.csv.
func (l Loader[D]) Figure(id, name, title string, inputs []string, w, h vg.Length, fn func(D) (*plot.Plot, error), evidence func(D) (*table.Table, error)) Output {
	formats := FigureFormats
	if evidence != nil {
		formats = append(append([]string(nil), formats...), EvidenceFormat)
	}
	return declared(l, Output{
		ID: id, Name: name, Title: title, Formats: formats, Inputs: inputs, Func: FuncName(fn), Width: w, Height: h,
		from: typed(id, name, func(dir string, d D) error {
			if evidence != nil {
				t, err := evidence(d)
				if err != nil {
					return err
				}
				if err := build.Buffer(filepath.Join(dir, name+"."+EvidenceFormat), t.WriteCSV); err != nil {
					return err
				}
			}
			p, err := fn(d)
			if err != nil {
				return err
			}
			return figure.Save(p, w, h, filepath.Join(dir, name))
		}),
	})
}

// WriteTable writes t as dir/name.csv, .md and .tex and its trace as
// dir/name.trace.csv, each atomically.
func WriteTable(t *table.Table, dir, name string) error {
	if err := t.Validate(); err != nil {
		return err
	}
	writers := []func(io.Writer) error{t.WriteCSV, t.WriteMarkdown, t.WriteLaTeX, t.WriteTrace}
	for i, ext := range TableFormats {
		if err := build.Buffer(filepath.Join(dir, name+"."+ext), writers[i]); err != nil {
			return err
		}
	}
	return nil
}

// FuncName returns the name of the function fn as the docs print it: its
// package's last path element and its name, e.g. "paper.StudyDesign".
func FuncName(fn any) string {
	f := runtime.FuncForPC(reflect.ValueOf(fn).Pointer())
	if f == nil {
		return ""
	}
	name := f.Name()
	if i := strings.LastIndex(name, "/"); i >= 0 {
		name = name[i+1:]
	}
	return name
}
