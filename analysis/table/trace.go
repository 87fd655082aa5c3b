package table

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Ref names one row of input data that a cell was computed from: a
// resource of a data package and the row's primary key.
type Ref struct {
	Resource string // e.g. "relations"
	Key      string // the row's primary key, e.g. "r022"; for a key of several fields, Key(values...)
}

// KeySep joins the values of a primary key of several fields in a Ref.
const KeySep = ","

// Key returns the Ref key of a row whose primary key has the given
// values, in the order of the schema's primaryKey: the values joined by
// KeySep ("151,153"); one value is its own key.
func Key(values ...string) string { return strings.Join(values, KeySep) }

// String prints the reference as resource/key.
func (r Ref) String() string { return r.Resource + "/" + r.Key }

// From returns c with refs added to the rows it was computed from,
// skipping a reference it already has.
func (c Cell) From(refs ...Ref) Cell {
	for _, r := range refs {
		if !hasRef(c.Sources, r) {
			c.Sources = append(c.Sources, r)
		}
	}
	return c
}

func hasRef(refs []Ref, r Ref) bool {
	for _, x := range refs {
		if x == r {
			return true
		}
	}
	return false
}

// Refs returns one Ref for each key, all in resource.
func Refs(resource string, keys ...string) []Ref {
	out := make([]Ref, len(keys))
	for i, k := range keys {
		out[i] = Ref{Resource: resource, Key: k}
	}
	return out
}

// Traced reports whether any cell of t knows the rows it came from.
func (t *Table) Traced() bool {
	for _, r := range t.Rows {
		for _, c := range r {
			if len(c.Sources) > 0 {
				return true
			}
		}
	}
	return false
}

// TraceHeader is the header of the trace file that WriteTrace writes.
var TraceHeader = []string{"line", "column", "resource", "key"}

// WriteTrace writes the provenance of every cell of t as CSV with the
// header TraceHeader and one record per cell and row of data it came from:
// line is the line on which the cell's record starts in the file WriteCSV
// writes (the header is line 1; a value with a line break moves later
// records down),
// column the column's Name. Records follow the table's order of rows,
// columns and sources, so the file is as deterministic as the table.
func (t *Table) WriteTrace(w io.Writer) error {
	if err := t.Validate(); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	cw := csv.NewWriter(bw)
	if err := cw.Write(TraceHeader); err != nil {
		return err
	}
	line := 2
	for _, r := range t.Rows {
		span := 0
		for i, c := range r {
			span += len(lines(t.text(c))) - 1
			for _, ref := range c.Sources {
				if err := cw.Write([]string{strconv.Itoa(line), t.Columns[i].Name, ref.Resource, ref.Key}); err != nil {
					return err
				}
			}
		}
		line += 1 + span
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// Trace is a trace file read back: the rows of data behind each cell.
type Trace struct {
	cells map[traceKey][]Ref
}

type traceKey struct {
	line   int
	column string
}

// ErrTrace is wrapped by the errors of ReadTrace.
var ErrTrace = errors.New("malformed trace")

// ReadTrace reads a file that WriteTrace wrote. name is used in errors,
// which read name:line: what is wrong.
func ReadTrace(r io.Reader, name string) (*Trace, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = len(TraceHeader)
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%s:1: %w: %v", name, ErrTrace, err)
	}
	if strings.Join(head, ",") != strings.Join(TraceHeader, ",") {
		return nil, fmt.Errorf("%s:1: %w: header %q, expected %q", name, ErrTrace, strings.Join(head, ","), strings.Join(TraceHeader, ","))
	}
	tr := &Trace{cells: map[traceKey][]Ref{}}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return tr, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w: %v", name, ErrTrace, err)
		}
		n, err := strconv.Atoi(rec[0])
		if err != nil || n < 2 {
			l, _ := cr.FieldPos(0)
			return nil, fmt.Errorf("%s:%d: %w: line %q, expected a number from 2", name, l, ErrTrace, rec[0])
		}
		k := traceKey{n, rec[1]}
		tr.cells[k] = append(tr.cells[k], Ref{Resource: rec[2], Key: rec[3]})
	}
}

// Sources returns the rows of data behind the cell in the named column of
// the CSV record that starts at line (the header is line 1), in the order they were
// recorded, or nil when the cell has none.
func (tr *Trace) Sources(line int, column string) []Ref {
	return tr.cells[traceKey{line, column}]
}
