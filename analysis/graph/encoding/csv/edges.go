package csv

import (
	"bytes"
	stdcsv "encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/datapkg"
	"github.com/nexus-toolkit/nexus/analysis/graph"
)

// Sentinel errors wrapped by the problems ReadEdges reports, for errors.Is.
var (
	ErrMissingColumn = errors.New("missing column")
	ErrEmptyID       = errors.New("empty node id")
	ErrBadWeight     = errors.New("bad weight")
)

// EdgeOptions controls ReadEdges.
type EdgeOptions struct {
	Directed bool   // every row is an arc from source to target
	Weight   string // column holding each row's weight, or "" for none
}

// ReadEdges reads an edge list with a header row that names at least the
// columns source and target (and the weight column when opt.Weight is
// set; weights must be finite and positive). Other columns are ignored,
// except that columns named id, type, start, end and refs (';'-separated
// keys) fill the Edge fields ID, Kind, Start, End and Refs. name is the
// file name used in errors. Every problem is reported, each as a
// *datapkg.Problem at its line and character column, joined with
// errors.Join.
func ReadEdges(r io.Reader, name string, opt EdgeOptions) ([]graph.Edge, error) {
	// The whole input is read first so the edges can be allocated once:
	// growing a slice of a million Edges costs more than parsing them.
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, &datapkg.Problem{Path: name, Err: err}
	}
	idx := datapkg.NewLineIndex(data)
	cr := stdcsv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	cols, err := readHeader(cr, name, idx, opt)
	if err != nil {
		return nil, err
	}
	er := edgeReader{cr: cr, name: name, idx: idx, opt: opt, cols: cols}
	edges := make([]graph.Edge, 0, bytes.Count(data, []byte{'\n'})+1) // at least one line per row
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			er.errs = append(er.errs, csvError(name, idx, err))
			var pe *stdcsv.ParseError
			if errors.As(err, &pe) {
				continue // a malformed row; the reader goes on at the next one
			}
			break
		}
		if e, ok := er.edge(rec); ok {
			edges = append(edges, e)
		}
	}
	if len(er.errs) > 0 {
		return nil, errors.Join(er.errs...)
	}
	return edges, nil
}

// columns are the positions of the columns ReadEdges reads, -1 for a
// column that is absent.
type columns struct {
	source, target, weight, id, kind, start, end, refs int
}

// readHeader reads the header row and finds the columns, reporting every
// required column that is missing.
func readHeader(cr *stdcsv.Reader, name string, idx *datapkg.LineIndex, opt EdgeOptions) (columns, error) {
	head, err := cr.Read()
	if err == io.EOF {
		return columns{}, &datapkg.Problem{Path: name, Err: fmt.Errorf("%w: empty file, expected a header with source,target", ErrMissingColumn)}
	}
	if err != nil {
		return columns{}, csvError(name, idx, err)
	}
	col := map[string]int{}
	for i, h := range head {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		if _, dup := col[h]; !dup {
			col[h] = i
		}
	}
	var errs []error
	need := []string{"source", "target"}
	if opt.Weight != "" {
		need = append(need, opt.Weight)
	}
	for _, c := range need {
		if _, ok := col[c]; !ok {
			errs = append(errs, &datapkg.Problem{Path: name, Line: 1, Err: fmt.Errorf("%w %q: header is %q", ErrMissingColumn, c, strings.Join(head, ","))})
		}
	}
	if len(errs) > 0 {
		return columns{}, errors.Join(errs...)
	}
	index := func(c string) int {
		if i, ok := col[c]; ok {
			return i
		}
		return -1
	}
	return columns{source: index("source"), target: index("target"), weight: index(opt.Weight),
		id: index("id"), kind: index("type"), start: index("start"), end: index("end"), refs: index("refs")}, nil
}

// edgeReader turns the rows of an edge list into edges, collecting the
// problems.
type edgeReader struct {
	cr   *stdcsv.Reader
	name string
	idx  *datapkg.LineIndex
	opt  EdgeOptions
	cols columns
	errs []error
}

func field(rec []string, i int) (string, bool) {
	if i < 0 || i >= len(rec) {
		return "", false
	}
	return rec[i], true
}

// edge returns the edge of one row, or false after recording its
// problems.
func (er *edgeReader) edge(rec []string) (graph.Edge, bool) {
	line, _ := er.cr.FieldPos(0)
	e := graph.Edge{Directed: er.opt.Directed, Weight: 1}
	bad := false
	for _, ci := range [2]struct {
		name string
		i    int
	}{{"source", er.cols.source}, {"target", er.cols.target}} {
		c, i := ci.name, ci.i
		v, ok := field(rec, i)
		v = strings.TrimSpace(v)
		if !ok || v == "" {
			er.errs = append(er.errs, &datapkg.Problem{Path: er.name, Line: line, Column: er.column(min(i, len(rec)-1)), Err: fmt.Errorf("%w in column %q, expected a node id", ErrEmptyID, c)})
			bad = true
		}
		if c == "source" {
			e.Source = v
		} else {
			e.Target = v
		}
	}
	if er.opt.Weight != "" {
		v, _ := field(rec, er.cols.weight)
		w, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil || math.IsNaN(w) || math.IsInf(w, 0) || w <= 0 {
			er.errs = append(er.errs, &datapkg.Problem{Path: er.name, Line: line, Column: er.column(min(er.cols.weight, len(rec)-1)), Err: fmt.Errorf("%w: column %q value %q, expected a finite number > 0", ErrBadWeight, er.opt.Weight, v)})
			bad = true
		}
		e.Weight = w
	}
	if bad {
		return e, false
	}
	e.ID, _ = field(rec, er.cols.id)
	e.Kind, _ = field(rec, er.cols.kind)
	e.Start, _ = field(rec, er.cols.start)
	e.End, _ = field(rec, er.cols.end)
	if refs, _ := field(rec, er.cols.refs); refs != "" {
		e.Refs = splitRefs(refs)
	}
	return e, true
}

func splitRefs(s string) []string {
	var out []string
	for _, k := range strings.Split(s, ";") {
		if k = strings.TrimSpace(k); k != "" {
			out = append(out, k)
		}
	}
	return out
}

// column returns the character column where field i of the current
// record starts.
func (er *edgeReader) column(i int) int {
	line, col := er.cr.FieldPos(i)
	return er.idx.Column(line, col)
}

// csvError turns an error of encoding/csv, whose columns count bytes, into
// a problem at its character column.
func csvError(name string, idx *datapkg.LineIndex, err error) error {
	var pe *stdcsv.ParseError
	if errors.As(err, &pe) {
		return &datapkg.Problem{Path: name, Line: pe.Line, Column: idx.Column(pe.Line, pe.Column), Err: pe.Err}
	}
	return &datapkg.Problem{Path: name, Err: err}
}
