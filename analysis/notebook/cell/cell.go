package cell

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/nexus-toolkit/nexus/analysis/figure"
	"github.com/nexus-toolkit/nexus/analysis/table"
)

// The environment variables through which the renderer configures a run.
const (
	// MarkEnv holds the marker that frames records on standard output.
	MarkEnv = "NEXUS_NOTEBOOK_MARK"
	// DatasetEnv holds the dataset directory the front matter names,
	// relative to the repository root.
	DatasetEnv = "NEXUS_NOTEBOOK_DATASET"
)

// The kinds of record the program writes.
const (
	KindBegin    = "begin"    // a cell starts; the payload is its index
	KindMarkdown = "markdown" // Markdown to show as it is
	KindTable    = "table"    // a table as GitHub-flavoured Markdown
	KindFigure   = "figure"   // a figure as SVG
	KindPNG      = "png"      // the figure just shown as PNG, at FigureDPI
	KindError    = "error"    // the run failed; the payload is the message
	KindInline   = "inline"   // an inline value: its index, a space, the value
	KindClaim    = "claim"    // a claim that held: its line, a space, the text
	KindEvidence = "evidence" // the evidence of the table just shown, as JSON []Evidence
)

// RecordStart starts every record: an ASCII record separator followed by
// the run's marker, the kind, a space, the base64 payload and a newline.
const RecordStart = "\x1e"

// Default figure size.
const (
	DefaultWidth  = 6 * vg.Inch
	DefaultHeight = 4 * vg.Inch
)

// Markdowner is a table or any other value that writes itself as
// GitHub-flavoured Markdown; *table.Table of github.com/nexus-toolkit/nexus/analysis/table is one.
type Markdowner interface {
	WriteMarkdown(w io.Writer) error
}

// Drawer is a figure that draws itself on a canvas; *plot.Plot of
// gonum.org/v1/plot is one.
type Drawer interface {
	Draw(c draw.Canvas)
}

// DrawFunc adapts a function to a Drawer.
type DrawFunc func(c draw.Canvas)

// Draw calls f(c).
func (f DrawFunc) Draw(c draw.Canvas) { f(c) }

// emit writes one record, or the plain payload outside a notebook run.
func emit(kind string, payload []byte) {
	mark := os.Getenv(MarkEnv)
	if mark == "" {
		if kind == KindFigure {
			fmt.Fprintf(os.Stdout, "[figure: %d bytes of SVG]\n", len(payload))
			return
		}
		os.Stdout.Write(payload)
		if len(payload) > 0 && payload[len(payload)-1] != '\n' {
			os.Stdout.Write([]byte("\n"))
		}
		return
	}
	var b bytes.Buffer
	b.WriteString(RecordStart)
	b.WriteString(mark)
	b.WriteString(kind)
	b.WriteByte(' ')
	b.WriteString(base64.StdEncoding.EncodeToString(payload))
	b.WriteByte('\n')
	os.Stdout.Write(b.Bytes())
}

// Begin marks the start of cell i. The generated program calls it before
// each cell; cells do not.
func Begin(i int) { emit(KindBegin, []byte(strconv.Itoa(i))) }

// Markdown shows s, GitHub-flavoured Markdown, as the cell's output. Raw
// HTML in s is shown escaped, never interpreted.
func Markdown(s string) { emit(KindMarkdown, []byte(s)) }

// Markdownf shows fmt.Sprintf(format, args...) as Markdown.
func Markdownf(format string, args ...any) { Markdown(fmt.Sprintf(format, args...)) }

// Table shows t. A cell labelled tbl-... gets a numbered caption. When t
// is a *table.Table whose cells know the rows of data they came from
// (table.Cell.Sources), the HTML notebook shows each such cell's evidence,
// the page and quote of every row, read from the notebook's dataset (see
// SetQuoteFields).
func Table(t Markdowner) {
	var b bytes.Buffer
	if err := t.WriteMarkdown(&b); err != nil {
		fail(1, "table: %v", err)
	}
	emit(KindTable, b.Bytes())
	if tt, ok := t.(*table.Table); ok && os.Getenv(MarkEnv) != "" && tt.Traced() {
		ev, err := evidenceOf(tt)
		if err != nil {
			fail(1, "table: %v", err)
		}
		emit(KindEvidence, ev)
	}
}

// Rows shows a table of strings with the given header. Each row must have
// as many cells as the header. Cell text is escaped.
func Rows(header []string, rows [][]string) {
	var b strings.Builder
	line := func(cells []string) {
		b.WriteString("|")
		for _, c := range cells {
			b.WriteString(" ")
			b.WriteString(escapeCell(c))
			b.WriteString(" |")
		}
		b.WriteString("\n")
	}
	line(header)
	b.WriteString("|")
	for range header {
		b.WriteString(" :-- |")
	}
	b.WriteString("\n")
	for i, r := range rows {
		if len(r) != len(header) {
			fail(1, "rows: row %d has %d cells, expected %d (the header's)", i+1, len(r), len(header))
		}
		line(r)
	}
	emit(KindTable, []byte(b.String()))
}

var cellEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`,
	`<`, `\<`, `>`, `\>`, `|`, `\|`, `~`, `\~`, `$`, `\$`, "\r\n", " ", "\n", " ", "\r", " ",
)

func escapeCell(s string) string { return strings.TrimSpace(cellEscaper.Replace(s)) }

// Figure shows d drawn at DefaultWidth × DefaultHeight, saved as SVG with
// the fonts embedded under the cell's label.
func Figure(d Drawer) { FigureSize(d, DefaultWidth, DefaultHeight) }

// FigureSize shows d drawn at width w and height h: as SVG (the HTML page's
// figure) and, in a notebook run, also as PNG at FigureDPI (the .ipynb's).
func FigureSize(d Drawer, w, h vg.Length) {
	var b bytes.Buffer
	if err := figure.Encode(&b, figure.SVG, d.Draw, w, h); err != nil {
		fail(1, "figure: %v", err)
	}
	emit(KindFigure, b.Bytes())
	if os.Getenv(MarkEnv) == "" {
		return // outside a notebook run only the SVG is reported
	}
	b.Reset()
	if err := figure.EncodePNG(&b, d.Draw, w, h, FigureDPI); err != nil {
		fail(1, "figure: %v", err)
	}
	emit(KindPNG, b.Bytes())
}

// FigureDPI is the resolution of the PNG copy of each figure, which the
// .ipynb notebook embeds beside the SVG (Jupyter shows a PNG in notebooks
// it does not trust, and SVG only in trusted ones).
const FigureDPI = 144

// fail reports a failure at the notebook line of the caller skip frames
// above fail's caller and stops the program.
func fail(skip int, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if _, file, line, ok := runtime.Caller(skip + 1); ok {
		msg = fmt.Sprintf("%s:%d: %s", file, line, msg)
	}
	if os.Getenv(MarkEnv) == "" {
		fmt.Fprintln(os.Stderr, msg)
	} else {
		emit(KindError, []byte(msg))
	}
	os.Exit(1)
}

// Recover turns a panic of the notebook's main goroutine into an error
// record that names the notebook line where it happened. The generated
// program defers it first thing in main; cells do not call it.
func Recover() {
	r := recover()
	if r == nil {
		return
	}
	where := ""
	pcs := make([]uintptr, 64)
	n := runtime.Callers(2, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	var trace []string
	for {
		f, more := frames.Next()
		if strings.HasSuffix(f.File, ".md") {
			if where == "" {
				where = fmt.Sprintf("%s:%d", f.File, f.Line)
			}
			trace = append(trace, fmt.Sprintf("\t%s:%d", f.File, f.Line))
		}
		if !more {
			break
		}
	}
	msg := fmt.Sprintf("panic: %v", r)
	if where != "" {
		msg = where + ": " + msg
	}
	if len(trace) > 1 {
		msg += "\n" + strings.Join(trace, "\n")
	}
	if os.Getenv(MarkEnv) == "" {
		fmt.Fprintln(os.Stderr, msg)
	} else {
		emit(KindError, []byte(msg))
	}
	os.Exit(2)
}

// Must returns v when err is nil, and otherwise stops the notebook with
// err at the caller's line, so a cell can write
// cell.Table(cell.Must(paper.Dyads(s))).
func Must[T any](v T, err error) T {
	if err != nil {
		fail(1, "%v", err)
	}
	return v
}

// Inline emits the value of the inline value i of the prose (`{go} EXPR`),
// printed with %v. The generated program calls it after the cells above
// the value; cells do not.
func Inline(i int, v any) {
	s := fmt.Sprint(v)
	if os.Getenv(MarkEnv) == "" {
		fmt.Fprintf(os.Stdout, "inline value %d: %s\n", i+1, s)
		return
	}
	emit(KindInline, []byte(strconv.Itoa(i)+" "+s))
}

// Claim records a claim that the notebook's prose makes about the data,
// with holds, the cell's check of it. A claim that holds is listed in the
// rendered notebook's "Claims checked" section and in the compendium's
// list of claims; one that does not stops the notebook with an error at
// the line of the call that quotes text, so the render (and make) fails
// there. The prose says it, the data decides:
//
//	cell.Claim("no respondent category has a count", counted == 0)
func Claim(text string, holds bool) {
	if !holds {
		fail(1, "claim does not hold: %q, expected the data to support it (correct the prose and the claim, or the data)", text)
	}
	line := 0
	if _, _, l, ok := runtime.Caller(1); ok {
		line = l
	}
	if os.Getenv(MarkEnv) == "" {
		fmt.Fprintf(os.Stdout, "claim holds: %s\n", text)
		return
	}
	emit(KindClaim, []byte(strconv.Itoa(line)+" "+strings.ReplaceAll(text, "\n", " ")))
}
