package qda

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strings"

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
	File   string // path as the descriptor gives it, e.g. "codes.csv"
	Header []string
	Fields []Field // schema fields, in schema order
	Rows   [][]string
	Lines  []int
	Props  map[string]json.RawMessage // resource-level properties of the descriptor
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
// between this package and the Frictionless reader: DirTables reads the
// CSV files with encoding/csv until package datapkg takes over.
type Tables interface {
	// Table returns the resource called name, or (nil, nil) when the
	// package has no such resource.
	Table(name string) (*Table, error)
	// Open opens a file of the package by its path relative to the
	// package directory (used for source texts).
	Open(path string) (io.ReadCloser, error)
}

// descriptor is the part of datapackage.json this package reads.
type descriptor struct {
	Name        string     `json:"name"`
	Title       string     `json:"title"`
	Description string     `json:"description"`
	Version     string     `json:"version"`
	Synthetic   bool       `json:"nexus:synthetic"`
	Resources   []resource `json:"resources"`
}

type resource struct {
	Name   string `json:"name"`
	Path   string `json:"path"`
	Schema struct {
		Fields []struct {
			Name        string `json:"name"`
			Type        string `json:"type"`
			Title       string `json:"title"`
			Description string `json:"description"`
		} `json:"fields"`
	} `json:"schema"`
}

type dirTables struct {
	dir  string
	desc descriptor
	raw  map[string]map[string]json.RawMessage
}

// DirTables reads the data package in dir: its datapackage.json and the
// CSV files it lists. Paths that leave dir are refused.
func DirTables(dir string) (Tables, error) {
	name := filepath.Join(dir, "datapackage.json")
	b, err := safefile.ReadFile(dir, "datapackage.json", maxDescriptor)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	t := &dirTables{dir: dir, raw: map[string]map[string]json.RawMessage{}}
	if err := json.Unmarshal(b, &t.desc); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	var raw struct {
		Resources []map[string]json.RawMessage `json:"resources"`
	}
	if err := json.Unmarshal(b, &raw); err == nil {
		for i, r := range raw.Resources {
			if i < len(t.desc.Resources) {
				t.raw[t.desc.Resources[i].Name] = r
			}
		}
	}
	return t, nil
}

// maxDescriptor is the largest datapackage.json read.
const maxDescriptor = 64 << 20

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

// Table implements Tables.
func (t *dirTables) Table(name string) (*Table, error) {
	for _, r := range t.desc.Resources {
		if r.Name != name {
			continue
		}
		f, err := t.Open(r.Path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		tab, err := ReadTable(r.Path, f)
		if err != nil {
			return nil, err
		}
		for _, fd := range r.Schema.Fields {
			typ := fd.Type
			if typ == "" {
				typ = "string"
			}
			tab.Fields = append(tab.Fields, Field{Name: fd.Name, Type: typ, Title: fd.Title, Description: fd.Description})
		}
		tab.Props = t.raw[name]
		return tab, nil
	}
	return nil, nil
}

// ReadTable reads a CSV table with a header row from r. file names it in
// errors.
func ReadTable(file string, r io.Reader) (*Table, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = 0
	t := &Table{File: file}
	header, err := cr.Read()
	if err == io.EOF {
		return nil, fmt.Errorf("%s:1:1: empty file, expected a header row", file)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	t.Header = header
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, fmt.Errorf("%s:%d:%d: %v", file, pe.Line, pe.Column, pe.Err)
			}
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		line, _ := cr.FieldPos(0)
		t.Rows = append(t.Rows, rec)
		t.Lines = append(t.Lines, line)
	}
	return t, nil
}
