package table

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
)

// The missing-value vocabulary of every table, in every format (CSV,
// Markdown, LaTeX, HTML), each mark with one meaning. A reader of the CSV
// files declares them as Frictionless missingValues: ["n.r.", "n.a."].
const (
	// NotReported marks a value the source does not report ([Missing]).
	NotReported = "n.r."
	// NotApplicable marks a value that does not apply to the row
	// ([Inapplicable]): there is nothing the source could have reported.
	NotApplicable = "n.a."
)

// Align is the horizontal alignment of a column.
type Align int

// Alignments. AlignAuto aligns text columns left and number columns right.
const (
	AlignAuto Align = iota
	AlignLeft
	AlignRight
	AlignCenter
)

// Kind says whether a column holds text or numbers.
type Kind int

// Column kinds.
const (
	KindText Kind = iota
	KindNumber
)

// Column specifies one column of a table.
type Column struct {
	// Name is the machine-readable name, used as the CSV header.
	Name string
	// Header is the human-readable header for Markdown and LaTeX; when
	// empty, Name is used.
	Header string
	// Align is the alignment; AlignAuto follows Kind.
	Align Align
	// Kind is KindText or KindNumber.
	Kind Kind
	// Width, when not empty, is a LaTeX length (such as "4cm" or
	// "0.3\linewidth") that makes the column a wrapping p{Width} column.
	Width string
}

// title returns the header text of the column.
func (c Column) title() string {
	if c.Header != "" {
		return c.Header
	}
	return c.Name
}

// align resolves AlignAuto.
func (c Column) align() Align {
	if c.Align != AlignAuto {
		return c.Align
	}
	if c.Kind == KindNumber {
		return AlignRight
	}
	return AlignLeft
}

// Cell is one value of a table. The zero Cell is the empty string.
type Cell struct {
	// Value is the printed text of the cell.
	Value string
	// Missing marks a value the source does not report (NotReported).
	Missing bool
	// Inapplicable marks a value that does not apply to the row
	// (NotApplicable).
	Inapplicable bool
	// Sources are the rows of data the cell was computed from (see From
	// and WriteTrace); none for a label or a constant.
	Sources []Ref
}

// Str returns a cell holding s.
func Str(s string) Cell { return Cell{Value: s} }

// Missing returns a cell the source does not report, printed
// NotReported.
func Missing() Cell { return Cell{Missing: true} }

// Inapplicable returns a cell whose value does not apply to its row,
// printed NotApplicable.
func Inapplicable() Cell { return Cell{Inapplicable: true} }

// Int returns a cell holding n in decimal.
func Int(n int) Cell { return Cell{Value: FormatInt(n)} }

// Float returns a cell holding x with the given number of decimals, or a
// missing cell when x is NaN.
func Float(x float64, decimals int) Cell {
	if x != x {
		return Missing()
	}
	return Cell{Value: FormatFloat(x, decimals)}
}

// Table is a titled table of string cells.
type Table struct {
	// Title is printed above the table (Markdown) or as the caption's
	// first sentence (LaTeX).
	Title string
	// Caption follows the title.
	Caption string
	// Label is the LaTeX \label, such as "tbl:dyads"; empty for none.
	Label string
	// Notes are printed below the table, one paragraph each.
	Notes []string
	// Columns specifies the columns.
	Columns []Column
	// Rows holds the cells; every row has len(Columns) cells.
	Rows [][]Cell
	// Long makes WriteLaTeX write a longtable that may break across pages.
	Long bool
}

// New returns an empty table with the given title and columns.
func New(title string, cols ...Column) *Table {
	return &Table{Title: title, Columns: cols}
}

// ErrWidth is returned (wrapped) when a row's length differs from the
// number of columns.
var ErrWidth = errors.New("wrong number of cells")

// Append adds a row. It returns an error wrapping ErrWidth when the row
// does not have one cell per column.
func (t *Table) Append(cells ...Cell) error {
	if len(cells) != len(t.Columns) {
		return fmt.Errorf("table %q: row %d: %w: got %d, expected %d", t.Title, len(t.Rows)+1, ErrWidth, len(cells), len(t.Columns))
	}
	t.Rows = append(t.Rows, cells)
	return nil
}

// AppendStrings adds a row of non-missing cells.
func (t *Table) AppendStrings(values ...string) error {
	cells := make([]Cell, len(values))
	for i, v := range values {
		cells[i] = Str(v)
	}
	return t.Append(cells...)
}

// Validate checks that the table has columns, that every column has a
// Name and that every row has one cell per column. It reports every
// problem, not only the first.
func (t *Table) Validate() error {
	var errs []error
	if len(t.Columns) == 0 {
		errs = append(errs, fmt.Errorf("table %q: no columns, expected at least one", t.Title))
	}
	for i, c := range t.Columns {
		if c.Name == "" {
			errs = append(errs, fmt.Errorf("table %q: column %d: empty name, expected a CSV header", t.Title, i+1))
		}
	}
	for i, r := range t.Rows {
		if len(r) != len(t.Columns) {
			errs = append(errs, fmt.Errorf("table %q: row %d: %w: got %d, expected %d", t.Title, i+1, ErrWidth, len(r), len(t.Columns)))
		}
	}
	return errors.Join(errs...)
}

// text returns the printed text of a cell: its value, or its mark.
func (t *Table) text(c Cell) string {
	switch {
	case c.Missing:
		return NotReported
	case c.Inapplicable:
		return NotApplicable
	}
	return c.Value
}

// visible replaces every control character other than tab, line feed
// and carriage return (C0, DEL and C1, which no reader of Markdown or
// LaTeX shows and which break LaTeX) with its code point written out, as
// "<U+0000>", so that it is neither lost nor passed on unseen. Line breaks
// are left to lines.
func visible(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f || c == 0xc2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9f {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r' {
			fmt.Fprintf(&b, "<U+%04X>", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// lines normalises CR LF and CR to LF and splits s into lines.
func lines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Split(s, "\n")
}
