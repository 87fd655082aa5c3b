package qda

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/datapkg"
)

// Errors is a list of problems, each on its own line when printed.
type Errors []error

// Error joins the problems, one per line.
func (e Errors) Error() string {
	s := make([]string, len(e))
	for i, err := range e {
		s[i] = err.Error()
	}
	return strings.Join(s, "\n")
}

// Unwrap returns the problems, for errors.Is and errors.As.
func (e Errors) Unwrap() []error { return e }

// Load reads a coding project from a data package directory. Every
// problem is reported, each as "file:line:column: ...".
func Load(dir string) (*Project, error) {
	t, err := DirTables(dir)
	if err != nil {
		return nil, err
	}
	return LoadTables(t)
}

// LoadPackage reads a coding project from a package that datapkg opened
// or read (or a view of one), with its name, title, description, version
// and "nexus:synthetic" from the descriptor, as Load does.
func LoadPackage(p *datapkg.Package) (*Project, error) { return LoadTables(PackageTables(p)) }

var guidRE = regexp.MustCompile(`^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$`)

// Kinds of problems the loader reports, each in a *datapkg.Problem, for
// errors.Is. The problems that the tables' schemas describe (types,
// required values, enums) datapkg reports first, with its own sentinels.
var (
	ErrMissingColumn = errors.New("missing column")
	ErrValue         = errors.New("invalid value")
	ErrNoCodebook    = errors.New(`no resource "codes", expected the codebook`)
)

// loader collects errors while reading rows.
type loader struct {
	errs Errors
	pos  map[string]*datapkg.Problem // "kind\x00id" -> where the record starts
}

// at remembers where the record of a kind and id is.
func (l *loader) at(kind, id string, t *Table, r int) {
	line, col := t.Position(r, 0)
	l.pos[kind+"\x00"+id] = &datapkg.Problem{Path: t.File, Line: line, Column: col}
}

// bad records a problem with the cell of row r and column col of t: a
// value that is not what expected describes.
func (l *loader) bad(t *Table, r, col int, expected string) {
	line, c := t.Position(r, col)
	l.errs = append(l.errs, &datapkg.Problem{Path: t.File, Line: line, Column: c, Field: t.Header[col], Value: get(t.Rows[r], col),
		Err: fmt.Errorf("%w, expected %s", ErrValue, expected)})
}

// cols maps required and optional column names to indices.
func (l *loader) cols(t *Table, required, optional []string) map[string]int {
	m := map[string]int{}
	for _, c := range required {
		i := t.Column(c)
		if i < 0 {
			l.errs = append(l.errs, &datapkg.Problem{Path: t.File, Line: 1, Err: fmt.Errorf("%w %q, expected it in the header (%s)", ErrMissingColumn, c, strings.Join(t.Header, ","))})
		}
		m[c] = i
	}
	for _, c := range optional {
		m[c] = t.Column(c)
	}
	return m
}

func get(row []string, i int) string {
	if i < 0 || i >= len(row) {
		return ""
	}
	return row[i]
}

func (l *loader) int(t *Table, r, col int) int {
	v := get(t.Rows[r], col)
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		l.bad(t, r, col, "a non-negative integer")
	}
	return n
}

func (l *loader) guid(t *Table, r, col int) string {
	v := get(t.Rows[r], col)
	if v != "" && !guidRE.MatchString(v) {
		l.bad(t, r, col, "a GUID like 01234567-89ab-cdef-0123-456789abcdef")
	}
	return v
}

// LoadTables reads a coding project through t. The resources are codes,
// sources, cases, coders and segments; only codes is required.
func LoadTables(t Tables) (*Project, error) {
	l := &loader{pos: map[string]*datapkg.Problem{}}
	p := &Project{}
	descriptor := datapkg.DescriptorName
	if d, ok := t.(*dirTables); ok {
		p.Name, p.Title, p.Version, descriptor = d.pkg.Name, d.pkg.Title, d.pkg.Version, d.pkg.Descriptor
		for _, prop := range []struct {
			name string
			v    any
		}{{"description", &p.Description}, {"nexus:synthetic", &p.Synthetic}} {
			if _, err := d.pkg.Property(prop.name, prop.v); err != nil {
				l.errs = append(l.errs, &datapkg.Problem{Path: descriptor, Err: fmt.Errorf("%w: %v", datapkg.ErrDescriptor, err)})
			}
		}
	}
	tab := func(name string) *Table {
		tb, err := t.Table(name)
		if err != nil {
			l.errs = append(l.errs, err)
		}
		return tb
	}
	if ct := tab("codes"); ct != nil {
		l.codes(p, ct)
	} else if len(l.errs) == 0 {
		l.errs = append(l.errs, &datapkg.Problem{Path: descriptor, Err: ErrNoCodebook})
	}
	if st := tab("sources"); st != nil {
		l.sources(p, st, t)
	}
	if ct := tab("cases"); ct != nil {
		l.cases(p, ct)
	}
	if ct := tab("coders"); ct != nil {
		l.coders(p, ct)
	}
	if gt := tab("segments"); gt != nil {
		l.segments(p, gt)
	}
	l.memos(p, tab)
	if len(l.errs) == 0 {
		l.check(p)
	}
	if len(l.errs) > 0 {
		return nil, l.errs
	}
	return p, nil
}

// codes reads codes.csv: id, name (or label), parent, description, color,
// codable, kind (a group code is not codable) and guid.
func (l *loader) codes(p *Project, ct *Table) {
	c := l.cols(ct, []string{"id"}, []string{"name", "label", "parent", "description", "color", "codable", "kind", "guid"})
	for r, row := range ct.Rows {
		code := Code{ID: get(row, c["id"]), Name: get(row, c["name"]), Parent: get(row, c["parent"]),
			Description: get(row, c["description"]), Color: get(row, c["color"]), Codable: true, GUID: l.guid(ct, r, c["guid"])}
		if code.Name == "" {
			code.Name = get(row, c["label"])
		}
		switch v := get(row, c["codable"]); v {
		case "", "true":
		case "false":
			code.Codable = false
		default:
			l.bad(ct, r, c["codable"], "true or false")
		}
		if get(row, c["kind"]) == "group" {
			code.Codable = false
		}
		l.at("code", code.ID, ct, r)
		p.Codes = append(p.Codes, code)
	}
}

// sources reads sources.csv: id, title, case, description, guid and the
// text, given inline (content) or as a file of the package (path), read
// through t.
func (l *loader) sources(p *Project, st *Table, t Tables) {
	c := l.cols(st, []string{"id"}, []string{"title", "case", "path", "content", "description", "guid"})
	for r, row := range st.Rows {
		s := Source{ID: get(row, c["id"]), Name: get(row, c["title"]), Case: get(row, c["case"]), Text: get(row, c["content"]),
			Description: get(row, c["description"]), GUID: l.guid(st, r, c["guid"])}
		if path := get(row, c["path"]); path != "" {
			if s.Text != "" {
				l.bad(st, r, c["path"], "either a path or inline content, not both")
			}
			f, err := t.Open(path)
			if err != nil {
				line, col := st.Position(r, c["path"])
				l.errs = append(l.errs, &datapkg.Problem{Path: st.File, Line: line, Column: col, Field: "path", Value: path, Err: err})
			} else {
				b, err := io.ReadAll(f)
				f.Close()
				if err != nil {
					l.errs = append(l.errs, err)
				}
				s.Text = string(b)
			}
		}
		l.at("source", s.ID, st, r)
		p.Sources = append(p.Sources, s)
	}
}

// coders reads coders.csv: id, name and guid.
func (l *loader) coders(p *Project, ct *Table) {
	c := l.cols(ct, []string{"id"}, []string{"name", "guid"})
	for r, row := range ct.Rows {
		l.at("coder", get(row, c["id"]), ct, r)
		p.Coders = append(p.Coders, Coder{ID: get(row, c["id"]), Name: get(row, c["name"]), GUID: l.guid(ct, r, c["guid"])})
	}
}

// segments reads segments.csv: id, source, case, code, coder, the span
// start and end, selection and guid. The rows are read only when every
// earlier table (and the segments header) was read without a problem.
func (l *loader) segments(p *Project, gt *Table) {
	c := l.cols(gt, []string{"id", "source", "code", "start", "end"}, []string{"case", "coder", "selection", "guid"})
	if len(l.errs) > 0 {
		return
	}
	for r, row := range gt.Rows {
		s := Segment{ID: get(row, c["id"]), Source: get(row, c["source"]), Case: get(row, c["case"]),
			Code: get(row, c["code"]), Coder: get(row, c["coder"]),
			Start: l.int(gt, r, c["start"]), End: l.int(gt, r, c["end"]),
			Selection: l.guid(gt, r, c["selection"]), GUID: l.guid(gt, r, c["guid"])}
		l.at("segment", s.ID, gt, r)
		p.Segments = append(p.Segments, s)
	}
}

// check adds the problems of p.Check, each prefixed with the file, line
// and column of the record it concerns when that is known.
func (l *loader) check(p *Project) {
	for _, err := range p.Check() {
		var ie *ItemError
		if errors.As(err, &ie) {
			if pos, ok := l.pos[ie.Kind+"\x00"+ie.ID]; ok {
				err = &datapkg.Problem{Path: pos.Path, Line: pos.Line, Column: pos.Column, Err: err}
			}
		}
		l.errs = append(l.errs, err)
	}
}

// cases reads cases.csv: id, label and guid, and one typed column per
// case attribute.
func (l *loader) cases(p *Project, ct *Table) {
	c := l.cols(ct, []string{"id"}, []string{"label", "guid"})
	var attrCols []int
	for i, h := range ct.Header {
		if h == "id" || h == "label" || h == "guid" {
			continue
		}
		v := Variable{Name: h, Type: "string"}
		for _, f := range ct.Fields {
			if f.Name == h {
				v.Type, v.Title = f.Type, f.Title
				if f.Description != "Case attribute." {
					v.Description = f.Description
				}
			}
		}
		p.Variables = append(p.Variables, v)
		attrCols = append(attrCols, i)
	}
	for r, row := range ct.Rows {
		cs := Case{ID: get(row, c["id"]), Name: get(row, c["label"]), GUID: l.guid(ct, r, c["guid"])}
		for _, i := range attrCols {
			cs.Values = append(cs.Values, get(row, i))
		}
		l.at("case", cs.ID, ct, r)
		p.Cases = append(p.Cases, cs)
	}
}
