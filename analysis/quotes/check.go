package quotes

import (
	"fmt"
	"path/filepath"
	"strconv"

	"github.com/nexus-toolkit/nexus/analysis/datapkg"
)

// Field names a field of a resource that quotes the paper verbatim, and the
// fields that give its page.
type Field struct {
	Resource string // resource name, e.g. "relations"
	Text     string // the quoted field, e.g. "quote"
	Page     string // the integer field with the page, e.g. "page"
	PageEnd  string // optional: the field with the last page of a quote that runs over a page break
}

// Miss is a quote that is not where its row says.
type Miss struct {
	File    string // the resource's file, as the package directory was given
	Line    int    // the 1-based line of the row in File
	Field   string // the quoted field
	Page    int    // the page the row states (0 when the row states none)
	PageEnd int    // the last page, for a quote over a page break; else Page
	Text    string // the quote
	FoundOn int    // a page that holds the quote instead, or 0
}

// String prints the miss as FILE:LINE: page N: quote not found, with the
// field when it is not "quote" and the page that holds the text instead.
func (m Miss) String() string {
	what := "quote"
	if m.Field != "quote" {
		what = "field " + strconv.Quote(m.Field)
	}
	pages := "page " + strconv.Itoa(m.Page)
	if m.PageEnd > m.Page {
		pages = fmt.Sprintf("pages %d-%d", m.Page, m.PageEnd)
	}
	s := fmt.Sprintf("%s:%d: %s: %s not found", m.File, m.Line, pages, what)
	switch {
	case m.Page == 0:
		s = fmt.Sprintf("%s:%d: %s: no page given", m.File, m.Line, what)
	case m.FoundOn > 0:
		s += fmt.Sprintf(" (it is on page %d)", m.FoundOn)
	}
	return s + ": " + strconv.Quote(m.Text)
}

// Report is the result of Check.
type Report struct {
	Checked int    // quotes compared with the paper
	Misses  []Miss // in the order of fields, then rows
}

// Check compares every quote that fields name with the paper. A field whose
// resource or columns the package lacks is skipped, so one list of fields
// serves every version of a dataset; a row whose quote is empty is not
// checked. p must have been read (datapkg.Read).
func Check(p *datapkg.Package, paper *Paper, fields []Field) Report {
	var rep Report
	for _, f := range fields {
		r := p.Resource(f.Resource)
		if r == nil || r.Table == nil {
			continue
		}
		t := r.Table
		text, page := t.Field(f.Text), t.Field(f.Page)
		if text < 0 || page < 0 {
			continue
		}
		end := -1
		if f.PageEnd != "" {
			end = t.Field(f.PageEnd)
		}
		file := filepath.Join(p.Dir, filepath.FromSlash(r.Path))
		for row := 0; row < t.Len(); row++ {
			q := t.Text(row, text)
			if q == "" {
				continue
			}
			rep.Checked++
			m := Miss{File: file, Line: t.Line(row), Field: f.Text, Text: q}
			m.Page = intAt(t, row, page)
			m.PageEnd = m.Page
			if end >= 0 && !t.IsMissing(row, end) {
				m.PageEnd = intAt(t, row, end)
			}
			if m.Page > 0 && paper.Contains(q, m.Page, m.PageEnd) {
				continue
			}
			m.FoundOn = paper.Find(q)
			rep.Misses = append(rep.Misses, m)
		}
	}
	return rep
}

// intAt returns an integer cell, or 0 when it is missing or not an integer.
func intAt(t *datapkg.Table, row, field int) int {
	v, ok := t.Int(row, field)
	if !ok {
		return 0
	}
	return int(v)
}

// Conventional returns a Field for every resource of p that has a "quote"
// and a "page" field (and "page_end" when it has one): the data model's
// convention for a row's evidence, in descriptor order.
func Conventional(p *datapkg.Package) []Field {
	var out []Field
	for _, r := range p.Resources {
		if r.Schema == nil || r.Schema.FieldIndex("quote") < 0 || r.Schema.FieldIndex("page") < 0 {
			continue
		}
		f := Field{Resource: r.Name, Text: "quote", Page: "page"}
		if r.Schema.FieldIndex("page_end") >= 0 {
			f.PageEnd = "page_end"
		}
		out = append(out, f)
	}
	return out
}
