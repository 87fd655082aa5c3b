package quotes

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/datapkg"
	"github.com/nexus-toolkit/nexus/analysis/table"
)

// Evidence is one row of data with the paper's words for it.
type Evidence struct {
	Ref     table.Ref
	File    string // the resource's file, under the package directory
	Line    int    // the row's line in File
	Page    int    // 0 when the row gives none
	Section string
	Quote   string // the row's verbatim text (the field Field.Text names)
}

// String prints the evidence on one line as FILE:LINE: resource/key,
// page N, section: "quote". The key is printed as datapkg.KeyText prints
// keys and the section as datapkg.TextLine prints text, so a newline in
// either is escaped and cannot forge a line.
func (e Evidence) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d: %s", e.File, e.Line, refText(e.Ref))
	if e.Page > 0 {
		fmt.Fprintf(&b, ", page %d", e.Page)
	}
	if e.Section != "" {
		fmt.Fprintf(&b, ", %s", datapkg.TextLine(e.Section))
	}
	if e.Quote != "" {
		fmt.Fprintf(&b, ": %s", strconv.Quote(e.Quote))
	}
	return b.String()
}

// refText prints r as resource/key for one line of output, the key (and a
// resource name that is not plain) quoted as datapkg.KeyText quotes keys.
func refText(r table.Ref) string {
	return datapkg.KeyText(r.Resource) + "/" + datapkg.KeyText(r.Key)
}

// Index finds rows of a read package by primary key and gives their
// evidence: the page and section fields of the row (when the resource has
// them) and the verbatim text the fields name.
type Index struct {
	p     *datapkg.Package
	texts map[string]Field
	rows  map[string]map[string]int // resource -> key -> row
}

// NewIndex returns an Index of p, which must have been read (datapkg.Read),
// with fields saying which field of each resource is its verbatim text
// (Conventional(p), or a study's own list; where fields name a resource
// twice, the later one counts).
func NewIndex(p *datapkg.Package, fields []Field) *Index {
	ix := &Index{p: p, texts: map[string]Field{}, rows: map[string]map[string]int{}}
	for _, f := range fields {
		ix.texts[f.Resource] = f // a later field of a resource wins
	}
	return ix
}

// Lookup returns the evidence of the row r names. For a resource whose
// primary key has several fields, r.Key is the row's values of those
// fields joined by table.KeySep ("151,153" for the key ID, Tie_ID); a
// resource where two rows join to the same text cannot be looked up.
func (ix *Index) Lookup(r table.Ref) (Evidence, error) {
	res := ix.p.Resource(r.Resource)
	if res == nil || res.Table == nil || res.Schema == nil || len(res.Schema.PrimaryKey) == 0 {
		return Evidence{}, fmt.Errorf("%s: the dataset has no resource %q with a primary key", refText(r), r.Resource)
	}
	t := res.Table
	keys, ok := ix.rows[r.Resource]
	if !ok {
		var err error
		if keys, err = keyIndex(res); err != nil {
			return Evidence{}, fmt.Errorf("%s: %w", refText(r), err)
		}
		ix.rows[r.Resource] = keys
	}
	row, ok := keys[r.Key]
	if !ok {
		return Evidence{}, fmt.Errorf("%s: no row with key %q in %s", refText(r), r.Key, res.Path)
	}
	e := Evidence{Ref: r, File: filepath.Join(ix.p.Dir, filepath.FromSlash(res.Path)), Line: t.Line(row)}
	if f := t.Field("page"); f >= 0 {
		if v, ok := t.Int(row, f); ok {
			e.Page = int(v)
		}
	}
	if f := t.Field("section"); f >= 0 {
		e.Section = t.Text(row, f)
	}
	if q, ok := ix.texts[r.Resource]; ok {
		if f := t.Field(q.Text); f >= 0 {
			e.Quote = t.Text(row, f)
		}
		if f := t.Field(q.Page); q.Page != "page" && f >= 0 {
			if v, ok := t.Int(row, f); ok {
				e.Page = int(v)
			}
		}
	}
	return e, nil
}

// keyIndex maps the primary key of each row of res (its fields' values
// joined by table.KeySep) to the row.
func keyIndex(res *datapkg.Resource) (map[string]int, error) {
	t := res.Table
	fields := make([]int, len(res.Schema.PrimaryKey))
	for i, name := range res.Schema.PrimaryKey {
		fields[i] = t.Field(name)
	}
	keys := make(map[string]int, t.Len())
	parts := make([]string, len(fields))
	for row := 0; row < t.Len(); row++ {
		for i, f := range fields {
			parts[i] = t.Text(row, f)
		}
		k := table.Key(parts...)
		if prev, dup := keys[k]; dup {
			return nil, fmt.Errorf("rows on lines %d and %d of %s both have the key %q once its fields are joined by %q", t.Line(prev), t.Line(row), res.Path, k, table.KeySep)
		}
		keys[k] = row
	}
	return keys, nil
}
