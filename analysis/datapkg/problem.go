package datapkg

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Sentinel errors wrapped by the Err of a Problem, for errors.Is.
var (
	ErrDescriptor  = errors.New("invalid descriptor")
	ErrRequired    = errors.New("missing required value")
	ErrUnique      = errors.New("duplicate value")
	ErrEnum        = errors.New("not in enum")
	ErrPattern     = errors.New("does not match pattern")
	ErrType        = errors.New("wrong type")
	ErrMinimum     = errors.New("below minimum")
	ErrMaximum     = errors.New("above maximum")
	ErrMinLength   = errors.New("too short")
	ErrMaxLength   = errors.New("too long")
	ErrForeignKey  = errors.New("foreign key not found")
	ErrHash        = errors.New("hash mismatch")
	ErrHeader      = errors.New("header does not match schema")
	ErrFieldCount  = errors.New("wrong number of fields")
	ErrEncoding    = errors.New("invalid UTF-8")
	ErrSyntax      = errors.New("csv syntax error")
	ErrUnsupported = errors.New("unsupported")
	ErrMissingFile = errors.New("cannot read file")
	ErrControl     = errors.New("control character")
	ErrDate        = errors.New("not a calendar date")
	ErrNotFinite   = errors.New("not a finite number")
	ErrPublished   = errors.New("published version")
	ErrLink        = errors.New("refusing to rewrite a symbolic link")
)

// Problem is one problem at a place of an input file, shaped like
// encoding/csv.ParseError: a violation of a package's rules, and, through
// the packages that read other inputs with it (qda, graph/encoding/csv,
// notebook), any problem that has a file, line and column. Line and
// Column are 1-based; Line is 0 when the problem concerns a whole file
// and Column is 0 when it concerns a whole line. Column counts characters
// (Unicode code points) from the start of the line, not bytes, so that it
// is the column an editor shows; a byte order mark at the start of a file
// is not counted (see LineIndex).
type Problem struct {
	Path   string // the file, as given (directory joined with the resource path)
	Line   int
	Column int
	Field  string // the schema field or column, or "" when the problem is not about one field
	Value  string // the cell as read, when Field is set
	// Withheld keeps Value out of the message: the value is personal data
	// (see qda.CheckAnonymity), and reports must not spread it.
	Withheld bool
	Err      error // wraps one of the sentinel errors of the package that reports it
}

// maxShown is how many bytes of a value a problem message prints.
const maxShown = 80

// Error prints path:line:column: field "x": value "y": what was expected,
// without the parts that are not set (and without the value when it is
// Withheld).
func (p *Problem) Error() string {
	var b strings.Builder
	b.WriteString(p.Path)
	if p.Line > 0 {
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(p.Line))
		if p.Column > 0 {
			b.WriteByte(':')
			b.WriteString(strconv.Itoa(p.Column))
		}
	}
	b.WriteString(": ")
	if p.Field != "" {
		fmt.Fprintf(&b, "field %q: ", p.Field)
		if !p.Withheld {
			fmt.Fprintf(&b, "value %q: ", shorten(p.Value))
		}
	}
	if p.Err != nil {
		b.WriteString(p.Err.Error())
	}
	return b.String()
}

// Unwrap returns Err.
func (p *Problem) Unwrap() error { return p.Err }

func shorten(s string) string {
	if len(s) <= maxShown {
		return s
	}
	n := maxShown
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "..."
}

// Problems is every problem found in a package, in file order: the
// descriptor first, then each resource in descriptor order, by line and
// column. A non-empty Problems is an error.
type Problems []*Problem

// Error prints the first problem and how many more there are.
func (ps Problems) Error() string {
	switch len(ps) {
	case 0:
		return "no problems"
	case 1:
		return ps[0].Error()
	}
	return fmt.Sprintf("%s (and %d more problems)", ps[0].Error(), len(ps)-1)
}

// Unwrap returns every problem, so errors.Is(ps, ErrUnique) reports
// whether any problem is a duplicate.
func (ps Problems) Unwrap() []error {
	errs := make([]error, len(ps))
	for i, p := range ps {
		errs[i] = p
	}
	return errs
}

// comparePos orders the problems of one file by line, column and field.
// Problems of one cell come from one goroutine, in order, so a stable
// sort keeps them so.
func comparePos(a, b *Problem) int {
	if c := a.Line - b.Line; c != 0 {
		return c
	}
	if c := a.Column - b.Column; c != 0 {
		return c
	}
	return strings.Compare(a.Field, b.Field)
}

// AsProblems returns the problems carried by err: the Problems itself,
// a single *Problem, or nil when err carries none.
func AsProblems(err error) Problems {
	var ps Problems
	if errors.As(err, &ps) {
		return ps
	}
	var p *Problem
	if errors.As(err, &p) {
		return Problems{p}
	}
	return nil
}

// lineCol returns the 1-based line and rune column of byte offset off in data.
func lineCol(data []byte, off int) (line, col int) {
	return NewLineIndex(data).Position(off)
}

// LineIndex turns the byte positions that readers report (encoding/csv's
// FieldPos and ParseError, go/scanner, byte offsets) into the line and
// character column of a Problem. It indexes the line starts of the file
// on first use, so a reader that reports no problem pays nothing.
type LineIndex struct {
	data   []byte
	starts []int // byte offset of each line's start; starts[0] is line 1
}

// NewLineIndex returns the index of data, which must not change while the
// index is used.
func NewLineIndex(data []byte) *LineIndex { return &LineIndex{data: data} }

func (x *LineIndex) index() {
	if x.starts != nil {
		return
	}
	x.starts = []int{0}
	for i, c := range x.data {
		if c == '\n' {
			x.starts = append(x.starts, i+1)
		}
	}
}

// Column returns the character column of the 1-based byte column col of
// the 1-based line: what encoding/csv and go/scanner report. A column past
// the end of the line is the one just after its last character; a line
// outside the data returns col as given.
func (x *LineIndex) Column(line, col int) int {
	x.index()
	if line < 1 || line > len(x.starts) || col < 1 {
		return col
	}
	start, stop := x.starts[line-1], len(x.data)
	if line < len(x.starts) {
		stop = x.starts[line] - 1 // the line's '\n'
	}
	end := min(start+col-1, stop)
	if line == 1 && bytes.HasPrefix(x.data, bom) && end >= len(bom) {
		start = len(bom)
	}
	return utf8.RuneCount(x.data[start:end]) + 1
}

// Offset returns the byte offset of the 1-based byte column col of the
// 1-based line, clamped to the data.
func (x *LineIndex) Offset(line, col int) int {
	x.index()
	line = max(1, min(line, len(x.starts)))
	return max(0, min(x.starts[line-1]+col-1, len(x.data)))
}

// Position returns the 1-based line and character column of byte offset
// off.
func (x *LineIndex) Position(off int) (line, col int) {
	x.index()
	off = max(0, min(off, len(x.data)))
	line = sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > off })
	return line, x.Column(line, off-x.starts[line-1]+1)
}
