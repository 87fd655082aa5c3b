package compendium

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"nexus/analysis/build"
	"nexus/analysis/datapkg"
	"nexus/analysis/quotes"
	"nexus/analysis/study"
	"nexus/analysis/table"
)

// TraceSuffix ends the name of the trace file written beside a table's CSV:
// figures/tbl-dyads.csv has figures/tbl-dyads.trace.csv.
const TraceSuffix = ".trace.csv"

// Evidence is one row of data behind a cell, with the paper's words for it.
type Evidence struct {
	Ref     table.Ref
	File    string // the resource's file, under the dataset directory
	Line    int    // the row's line in File
	Page    int    // 0 when the row gives none
	Section string
	Quote   string // the row's verbatim text (quote, statement, excerpt or citation as printed)
}

// String prints the evidence as FILE:LINE: resource/key, page N, section: "quote".
func (e Evidence) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d: %s", e.File, e.Line, e.Ref)
	if e.Page > 0 {
		fmt.Fprintf(&b, ", page %d", e.Page)
	}
	if e.Section != "" {
		fmt.Fprintf(&b, ", %s", e.Section)
	}
	if e.Quote != "" {
		fmt.Fprintf(&b, ": %s", strconv.Quote(e.Quote))
	}
	return b.String()
}

// CellTrace is a cell of a published table and the rows of data behind it.
type CellTrace struct {
	File     string // the table's CSV file
	Line     int    // the line on which the cell's record starts
	Column   string // the column's name
	Value    string
	Evidence []Evidence
}

// Trace finds the cell of the table CSV file at line (the header is line
// 1; any line of a record that spans several) in column col (a 1-based
// number or a column name), reads the trace file beside it (TraceSuffix)
// and looks up each row behind the cell in the dataset directory dataset.
func Trace(file string, line int, col, dataset string) (*CellTrace, error) {
	ct, err := findCell(file, line, col)
	if err != nil {
		return nil, err
	}
	tpath := strings.TrimSuffix(file, ".csv") + TraceSuffix
	f, err := os.Open(tpath)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%s: no trace file %s: this output does not record the rows behind its cells", file, tpath)
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	tr, err := table.ReadTrace(f, tpath)
	if err != nil {
		return nil, err
	}
	refs := tr.Sources(ct.Line, ct.Column)
	if len(refs) == 0 {
		return ct, nil
	}
	p, err := datapkg.Read(dataset)
	if err != nil {
		return nil, err
	}
	texts := quoteFieldOf(p)
	for _, r := range refs {
		e, err := lookup(p, r, texts)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", tpath, ct.Line, err)
		}
		ct.Evidence = append(ct.Evidence, e)
	}
	return ct, nil
}

// findCell reads the CSV file and returns the cell at line and col.
func findCell(file string, line int, col string) (*CellTrace, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	r := csv.NewReader(bytes.NewReader(b))
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s:1: %v", file, err)
	}
	field := -1
	if n, err := strconv.Atoi(col); err == nil && n >= 1 && n <= len(head) {
		field = n - 1
	}
	for i, h := range head {
		if h == col {
			field = i
		}
	}
	if field < 0 {
		return nil, fmt.Errorf("%s:%d: no column %q, expected 1 to %d or one of %s", file, line, col, len(head), strings.Join(head, ", "))
	}
	if line == 1 {
		return nil, fmt.Errorf("%s:1: line 1 is the header, expected the line of a data row", file)
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %v", file, err)
		}
		start, _ := r.FieldPos(0)
		end, _ := r.FieldPos(len(rec) - 1)
		end += strings.Count(rec[len(rec)-1], "\n")
		if line >= start && line <= end {
			return &CellTrace{File: file, Line: start, Column: head[field], Value: rec[field]}, nil
		}
	}
	return nil, fmt.Errorf("%s:%d: no data row on that line", file, line)
}

// quoteFieldOf maps each resource of p to its verbatim text field.
func quoteFieldOf(p *datapkg.Package) map[string]quotes.Field {
	m := map[string]quotes.Field{}
	for _, f := range study.QuoteFields(p) {
		m[f.Resource] = f
	}
	return m
}

// lookup finds the row of r by its primary key and reads its evidence.
func lookup(p *datapkg.Package, r table.Ref, texts map[string]quotes.Field) (Evidence, error) {
	res := p.Resource(r.Resource)
	if res == nil || res.Table == nil || res.Schema == nil || len(res.Schema.PrimaryKey) != 1 {
		return Evidence{}, fmt.Errorf("%s: the dataset has no resource %q with a one-field primary key", r, r.Resource)
	}
	t := res.Table
	key := t.Field(res.Schema.PrimaryKey[0])
	for row := 0; row < t.Len(); row++ {
		if t.Text(row, key) != r.Key {
			continue
		}
		e := Evidence{Ref: r, File: filepath.Join(p.Dir, filepath.FromSlash(res.Path)), Line: t.Line(row)}
		if f := t.Field("page"); f >= 0 {
			if v, ok := t.Int(row, f); ok {
				e.Page = int(v)
			}
		}
		if f := t.Field("section"); f >= 0 {
			e.Section = t.Text(row, f)
		}
		if q, ok := texts[r.Resource]; ok {
			if f := t.Field(q.Text); f >= 0 {
				e.Quote = t.Text(row, f)
			}
		}
		return e, nil
	}
	return Evidence{}, fmt.Errorf("%s: no row with key %q in %s", r, r.Key, res.Path)
}

// ManifestDataset returns the dataset directory that the MANIFEST in the
// output directory dir names, as datasets/NAME/vVERSION (relative to the
// repository root, where nexus runs).
func ManifestDataset(dir string) (string, error) {
	f, err := os.Open(filepath.Join(dir, build.ManifestName))
	if err != nil {
		return "", err
	}
	defer f.Close()
	m, err := build.ParseManifest(f)
	if err != nil {
		return "", err
	}
	return filepath.Join("datasets", m.Dataset, "v"+m.Version), nil
}
