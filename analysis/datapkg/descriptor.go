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

	"nexus/analysis/safefile"
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
	raw        []byte // the descriptor's bytes
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
		Delimiter *string `json:"delimiter"`
		Header    *bool   `json:"header"`
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
	Name          string    `json:"name"`
	Type          string    `json:"type"`
	Format        string    `json:"format"`
	Delimiter     *string   `json:"delimiter"`
	ItemType      string    `json:"itemType"`
	TrueValues    *[]string `json:"trueValues"`
	FalseValues   *[]string `json:"falseValues"`
	MissingValues *[]string `json:"missingValues"`
	Constraints   struct {
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
	} `json:"constraints"`
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
			r.file = filepath.Join(dir, filepath.FromSlash(r.Path))
		}
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
		}
		if len(jr.Schema) == 0 {
			bad("%s: schema is missing", at)
			r.Schema = &Schema{}
		} else if jr.Schema[0] == '"' {
			bad("%s: schema: %v: a schema by reference, want it inline", at, ErrUnsupported)
			r.Schema = &Schema{}
		} else {
			var js jsonSchema
			if err := json.Unmarshal(jr.Schema, &js); err != nil {
				bad("%s: schema: %v", at, err)
				r.Schema = &Schema{}
			} else {
				r.Schema = compileSchema(js, at, bad)
			}
		}
		p.Resources = append(p.Resources, r)
	}
	// Foreign keys name other resources: check them once all are known.
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
	return p, ps
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

func compileSchema(js jsonSchema, at string, bad func(string, ...any)) *Schema {
	s := &Schema{MissingValues: []string{""}}
	if js.MissingValues != nil {
		s.MissingValues = *js.MissingValues
	}
	seen := map[string]bool{}
	if len(js.Fields) == 0 {
		bad("%s: schema.fields: want at least one field", at)
	}
	for i, jf := range js.Fields {
		fat := fmt.Sprintf("%s: schema.fields[%d]", at, i)
		if jf.Name != "" {
			fat = fmt.Sprintf("%s (%s)", fat, jf.Name)
		}
		f := compileField(jf, fat, s.MissingValues, bad)
		f.date = f.pattern != nil && (f.Type == "string" || f.Type == "list" && f.ItemType == "string") && isDatePattern(f.Constraints.Pattern)
		if f.Name == "" {
			bad("%s: name is missing", fat)
		} else if seen[f.Name] {
			bad("%s: name %q is used twice", fat, f.Name)
		}
		seen[f.Name] = true
		s.Fields = append(s.Fields, f)
	}
	s.PrimaryKey = js.PrimaryKey
	for _, k := range s.PrimaryKey {
		if !seen[k] {
			bad("%s: schema.primaryKey: %q is not a field", at, k)
		}
	}
	for i, jk := range js.ForeignKeys {
		kat := fmt.Sprintf("%s: schema.foreignKeys[%d]", at, i)
		fk := ForeignKey{Fields: jk.Fields, Reference: jk.Reference.Fields}
		if jk.Reference.Resource != nil {
			fk.Resource = *jk.Reference.Resource
		}
		ok := len(fk.Fields) > 0 && len(fk.Fields) == len(fk.Reference)
		if !ok {
			bad("%s: %d fields refer to %d reference fields, want the same number, at least one", kat, len(fk.Fields), len(fk.Reference))
		}
		for _, f := range fk.Fields {
			if !seen[f] {
				bad("%s: fields: %q is not a field", kat, f)
				ok = false
			}
		}
		if ok {
			s.ForeignKeys = append(s.ForeignKeys, fk)
		}
	}
	return s
}

func compileField(jf jsonField, at string, missing []string, bad func(string, ...any)) *Field {
	f := &Field{Name: jf.Name, Type: jf.Type, Format: jf.Format, ItemType: jf.ItemType, Delimiter: ",", missing: missing}
	if f.Type == "" {
		f.Type = "string"
	}
	if !knownTypes[f.Type] {
		bad("%s: type %q: unknown, want one of %s", at, f.Type, typeList)
		f.Type = "any"
	}
	if jf.MissingValues != nil {
		f.missing = *jf.MissingValues
	}
	if jf.Delimiter != nil {
		f.Delimiter = *jf.Delimiter
		if f.Delimiter == "" {
			bad("%s: delimiter: empty, want a separator", at)
			f.Delimiter = ","
		}
	}
	if f.Type == "list" {
		if f.ItemType == "" {
			f.ItemType = "string"
		}
		switch f.ItemType {
		case "string", "integer", "number", "boolean", "date", "time", "datetime":
		default:
			bad("%s: itemType %q: want string, integer, number, boolean, date, time or datetime", at, f.ItemType)
			f.ItemType = "string"
		}
	}
	f.TrueValues = []string{"true", "True", "TRUE", "1"}
	f.FalseValues = []string{"false", "False", "FALSE", "0"}
	if jf.TrueValues != nil {
		f.TrueValues = *jf.TrueValues
	}
	if jf.FalseValues != nil {
		f.FalseValues = *jf.FalseValues
	}
	var err error
	if f.layout, err = timeLayout(f.Type, f.Format); err != nil {
		bad("%s: format %q: %v", at, f.Format, err)
	}
	if f.Type == "list" {
		f.itemLay, _ = timeLayout(f.ItemType, "")
	}
	jc := jf.Constraints
	c := &f.Constraints
	c.Required, c.Unique = jc.Required, jc.Unique
	c.MinLength, c.MaxLength = jc.MinLength, jc.MaxLength
	if jc.Pattern != nil {
		c.Pattern = *jc.Pattern
		_, err := regexp.Compile(c.Pattern)
		re, aerr := regexp.Compile(`^(?:` + c.Pattern + `)$`)
		if err == nil {
			err = aerr
		}
		if err != nil {
			bad("%s: constraints.pattern %q: %v", at, c.Pattern, err)
		} else {
			f.pattern = re
			f.prog = compileDFA(c.Pattern)
		}
	}
	if jc.Enum != nil {
		f.enum = make(map[string]bool, len(jc.Enum))
		for _, e := range jc.Enum {
			var s string
			if json.Unmarshal(e, &s) != nil {
				s = string(bytes.TrimSpace(e))
			}
			c.Enum = append(c.Enum, s)
			if k, ok := enumKey(f, s); ok {
				f.enum[k] = true
				if len(jc.Enum) <= 16 {
					f.enumList = append(f.enumList, k)
				}
			} else {
				bad("%s: constraints.enum: %q is not a valid %s", at, s, f.Type)
			}
		}
	}
	bounds := []struct {
		raw   json.RawMessage
		dst   *string
		name  string
		isMax bool
		excl  bool
	}{
		{jc.Minimum, &c.Minimum, "minimum", false, false},
		{jc.Maximum, &c.Maximum, "maximum", true, false},
		{jc.ExclusiveMinimum, &c.ExclusiveMinimum, "exclusiveMinimum", false, true},
		{jc.ExclusiveMaximum, &c.ExclusiveMaximum, "exclusiveMaximum", true, true},
	}
	for _, b := range bounds {
		if len(b.raw) == 0 || string(b.raw) == "null" {
			continue
		}
		var s string
		if json.Unmarshal(b.raw, &s) != nil {
			s = string(bytes.TrimSpace(b.raw))
		}
		*b.dst = s
		v, ok := ordinal(f, s)
		if !ok {
			bad("%s: constraints.%s %q: want a %s", at, b.name, s, boundType(f.Type))
			continue
		}
		nb := &bound{v: v, text: s, excl: b.excl}
		if b.isMax {
			if f.max == nil || v < f.max.v || (v == f.max.v && b.excl) {
				f.max = nb
			}
		} else if f.min == nil || v > f.min.v || (v == f.min.v && b.excl) {
			f.min = nb
		}
	}
	return f
}

// bound is a minimum or maximum as an ordinal of the field's type.
type bound struct {
	v    float64
	text string
	excl bool
}

func boundType(t string) string {
	switch t {
	case "integer", "number", "year":
		return "number"
	case "date", "time", "datetime", "yearmonth":
		return t + " string"
	}
	return "field of a type that has an order (" + t + " has none)"
}
