package qda

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/datapkg"
	"github.com/nexus-toolkit/nexus/analysis/safefile"
)

// Field is one column of a table as its Table Schema declares it.
type Field struct {
	Name        string
	Type        string // Frictionless type; "string" when the schema omits it
	Title       string
	Description string
}

// Table is one CSV resource read as text. Lines[i] is the line in File on
// which Rows[i] starts, for error messages.
type Table struct {
	File   string   // the file as problems name it: the package directory joined with the resource path
	Header []string // column names; from DirTables, the schema's fields, which datapkg checked against the file's header row
	Fields []Field  // schema fields, in schema order
	Rows   [][]string
	Lines  []int

	src *datapkg.Table // the table as datapkg read it, for Position; nil for a table made otherwise
}

// Position returns the line and character column of the cell of row r and
// column col (an index of Header), as a datapkg.Problem gives them. For a
// table not read by DirTables the column is 0 (unknown).
func (t *Table) Position(r, col int) (line, column int) {
	if t.src != nil && col >= 0 && col < len(t.Header) {
		if f := t.src.Field(t.Header[col]); f >= 0 {
			return t.src.Position(r, f)
		}
	}
	return t.Lines[r], 0
}

// Column returns the index of the column name in the header, or -1.
func (t *Table) Column(name string) int {
	for i, h := range t.Header {
		if h == name {
			return i
		}
	}
	return -1
}

// Tables reads the resources of a data package by name. It is the seam
// between this package and the Frictionless reader, package datapkg:
// DirTables reads a package directory through it.
type Tables interface {
	// Table returns the resource called name, or (nil, nil) when the
	// package has no such resource.
	Table(name string) (*Table, error)
	// Open opens a file of the package by its path relative to the
	// package directory (used for source texts).
	Open(path string) (io.ReadCloser, error)
}

type dirTables struct {
	dir string
	pkg *datapkg.Package
}

// DirTables reads the data package in dir through package datapkg: its
// datapackage.json, and each table as it is asked for, checked against
// its schema (but not its hash: Validate checks the whole package). Paths
// that leave dir are refused.
func DirTables(dir string) (Tables, error) {
	pkg, err := datapkg.Open(dir)
	if err != nil {
		return nil, err
	}
	return PackageTables(pkg), nil
}

// PackageTables serves the resources of a package that datapkg opened or
// read: a table that datapkg.Read has read is used as it is, any other
// is read as DirTables reads it. A view of a package (datapkg's Only)
// serves only the resources it holds.
func PackageTables(p *datapkg.Package) Tables { return &dirTables{dir: p.Dir, pkg: p} }

// Open implements Tables. It opens only a regular file inside the package
// directory (after symbolic links) of at most safefile.MaxSize bytes, so
// a source linked to /etc/passwd is refused, not read (see package
// safefile).
func (t *dirTables) Open(path string) (io.ReadCloser, error) {
	f, err := safefile.Open(t.dir, path, safefile.MaxSize)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return f, nil
}

// localPath reports whether the slash-separated path stays inside its
// directory.
func localPath(p string) bool {
	return p != "" && filepath.IsLocal(filepath.FromSlash(p)) && !strings.Contains(p, "\\")
}

// Table implements Tables: the resource's table as datapkg read it, or
// its file, read and checked against its schema. A table with problems is
// not returned; its problems are.
func (t *dirTables) Table(name string) (*Table, error) {
	r := t.pkg.Resource(name)
	if r == nil {
		return nil, nil
	}
	dt := r.Table
	if dt == nil {
		var err error
		if dt, err = r.ReadTable(); err != nil {
			return nil, err
		}
	}
	tab := &Table{File: r.File(), src: dt}
	for _, f := range r.Schema.Fields {
		tab.Header = append(tab.Header, f.Name)
		tab.Fields = append(tab.Fields, Field{Name: f.Name, Type: f.Type, Title: f.Title, Description: f.Description})
	}
	for i := range dt.Len() {
		tab.Rows = append(tab.Rows, dt.Record(i))
		tab.Lines = append(tab.Lines, dt.Line(i))
	}
	return tab, nil
}
