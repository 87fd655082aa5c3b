package network

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// ParseError is a problem at one place of an input file, in the shape of
// encoding/csv's ParseError: "file:line:column: message".
type ParseError struct {
	File   string
	Line   int // 1-based; 0 when the problem concerns the whole file
	Column int // 1-based; 0 when unknown
	Err    error
}

// Error formats the problem as "file:line:column: message".
func (e *ParseError) Error() string {
	switch {
	case e.Line == 0:
		return fmt.Sprintf("%s: %v", e.File, e.Err)
	case e.Column == 0:
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s:%d:%d: %v", e.File, e.Line, e.Column, e.Err)
}

// Unwrap returns the underlying error, often one of the sentinels.
func (e *ParseError) Unwrap() error { return e.Err }

// Sentinel errors wrapped by ParseError, for errors.Is.
var (
	ErrMissingColumn = errors.New("missing column")
	ErrEmptyID       = errors.New("empty node id")
	ErrBadWeight     = errors.New("bad weight")
)

// EdgeCSVOptions controls ReadEdgeCSV.
type EdgeCSVOptions struct {
	Directed bool   // every row is an arc from source to target
	Weight   string // column holding each row's weight, or "" for none
}

// ReadEdgeCSV reads an edge list with a header row that names at least the
// columns source and target (and the weight column when opt.Weight is
// set; weights must be finite and positive). Other columns are ignored,
// except that columns named id, type, start, end, coding and refs
// (';'-separated keys) fill the matching Edge fields. name is the file
// name used in errors. Every problem is reported, each as a *ParseError,
// joined with errors.Join.
func ReadEdgeCSV(r io.Reader, name string, opt EdgeCSVOptions) ([]Edge, error) {
	// The whole input is read first so the edges can be allocated once:
	// growing a slice of a million Edges costs more than parsing them.
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, &ParseError{File: name, Err: err}
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	head, err := cr.Read()
	if err == io.EOF {
		return nil, &ParseError{File: name, Err: fmt.Errorf("%w: empty file, expected a header with source,target", ErrMissingColumn)}
	}
	if err != nil {
		return nil, csvError(name, err)
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
			errs = append(errs, &ParseError{File: name, Line: 1, Err: fmt.Errorf("%w %q: header is %q", ErrMissingColumn, c, strings.Join(head, ","))})
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	index := func(c string) int {
		if i, ok := col[c]; ok {
			return i
		}
		return -1
	}
	iSource, iTarget, iWeight := index("source"), index("target"), index(opt.Weight)
	iID, iType, iStart, iEnd, iCoding, iRefs := index("id"), index("type"), index("start"), index("end"), index("coding"), index("refs")
	field := func(rec []string, i int) (string, bool) {
		if i < 0 || i >= len(rec) {
			return "", false
		}
		return rec[i], true
	}
	edges := make([]Edge, 0, bytes.Count(data, []byte{'\n'})+1) // at least one line per row
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			errs = append(errs, csvError(name, err))
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				continue // a malformed row; the reader goes on at the next one
			}
			break
		}
		line, _ := cr.FieldPos(0)
		e := Edge{Directed: opt.Directed, Weight: 1}
		bad := false
		for _, ci := range [2]struct {
			name string
			i    int
		}{{"source", iSource}, {"target", iTarget}} {
			c, i := ci.name, ci.i
			v, ok := field(rec, i)
			v = strings.TrimSpace(v)
			if !ok || v == "" {
				_, column := cr.FieldPos(min(i, len(rec)-1))
				errs = append(errs, &ParseError{File: name, Line: line, Column: column, Err: fmt.Errorf("%w in column %q, expected a node id", ErrEmptyID, c)})
				bad = true
			}
			if c == "source" {
				e.Source = v
			} else {
				e.Target = v
			}
		}
		if opt.Weight != "" {
			v, _ := field(rec, iWeight)
			w, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil || math.IsNaN(w) || math.IsInf(w, 0) || w <= 0 {
				_, column := cr.FieldPos(min(iWeight, len(rec)-1))
				errs = append(errs, &ParseError{File: name, Line: line, Column: column, Err: fmt.Errorf("%w: column %q value %q, expected a finite number > 0", ErrBadWeight, opt.Weight, v)})
				bad = true
			}
			e.Weight = w
		}
		if bad {
			continue
		}
		e.ID, _ = field(rec, iID)
		e.Type, _ = field(rec, iType)
		e.Start, _ = field(rec, iStart)
		e.End, _ = field(rec, iEnd)
		e.Coding, _ = field(rec, iCoding)
		if refs, _ := field(rec, iRefs); refs != "" {
			e.Refs = splitRefs(refs)
		}
		edges = append(edges, e)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return edges, nil
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

func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &ParseError{File: name, Line: pe.Line, Column: pe.Column, Err: pe.Err}
	}
	return &ParseError{File: name, Err: err}
}
