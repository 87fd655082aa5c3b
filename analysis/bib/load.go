package bib

import (
	"fmt"

	"github.com/nexus-toolkit/nexus/analysis/datapkg"
)

// Resource is the name of the resource that holds a package's reference
// list.
const Resource = "references"

// Load reads and validates the data package in dir (datapkg.Read) and
// returns the entries of its references resource in the file's order.
// A package with problems gives its datapkg.Problems, one per problem.
func Load(dir string) ([]Entry, error) {
	p, err := datapkg.Read(dir)
	if err != nil {
		return nil, err
	}
	return FromPackage(p)
}

// FromPackage returns the entries of the references resource of a
// package that has been read and validated, in the file's order. It
// returns nil and no error when the package has no such resource (or
// its table was not read). The columns are found by name (see the
// package documentation); a schema without a key field, or whose year
// is not an integer or year field, gives datapkg.Problems wrapping
// datapkg.ErrDescriptor.
func FromPackage(p *datapkg.Package) ([]Entry, error) {
	r := p.Resource(Resource)
	if r == nil || r.Table == nil {
		return nil, nil
	}
	t := r.Table
	var ps datapkg.Problems
	bad := func(format string, args ...any) {
		ps = append(ps, &datapkg.Problem{Path: r.File(), Err: fmt.Errorf("%w: resource %q: "+format, append([]any{datapkg.ErrDescriptor, Resource}, args...)...)})
	}
	key, year := t.Field("key"), t.Field("year")
	if key < 0 {
		bad("no field \"key\", expected the references' citation keys")
	}
	if year >= 0 {
		if typ := r.Schema.Fields[year].Type; typ != "integer" && typ != "year" {
			bad("field \"year\" has type %q, expected integer or year", typ)
		}
	}
	if len(ps) > 0 {
		return nil, ps
	}
	text := func(row int, name string) string {
		f := t.Field(name)
		if f < 0 || t.IsMissing(row, f) {
			return ""
		}
		return t.Text(row, f)
	}
	surnames := t.Field("surnames")
	out := make([]Entry, t.Len())
	for i := range out {
		e := Entry{
			Key: text(i, "key"), Kind: text(i, "kind"), AuthorsAsPrinted: text(i, "authors"),
			DateAsPrinted: text(i, "date_as_printed"), Title: text(i, "title"), Container: text(i, "container"),
			Volume: text(i, "volume"), Issue: text(i, "issue"), Pages: text(i, "pages"),
			Publisher: text(i, "publisher"), DOI: text(i, "doi"), URL: text(i, "url"),
		}
		if surnames >= 0 {
			e.Surnames = t.List(i, surnames)
		}
		if year >= 0 {
			y, _ := t.Int(i, year)
			e.Year = int(y)
		}
		out[i] = FromPrinted(e)
	}
	return out, nil
}
