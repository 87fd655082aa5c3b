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

	"github.com/nexus-toolkit/nexus/analysis/build"
	"github.com/nexus-toolkit/nexus/analysis/quotes"
	"github.com/nexus-toolkit/nexus/analysis/table"
)

// TraceSuffix ends the name of the trace file written beside a table's CSV:
// figures/tbl-dyads.csv has figures/tbl-dyads.trace.csv.
const TraceSuffix = ".trace.csv"

// Evidence is one row of data behind a cell, with the paper's words for
// it; quotes.Evidence, which the notebooks' evidence view shares.
type Evidence = quotes.Evidence

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
	return NewTracer(dataset).Trace(file, line, col)
}

// Tracer traces cells against one dataset, which it reads and validates
// once, on first use.
type Tracer struct {
	dataset string
	index   *quotes.Index
}

// NewTracer returns a Tracer for the dataset directory dataset.
func NewTracer(dataset string) *Tracer { return &Tracer{dataset: dataset} }

// Trace is the package-level Trace against the tracer's dataset.
func (tc *Tracer) Trace(file string, line int, col string) (*CellTrace, error) {
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
	if tc.index == nil {
		p, s, err := Open(tc.dataset)
		if err != nil {
			return nil, err
		}
		fields := quotes.Conventional(p)
		if s.Evidence != nil {
			fields = s.Evidence(p)
		}
		tc.index = quotes.NewIndex(p, fields)
	}
	refs := tr.Sources(ct.Line, ct.Column)
	if len(refs) == 0 {
		return ct, nil
	}
	for _, r := range refs {
		e, err := tc.index.Lookup(r)
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

// ManifestDataset returns the dataset directory that the MANIFEST in the
// output directory dir names: datasets/NAME/vVERSION or, for a study
// kept one level down, datasets/*/NAME/vVERSION (relative to the
// repository root, where nexus runs). It is an error when neither or more
// than one exists.
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
	var found []string
	for _, pattern := range []string{filepath.Join("datasets", m.Dataset, "v"+m.Version), filepath.Join("datasets", "*", m.Dataset, "v"+m.Version)} {
		dirs, _ := filepath.Glob(pattern)
		found = append(found, dirs...)
	}
	if len(found) != 1 {
		return "", fmt.Errorf("%s names dataset %s %s: %d directories datasets/%s/v%s or datasets/*/%s/v%s, expected one",
			filepath.Join(dir, build.ManifestName), m.Dataset, m.Version, len(found), m.Dataset, m.Version, m.Dataset, m.Version)
	}
	return found[0], nil
}
