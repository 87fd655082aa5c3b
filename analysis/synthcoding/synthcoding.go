package synthcoding

import (
	"errors"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/nexus-toolkit/nexus/analysis/compendium"
	"github.com/nexus-toolkit/nexus/analysis/datapkg"
	"github.com/nexus-toolkit/nexus/analysis/figure"
	"github.com/nexus-toolkit/nexus/analysis/qda"
	"github.com/nexus-toolkit/nexus/analysis/table"
)

// Name is the data package name the study claims.
const Name = "synthetic-coding"

// Requires are the resources of a coding package this study reads.
var Requires = []string{"codes", "sources", "cases", "coders", "segments"}

// records reads the coding project from (a view of) the package.
var records = compendium.Loader[*qda.Project](Project)

// coding are the resources every output reads: the codebook and the
// segments, with the sources, cases and coders they point at.
var coding = []string{"codes", "sources", "cases", "coders", "segments"}

func init() {
	compendium.Register(compendium.Study{
		Name:     Name,
		Title:    "Synthetic coding study (invented data)",
		Package:  "analysis/synthcoding",
		Requires: Requires,
		Outputs: []compendium.Output{
			records.Table("T1", "tbl-code-frequencies", "Segments and cases per code (synthetic)", coding, Frequencies),
			records.Figure("F1", "fig-code-cooccurrence", "Code co-occurrence within segments (synthetic)", coding,
				figure.FullWidth, 12*vg.Centimeter, Cooccurrence, nil),
		},
		Coding:   Project,
		Notebook: []string{"github.com/nexus-toolkit/nexus/analysis/synthcoding"},
	})
}

// Project reads the coding project of the package p (the view of its
// declared inputs) with qda.LoadPackage; source texts named by a path are
// read from the package directory.
func Project(p *datapkg.Package) (*qda.Project, error) { return qda.LoadPackage(p) }

// Frequencies is T1: for each code of the codebook, the segments coded
// with it and the cases they fall in, each count traced to its segments.
func Frequencies(p *qda.Project) (*table.Table, error) {
	segs := p.Resolved()
	bySeg, byCase, err := qda.Frequency(p.CodeIDs(), segs)
	if err != nil {
		return nil, err
	}
	t := table.New("Segments and cases per code (synthetic data)",
		table.Column{Name: "code"}, table.Column{Name: "name"}, table.Column{Name: "segments"}, table.Column{Name: "cases"})
	for i, c := range p.Codes {
		var refs []table.Ref
		for _, s := range segs {
			if s.Code == c.ID {
				refs = append(refs, table.Ref{Resource: "segments", Key: s.ID})
			}
		}
		code := table.Ref{Resource: "codes", Key: c.ID}
		t.Append(table.Str(c.ID).From(code), table.Str(c.Name).From(code),
			table.Int(bySeg[i]).From(refs...), table.Int(byCase[i]).From(refs...))
	}
	return t, nil
}

// Cooccurrence is F1: the co-occurrence of the codable codes within
// segments (qda.CooccurrenceSegments), as a matrix with the counts
// printed.
func Cooccurrence(p *qda.Project) (*plot.Plot, error) {
	m, err := qda.CooccurrenceSegments(p.CodableIDs(), p.Resolved())
	if err != nil {
		return nil, err
	}
	if len(m.Rows) == 0 {
		return nil, errors.New("no codable codes: nothing to draw")
	}
	vals := make([][]float64, len(m.Counts))
	for i, row := range m.Counts {
		vals[i] = make([]float64, len(row))
		for j, n := range row {
			vals[i][j] = float64(n)
		}
	}
	mx, err := figure.NewMatrix(vals, m.Rows, m.Cols)
	if err != nil {
		return nil, err
	}
	pl := figure.New()
	pl.Title.Text = "Overlapping segments per pair of codes (synthetic data; diagonal: segments per code)"
	mx.AddTo(pl)
	figure.RotateX(pl, 40)
	pl.X.Padding = vg.Points(6)
	return pl, nil
}
