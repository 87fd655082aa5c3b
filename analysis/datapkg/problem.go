package datapkg

import (
	"errors"
	"fmt"
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

// Problem is one violation of a package's rules, shaped like
// encoding/csv.ParseError. Line and Column are 1-based; Line is 0 when the
// problem concerns a whole file and Column is 0 when it concerns a whole
// line. Column counts characters (runes) from the start of the line.
type Problem struct {
	Path   string // the file, as given (directory joined with the resource path)
	Line   int
	Column int
	Field  string // the schema field, or "" when the problem is not about one field
	Value  string // the cell as read, when Field is set
	Err    error  // wraps one of the sentinel errors
}

// maxShown is how many bytes of a value a problem message prints.
const maxShown = 80

// Error prints path:line:column: field "x": value "y": what was expected.
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
		fmt.Fprintf(&b, "field %q: value %q: ", p.Field, shorten(p.Value))
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
	if off > len(data) {
		off = len(data)
	}
	line = 1
	start := 0
	for i := 0; i < off; i++ {
		if data[i] == '\n' {
			line++
			start = i + 1
		}
	}
	return line, utf8.RuneCount(data[start:off]) + 1
}
