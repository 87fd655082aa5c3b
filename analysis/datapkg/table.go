package datapkg

import (
	"bytes"
	"fmt"
	"math"
	"runtime"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/nexus-toolkit/nexus/analysis/safefile"
)

// maxFile is the largest file a Table can hold (cells are 32-bit offsets).
const maxFile = safefile.MaxSize

// Table is the validated content of one CSV resource. Rows are numbered
// from 0 in file order, not counting the header; fields are numbered as in
// the schema. Rows with the wrong number of fields are reported and left
// out. The file's bytes back every cell and must not be modified.
type Table struct {
	Resource *Resource
	Header   []string // the header row as read

	raw    []byte
	data   string   // raw, as a string sharing its memory
	ncol   int      // columns in the file
	col    []int    // schema field -> file column, or -1
	starts []uint32 // row-major, ncol per row: where each cell starts (its opening quote, if quoted)
	ends   []uint32 // per row: where the record ends (its '\n', or the end of the file)
	lines  []int32  // per row: the line on which the record starts

	incomplete bool // rows were left out: foreign keys into it are not checked

	missing [][]uint64  // per field: bit r set when row r is missing
	ints    [][]int64   // per field: integer and year values
	floats  [][]float64 // per field: number values
	bools   [][]bool    // per field: boolean values
}

// Len returns the number of rows.
func (t *Table) Len() int { return len(t.lines) }

// Line returns the line of the file on which row starts.
func (t *Table) Line(row int) int { return int(t.lines[row]) }

// Bytes returns the file's content as read. It must not be modified.
func (t *Table) Bytes() []byte { return t.raw }

// Field returns the index of the schema field called name, or -1.
func (t *Table) Field(name string) int { return t.Resource.Schema.FieldIndex(name) }

// span returns the text of the cell that starts at s and whose extent
// ends at end (its delimiter, or the record's end when last): a quoted
// cell is unquoted and unescaped ("" reads as ", CRLF as LF, as
// encoding/csv reads them); an unquoted last cell loses the CR of a CRLF.
func (t *Table) span(s, end int, last bool) string {
	if s < end && t.data[s] == '"' {
		body := t.data[s+1 : end]
		k, esc := 0, false
		for {
			i := strings.IndexByte(body[k:], '"')
			if i < 0 {
				k = len(body)
				break
			}
			k += i
			if k+1 < len(body) && body[k+1] == '"' {
				esc = true
				k += 2
				continue
			}
			break
		}
		v := body[:k]
		if esc {
			v = strings.ReplaceAll(v, `""`, `"`)
		}
		if strings.Contains(v, "\r\n") {
			v = strings.ReplaceAll(v, "\r\n", "\n")
		}
		return v
	}
	if last && end > s && t.data[end-1] == '\r' {
		end--
	}
	return t.data[s:end]
}

// textAt returns the text of column c (of the file) in row.
func (t *Table) textAt(row, c int) string {
	idx := row*t.ncol + c
	s := int(t.starts[idx])
	if c == t.ncol-1 {
		return t.span(s, int(t.ends[row]), true)
	}
	return t.span(s, int(t.starts[idx+1])-1, false)
}

// Text returns the cell of row and field as it appears in the file
// (unquoted), or "" when the file lacks the field's column.
func (t *Table) Text(row, field int) string {
	c := t.col[field]
	if c < 0 {
		return ""
	}
	return t.textAt(row, c)
}

// IsMissing reports whether the cell is one of the missing values or, in
// a table with problems, a cell that is not of its field's type (so that
// the typed accessors never return a value that was not read).
func (t *Table) IsMissing(row, field int) bool {
	return t.missing[field][row>>6]&(1<<(row&63)) != 0
}

// Int returns an integer or year cell; ok is false when it is missing or
// the field has another type.
func (t *Table) Int(row, field int) (v int64, ok bool) {
	if t.ints[field] == nil || t.IsMissing(row, field) {
		return 0, false
	}
	return t.ints[field][row], true
}

// Float returns a number cell (or an integer one, converted); ok is false
// when it is missing or the field has another type.
func (t *Table) Float(row, field int) (v float64, ok bool) {
	if t.IsMissing(row, field) {
		return 0, false
	}
	if t.floats[field] != nil {
		return t.floats[field][row], true
	}
	if t.ints[field] != nil {
		return float64(t.ints[field][row]), true
	}
	return math.NaN(), false
}

// Bool returns a boolean cell; ok is false when it is missing or the
// field has another type.
func (t *Table) Bool(row, field int) (v bool, ok bool) {
	if t.bools[field] == nil || t.IsMissing(row, field) {
		return false, false
	}
	return t.bools[field][row], true
}

// Time returns a date, time or datetime cell; ok is false when it is
// missing or the field has another type.
func (t *Table) Time(row, field int) (time.Time, bool) {
	f := t.Resource.Schema.Fields[field]
	if f.layout == "" || t.IsMissing(row, field) {
		return time.Time{}, false
	}
	return parseTime(f.layout, t.Text(row, field))
}

// List returns the items of a list cell, or nil when it is missing. For a
// field of another type it returns the cell as one item.
func (t *Table) List(row, field int) []string {
	if t.IsMissing(row, field) {
		return nil
	}
	s := t.Text(row, field)
	f := t.Resource.Schema.Fields[field]
	if f.Type != "list" {
		return []string{s}
	}
	return strings.Split(s, f.Delimiter)
}

// Value returns the typed value of a cell: nil when missing, int64,
// float64, bool, time.Time, []string for lists, or the string.
func (t *Table) Value(row, field int) any {
	if t.IsMissing(row, field) {
		return nil
	}
	switch f := t.Resource.Schema.Fields[field]; f.Type {
	case "integer", "year":
		v, _ := t.Int(row, field)
		return v
	case "number":
		v, _ := t.Float(row, field)
		return v
	case "boolean":
		v, _ := t.Bool(row, field)
		return v
	case "date", "time", "datetime":
		v, _ := t.Time(row, field)
		return v
	case "list":
		return t.List(row, field)
	}
	return t.Text(row, field)
}

// Record returns the text of every schema field of row.
func (t *Table) Record(row int) []string {
	rec := make([]string, len(t.col))
	for i := range rec {
		rec[i] = t.Text(row, i)
	}
	return rec
}

// colCounter finds the rune column of increasing offsets of a file in
// time linear in the file, however many problems a line has.
type colCounter struct {
	raw      []byte
	off, col int // col is the column of offset off
}

// at returns the 1-based rune column of byte offset off.
func (cc *colCounter) at(off int) int {
	if off < cc.off || cc.col == 0 {
		cc.off = bytes.LastIndexByte(cc.raw[:off], '\n') + 1
		cc.col = 1
	}
	if i := bytes.LastIndexByte(cc.raw[cc.off:off], '\n'); i >= 0 {
		cc.off += i + 1
		cc.col = 1
	}
	if cc.off == 0 && bytes.HasPrefix(cc.raw, bom) && off >= len(bom) {
		cc.off = len(bom)
	}
	cc.col += utf8.RuneCount(cc.raw[cc.off:off])
	cc.off = off
	return cc.col
}

// cellPos returns the line and column where the cell of row and field starts.
func (t *Table) cellPos(row, field int) (line, col int) {
	c := t.col[field]
	if c < 0 {
		return t.Line(row), 0
	}
	first := int(t.starts[row*t.ncol])
	off := int(t.starts[row*t.ncol+c])
	line = t.Line(row) + bytes.Count(t.raw[first:off], []byte{'\n'})
	start := bytes.LastIndexByte(t.raw[:off], '\n') + 1
	seg := t.raw[start:off]
	if line == 1 {
		seg = bytes.TrimPrefix(seg, bom)
	}
	return line, utf8.RuneCount(seg) + 1
}

var bom = []byte{0xEF, 0xBB, 0xBF}

// parse splits the file into cells. It reports syntax, encoding and
// field-count problems and checks the header against the schema. A large
// file is split in two at a line end and the halves are scanned in
// parallel; the split is kept only when the first half ends exactly
// there, so the result is the sequential one whatever GOMAXPROCS is.
func (t *Table) parse(file string, add func(*Problem)) {
	r := t.Resource
	d := t.raw
	t.data = unsafe.String(unsafe.SliceData(d), len(d))
	nf := len(r.Schema.Fields)
	t.col = make([]int, nf)
	for i := range t.col {
		t.col[i] = -1
	}
	if len(d) > maxFile {
		add(&Problem{Path: file, Err: fmt.Errorf("%w: file of %d bytes, want at most %d", ErrUnsupported, len(d), maxFile)})
		return
	}
	i := 0
	if bytes.HasPrefix(d, bom) {
		i = len(bom)
	}
	sc := &scanner{d: d, delim: r.delimiter, file: file}
	sc.special[sc.delim], sc.special['\n'], sc.special['"'] = true, true, true
	for b, c := range ctrlClass {
		if c != 0 {
			sc.special[b] = true // see scanner.control
		}
	}
	// The header is the first record.
	sc.line = 1
	i = sc.blank(i)
	if i >= len(d) {
		if !utf8.Valid(d) {
			t.badUTF8(file, add)
		}
		add(&Problem{Path: file, Err: fmt.Errorf("%w: empty file, want a header row", ErrHeader)})
		return
	}
	hline := sc.line
	i, end := sc.record(i)
	t.header(file, hline, sc.starts, end, add)
	sc.starts = nil
	sc.ncol = t.ncol

	valid := true
	split := len(d)
	if forceSplit || len(d)-i > splitMin && runtime.GOMAXPROCS(0) > 1 {
		split = splitPoint(d, i)
	}
	if split >= len(d) {
		sc.alloc(bytes.Count(d[i:], []byte{'\n'})+1, max(nf, 1))
		valid = utf8.Valid(d)
		sc.run(i, len(d))
	} else {
		// One pass of counting sizes both halves and numbers the second.
		linesA := bytes.Count(d[i:split], []byte{'\n'})
		linesB := bytes.Count(d[split:], []byte{'\n'})
		b := &scanner{d: d, delim: sc.delim, special: sc.special, file: file, ncol: sc.ncol}
		b.line = sc.line + linesA
		sc.alloc(linesA+linesB+1, max(nf, 1)) // room for both halves
		b.alloc(linesB+1, max(nf, 1))
		var wg sync.WaitGroup
		var validA, validB bool
		wg.Add(1)
		go func() {
			defer wg.Done()
			validB = utf8.Valid(d[split:])
			b.run(split, len(d))
		}()
		validA = utf8.Valid(d[:split])
		stop := sc.run(i, split)
		wg.Wait()
		valid = validA && validB
		if stop == split {
			sc.merge(b)
		} else {
			sc.run(stop, len(d)) // a record ran over the split: go on alone
		}
	}
	if !valid {
		t.badUTF8(file, add)
	}
	for _, p := range sc.problems {
		add(p)
	}
	t.starts, t.ends, t.lines, t.incomplete = sc.starts, sc.ends, sc.lines, sc.incomplete
	t.controls(file, sc.ctrl, add)
	t.formats(file, add)
}

// splitMin is the size above which a file is scanned in two halves;
// forceSplit splits every file (for tests).
var (
	splitMin   = 1 << 20
	forceSplit = false
)

// splitPoint returns a line end near the middle of d[from:] that is not,
// if the quotes before it pair up, inside a quoted field.
func splitPoint(d []byte, from int) int {
	mid := from + (len(d)-from)/2
	odd := bytes.Count(d[from:mid], []byte{'"'})%2 == 1
	for j := mid; j < len(d); j++ {
		switch d[j] {
		case '"':
			odd = !odd
		case '\n':
			if !odd {
				return j + 1
			}
		}
	}
	return len(d)
}

// scanner splits part of a CSV file into records.
type scanner struct {
	d       []byte
	delim   byte
	special [256]bool
	file    string
	ncol    int
	line    int // line of the next byte to read
	cc      colCounter

	starts     []uint32
	ends       []uint32
	lines      []int32
	problems   Problems
	incomplete bool
	ctrl       []int // offsets of control characters, in order
}

func (s *scanner) alloc(rows, ncol int) {
	s.starts = make([]uint32, 0, rows*ncol)
	s.ends = make([]uint32, 0, rows)
	s.lines = make([]int32, 0, rows)
}

func (s *scanner) merge(b *scanner) {
	s.starts = append(s.starts, b.starts...)
	s.ends = append(s.ends, b.ends...)
	s.lines = append(s.lines, b.lines...)
	s.problems = append(s.problems, b.problems...)
	s.incomplete = s.incomplete || b.incomplete
	s.ctrl = append(s.ctrl, b.ctrl...)
}

func (s *scanner) at(off int, err error) {
	if s.cc.raw == nil {
		s.cc.raw = s.d
	}
	s.problems = append(s.problems, &Problem{Path: s.file, Line: s.line, Column: s.cc.at(off), Err: err})
}

// blank skips blank lines from i.
func (s *scanner) blank(i int) int {
	d := s.d
	for i < len(d) {
		switch {
		case d[i] == '\n':
			i++
		case d[i] == '\r' && i+1 < len(d) && d[i+1] == '\n':
			i += 2
		default:
			return i
		}
		s.line++
	}
	return i
}

// run reads the records that start before limit and returns where the
// last one ends: limit, or beyond it when a record runs over.
func (s *scanner) run(i, limit int) int {
	for {
		i = s.blank(i)
		if i >= limit {
			return i
		}
		line := s.line
		base := len(s.starts)
		next, end := s.record(i)
		i = next
		if n := len(s.starts) - base; n != s.ncol {
			s.problems = append(s.problems, &Problem{Path: s.file, Line: line,
				Err: fmt.Errorf("%w: got %d, want %d as in the header", ErrFieldCount, n, s.ncol)})
			s.incomplete = true
			s.starts = s.starts[:base]
			continue
		}
		s.lines = append(s.lines, int32(line))
		s.ends = append(s.ends, uint32(end))
	}
}

// record reads the record at i, appending the start of each cell, and
// returns where the next record starts and where this one ends.
func (s *scanner) record(i int) (next, end int) {
	d, delim := s.d, s.delim
	for {
		s.starts = append(s.starts, uint32(i))
		if i < len(d) && d[i] == '"' {
			start := i + 1
			j := start
			closed := true
			for {
				k := bytes.IndexByte(d[j:], '"')
				if k < 0 {
					j = len(d)
					closed = false
					break
				}
				j += k
				if j+1 < len(d) && d[j+1] == '"' {
					j += 2
					continue
				}
				break
			}
			if !closed {
				s.at(i, fmt.Errorf("%w: quoted field not closed, want a closing quote", ErrSyntax))
			}
			s.ctrl = ctrlSpan(d, start, j, s.ctrl)
			s.line += bytes.Count(d[start:j], []byte{'\n'})
			i = j + 1
			if i < len(d) && d[i] == '\r' && (i+1 == len(d) || d[i+1] == '\n') {
				i++
			}
			if i < len(d) && d[i] != delim && d[i] != '\n' {
				s.at(i, fmt.Errorf("%w: text after a closing quote, want a delimiter or the end of the line", ErrSyntax))
				i = s.skip(i)
			}
			i = min(i, len(d))
		} else {
			j := i
			for {
				for j < len(d) && !s.special[d[j]] {
					j++
				}
				if j < len(d) && ctrlClass[d[j]] != 0 && s.control(j) {
					j++
					continue
				}
				break
			}
			if j < len(d) && d[j] == '"' {
				s.at(j, fmt.Errorf("%w: quote in an unquoted field, want the field quoted and the quote doubled", ErrSyntax))
				j = s.skip(j)
			}
			i = j
		}
		if i >= len(d) {
			return i, len(d)
		}
		if d[i] == delim {
			i++
			if i >= len(d) {
				s.starts = append(s.starts, uint32(i))
				return i, i
			}
			continue
		}
		// d[i] == '\n'
		s.line++
		return i + 1, i
	}
}

func (t *Table) badUTF8(file string, add func(*Problem)) {
	d := t.raw
	line, start := 1, 0
	for i := 0; i < len(d); {
		if d[i] == '\n' {
			line++
			i++
			start = i
			continue
		}
		if d[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(d[i:])
		if r == utf8.RuneError && n <= 1 {
			add(&Problem{Path: file, Line: line, Column: utf8.RuneCount(d[start:i]) + 1,
				Err: fmt.Errorf("%w: byte %#x, want UTF-8 text", ErrEncoding, d[i])})
			// One problem per line is enough to find it.
			for i < len(d) && d[i] != '\n' {
				i++
			}
			continue
		}
		i += n
	}
}
