package datapkg

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"regexp/syntax"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/safefile"
)

// DescriptorName is the file name of a package descriptor.
const DescriptorName = "datapackage.json"

// Package is a data package: its descriptor and, after Read, its tables.
type Package struct {
	Dir        string // directory as given
	Descriptor string // path of the descriptor: Dir joined with DescriptorName
	Name       string
	Version    string
	Title      string
	Resources  []*Resource
	raw        []byte                     // the descriptor's bytes
	props      map[string]json.RawMessage // every property of the descriptor, as JSON
}

// Resource is one file of a package.
type Resource struct {
	Name     string
	Path     string // relative to the package directory, slash-separated
	Hash     string // as declared: "sha256:<hex>", "md5:<hex>" or bare MD5 hex; "" when absent
	Format   string
	Encoding string
	Schema   *Schema
	Table    *Table // set by Read; nil when the file could not be read

	dir       string // the package directory
	file      string // Dir joined with Path
	delimiter byte
	index     int
	props     map[string]json.RawMessage // every property of the resource, as JSON
}

// File returns the resource's file: the package directory joined with its
// path, as it appears in problem messages.
func (r *Resource) File() string { return r.file }

// Schema is the Table Schema of a tabular resource.
type Schema struct {
	Fields        []*Field
	PrimaryKey    []string
	ForeignKeys   []ForeignKey
	MissingValues []string
}

// FieldIndex returns the index of the field called name, or -1.
func (s *Schema) FieldIndex(name string) int {
	for i, f := range s.Fields {
		if f.Name == name {
			return i
		}
	}
	return -1
}

// ForeignKey says that the values of Fields in this resource must exist
// as values of Fields in Resource ("" for this resource itself).
type ForeignKey struct {
	Fields    []string
	Resource  string
	Reference []string
}

// Field is one field of a schema.
type Field struct {
	Name        string
	Title       string
	Description string
	Type        string // string, integer, number, boolean, date, time, datetime, year, yearmonth, list, any, ...
	Format      string
	Delimiter   string // list fields: item separator, "," by default
	ItemType    string // list fields: type of each item, "string" by default
	TrueValues  []string
	FalseValues []string
	Constraints Constraints

	missing  []string // field-level missingValues, or the schema's
	pattern  *regexp.Regexp
	prog     *syntax.Prog // the pattern's program for a DFA, or nil
	enum     map[string]bool
	enumList []string // the canonical enum, when short
	min, max *bound
	date     bool   // a string field whose pattern admits only YYYY, YYYY-MM, YYYY-MM-DD (see isDatePattern)
	layout   string // Go time layout for date, time and datetime
	itemLay  string
}

// Constraints are the constraints of a field.
type Constraints struct {
	Required         bool
	Unique           bool
	Enum             []string // as JSON text for non-strings
	Pattern          string
	Minimum          string // as JSON text: a number or a quoted date
	Maximum          string
	ExclusiveMinimum string
	ExclusiveMaximum string
	MinLength        *int
	MaxLength        *int
}

// names is a list of field names that JSON may also give as one string.
type names []string

// UnmarshalJSON accepts a string or an array of strings.
func (n *names) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*n = names{s}
		return nil
	}
	var ss []string
	if err := json.Unmarshal(b, &ss); err != nil {
		return err
	}
	*n = ss
	return nil
}

type jsonPackage struct {
	Name      string         `json:"name"`
	Version   string         `json:"version"`
	Title     string         `json:"title"`
	Resources []jsonResource `json:"resources"`
}

type jsonResource struct {
	Name     string          `json:"name"`
	Path     json.RawMessage `json:"path"`
	Data     json.RawMessage `json:"data"`
	Hash     string          `json:"hash"`
	Format   string          `json:"format"`
	Encoding string          `json:"encoding"`
	Dialect  *struct {
		Delimiter   *string `json:"delimiter"`
		Header      *bool   `json:"header"`
		QuoteChar   *string `json:"quoteChar"`
		DoubleQuote *bool   `json:"doubleQuote"`
	} `json:"dialect"`
	Schema json.RawMessage `json:"schema"`
}

type jsonSchema struct {
	Fields      []jsonField `json:"fields"`
	PrimaryKey  names       `json:"primaryKey"`
	ForeignKeys []struct {
		Fields    names `json:"fields"`
		Reference struct {
			Resource *string `json:"resource"`
			Fields   names   `json:"fields"`
		} `json:"reference"`
	} `json:"foreignKeys"`
	MissingValues *[]string `json:"missingValues"`
}

type jsonField struct {
	Name          string          `json:"name"`
	Title         string          `json:"title"`
	Description   string          `json:"description"`
	Type          string          `json:"type"`
	Format        string          `json:"format"`
	Delimiter     *string         `json:"delimiter"`
	ItemType      string          `json:"itemType"`
	TrueValues    *[]string       `json:"trueValues"`
	FalseValues   *[]string       `json:"falseValues"`
	MissingValues *[]string       `json:"missingValues"`
	Constraints   jsonConstraints `json:"constraints"`
}

type jsonConstraints struct {
	Required         bool              `json:"required"`
	Unique           bool              `json:"unique"`
	Enum             []json.RawMessage `json:"enum"`
	Pattern          *string           `json:"pattern"`
	Minimum          json.RawMessage   `json:"minimum"`
	Maximum          json.RawMessage   `json:"maximum"`
	ExclusiveMinimum json.RawMessage   `json:"exclusiveMinimum"`
	ExclusiveMaximum json.RawMessage   `json:"exclusiveMaximum"`
	MinLength        *int              `json:"minLength"`
	MaxLength        *int              `json:"maxLength"`
}

// knownTypes are the field types of Table Schema v2.
var knownTypes = map[string]bool{
	"string": true, "integer": true, "number": true, "boolean": true,
	"date": true, "time": true, "datetime": true, "year": true, "yearmonth": true,
	"list": true, "any": true, "object": true, "array": true,
	"duration": true, "geopoint": true, "geojson": true,
}

const typeList = "string, integer, number, boolean, date, time, datetime, year, yearmonth, list, any, object, array, duration, geopoint, geojson"

// maxDescriptor is the largest descriptor Open reads.
const maxDescriptor = 64 << 20

// Open reads and checks the descriptor of the package in dir, without
// reading its resources. A descriptor that breaks the rules gives
// Problems; a missing or unreadable one gives the *fs.PathError, and so
// does one that is not a regular file inside dir (after symbolic links)
// of at most 64 MiB (see package safefile).
func Open(dir string) (*Package, error) {
	name := filepath.Join(dir, DescriptorName)
	raw, err := safefile.ReadFile(dir, DescriptorName, maxDescriptor)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	p, ps := parseDescriptor(dir, name, raw)
	if len(ps) > 0 {
		return p, ps
	}
	return p, nil
}

// Raw returns the bytes of the descriptor as read.
func (p *Package) Raw() []byte { return p.raw }

// Resource returns the resource called name, or nil.
func (p *Package) Resource(name string) *Resource {
	for _, r := range p.Resources {
		if r.Name == name {
			return r
		}
	}
	return nil
}

func jsonProblem(file string, raw []byte, err error) *Problem {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		// Offset is just past the offending byte.
		l, c := lineCol(raw, max(int(se.Offset)-1, 0))
		return &Problem{Path: file, Line: l, Column: c, Err: fmt.Errorf("%w: %v", ErrDescriptor, se)}
	case errors.As(err, &te):
		l, c := lineCol(raw, max(int(te.Offset)-1, 0))
		where := te.Field
		if where == "" {
			where = "value"
		}
		return &Problem{Path: file, Line: l, Column: c, Err: fmt.Errorf("%w: %s: JSON %s, want %s", ErrDescriptor, where, te.Value, jsonKind(te.Type))}
	}
	return &Problem{Path: file, Err: fmt.Errorf("%w: %v", ErrDescriptor, err)}
}

// jsonKind names the JSON kind that decodes into t.
func jsonKind(t reflect.Type) string {
	if t == nil {
		return "another value"
	}
	switch t.Kind() {
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "a boolean"
	case reflect.Int, reflect.Int64, reflect.Float64, reflect.Int32, reflect.Uint, reflect.Uint64, reflect.Float32:
		return "a number"
	case reflect.Pointer:
		return jsonKind(t.Elem())
	}
	return "another value"
}

func parseDescriptor(dir, file string, raw []byte) (*Package, Problems) {
	p := &Package{Dir: dir, Descriptor: file, raw: raw}
	var ps Problems
	bad := func(format string, args ...any) {
		ps = append(ps, &Problem{Path: file, Err: fmt.Errorf("%w: "+format, append([]any{ErrDescriptor}, args...)...)})
	}
	var top json.RawMessage
	if err := json.Unmarshal(raw, &top); err != nil {
		return p, Problems{jsonProblem(file, raw, err)}
	}
	if t := bytes.TrimSpace(top); len(t) == 0 || t[0] != '{' {
		bad("top level is not a JSON object")
		return p, ps
	}
	var jp jsonPackage
	if err := json.Unmarshal(raw, &jp); err != nil {
		return p, Problems{jsonProblem(file, raw, err)}
	}
	p.Name, p.Version, p.Title = jp.Name, jp.Version, jp.Title
	if len(jp.Resources) == 0 {
		bad("resources: want at least one resource")
	}
	seen := map[string]bool{}
	for i, jr := range jp.Resources {
		p.Resources = append(p.Resources, parseResource(dir, i, jr, seen, bad))
	}
	keepProperties(p, raw)
	checkForeignKeys(p, bad)
	return p, ps
}

// keepProperties keeps every property of the descriptor and of its
// resources, for Property. raw has been parsed as a package already.
func keepProperties(p *Package, raw []byte) {
	var all struct {
		Resources []map[string]json.RawMessage `json:"resources"`
	}
	if json.Unmarshal(raw, &p.props) != nil || json.Unmarshal(raw, &all) != nil {
		return
	}
	for i, r := range p.Resources {
		if i < len(all.Resources) {
			r.props = all.Resources[i]
		}
	}
}

// Property decodes the property name of the descriptor (a custom one such
// as "nexus:synthetic", or a standard one this package does not keep,
// such as "description") into v, and reports whether the descriptor has
// it.
func (p *Package) Property(name string, v any) (bool, error) { return property(p.props, name, v) }

// Property decodes the property name of the resource (a custom one such
// as "nexus:respondentData") into v, and reports whether the resource has
// it.
func (r *Resource) Property(name string, v any) (bool, error) { return property(r.props, name, v) }

func property(props map[string]json.RawMessage, name string, v any) (bool, error) {
	raw, ok := props[name]
	if !ok {
		return false, nil
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return true, fmt.Errorf("property %q: %w", name, err)
	}
	return true, nil
}

// parseResource checks the i-th resource of a descriptor and compiles its
// schema, reporting each problem through bad. seen holds the names of
// the resources before it.
func parseResource(dir string, i int, jr jsonResource, seen map[string]bool, bad func(string, ...any)) *Resource {
	at := fmt.Sprintf("resources[%d]", i)
	r := &Resource{Name: jr.Name, Hash: jr.Hash, Format: jr.Format, Encoding: jr.Encoding, dir: dir, delimiter: ',', index: i}
	if r.Name == "" {
		bad("%s: name is missing", at)
		r.Name = at
	} else {
		at = fmt.Sprintf("resources[%d] (%s)", i, r.Name)
	}
	if seen[r.Name] {
		bad("%s: name %q is used twice", at, r.Name)
	}
	seen[r.Name] = true
	resourcePath(r, jr, at, bad)
	if r.Hash != "" {
		if _, _, err := splitHash(r.Hash); err != nil {
			bad("%s: hash %q: %v", at, r.Hash, err)
		}
	}
	switch strings.ToLower(r.Encoding) {
	case "", "utf-8", "utf8", "us-ascii", "ascii":
	default:
		bad("%s: encoding %q: %v, want utf-8", at, r.Encoding, ErrUnsupported)
	}
	switch strings.ToLower(r.Format) {
	case "", "csv":
	default:
		bad("%s: format %q: %v, want csv", at, r.Format, ErrUnsupported)
	}
	if jr.Dialect != nil {
		if d := jr.Dialect.Delimiter; d != nil {
			if len(*d) != 1 || (*d)[0] == '"' || (*d)[0] == '\n' || (*d)[0] == '\r' || (*d)[0] >= 0x80 {
				bad("%s: dialect.delimiter %q: want one ASCII character", at, *d)
			} else {
				r.delimiter = (*d)[0]
			}
		}
		if h := jr.Dialect.Header; h != nil && !*h {
			bad("%s: dialect.header false: %v, want a header row", at, ErrUnsupported)
		}
		if q := jr.Dialect.QuoteChar; q != nil && *q != `"` {
			bad("%s: dialect.quoteChar %q: %v, want '\"' (RFC 4180)", at, *q, ErrUnsupported)
		}
		if dq := jr.Dialect.DoubleQuote; dq != nil && !*dq {
			bad("%s: dialect.doubleQuote false: %v, want quotes doubled (RFC 4180)", at, ErrUnsupported)
		}
	}
	r.Schema = resourceSchema(jr.Schema, at, bad)
	return r
}

// resourcePath sets the path of r, and its file in the package
// directory, from the one relative path a resource must give.
func resourcePath(r *Resource, jr jsonResource, at string, bad func(string, ...any)) {
	if len(jr.Path) == 0 {
		if len(jr.Data) > 0 {
			bad("%s: %v: inline data, want a path to a CSV file", at, ErrUnsupported)
		} else {
			bad("%s: path is missing", at)
		}
	} else if err := json.Unmarshal(jr.Path, &r.Path); err != nil {
		bad("%s: path: %v: a list of paths, want one path", at, ErrUnsupported)
	} else if msg := checkPath(r.Path); msg != "" {
		bad("%s: path %q: %s", at, r.Path, msg)
		r.Path = ""
	}
	if r.Path != "" {
		r.file = filepath.Join(r.dir, filepath.FromSlash(r.Path))
	}
}

// resourceSchema compiles the inline schema of a resource; a schema that
// is missing, given by reference or not an object gives an empty one.
func resourceSchema(raw json.RawMessage, at string, bad func(string, ...any)) *Schema {
	if len(raw) == 0 {
		bad("%s: schema is missing", at)
		return &Schema{}
	}
	if raw[0] == '"' {
		bad("%s: schema: %v: a schema by reference, want it inline", at, ErrUnsupported)
		return &Schema{}
	}
	var js jsonSchema
	if err := json.Unmarshal(raw, &js); err != nil {
		bad("%s: schema: %v", at, err)
		return &Schema{}
	}
	return compileSchema(js, at, bad)
}

// checkForeignKeys checks, once every resource is known, that each
// foreign key names a resource of p and fields of that resource.
func checkForeignKeys(p *Package, bad func(string, ...any)) {
	for _, r := range p.Resources {
		for k, fk := range r.Schema.ForeignKeys {
			at := fmt.Sprintf("resources[%d] (%s): schema.foreignKeys[%d]", r.index, r.Name, k)
			ref := r
			if fk.Resource != "" {
				ref = p.Resource(fk.Resource)
				if ref == nil {
					bad("%s: reference.resource %q: no such resource", at, fk.Resource)
					continue
				}
			}
			for _, f := range fk.Reference {
				if ref.Schema.FieldIndex(f) < 0 {
					bad("%s: reference.fields: %q is not a field of %s", at, f, ref.Name)
				}
			}
		}
	}
}

func checkPath(p string) string {
	switch {
	case p == "":
		return "empty path"
	case strings.Contains(p, "://"):
		return ErrUnsupported.Error() + ": a remote path, want a file in the package"
	case strings.HasPrefix(p, "/") || filepath.IsAbs(p) || strings.Contains(p, "\\"):
		return "an absolute path, want one relative to the package"
	}
	for _, part := range strings.Split(path.Clean(p), "/") {
		if part == ".." {
			return "a path that leaves the package, want one inside it"
		}
	}
	return ""
}
