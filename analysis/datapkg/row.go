package datapkg

// Row is one row of a validated table, read by field name: what a study
// layer converts into its typed records. A field the schema lacks, and a
// missing value, read as the zero value (Str, Int, Bool, List) or as not
// valid (NInt).
type Row struct {
	t   *Table
	i   int
	idx map[string]int
}

// Rows returns every row of the resource r's table in file order, or nil
// when r is nil or its file could not be read.
func Rows(r *Resource) []Row {
	if r == nil || r.Table == nil {
		return nil
	}
	idx := make(map[string]int, len(r.Schema.Fields))
	for i, f := range r.Schema.Fields {
		idx[f.Name] = i
	}
	out := make([]Row, r.Table.Len())
	for i := range out {
		out[i] = Row{t: r.Table, i: i, idx: idx}
	}
	return out
}

// Line returns the line of the file on which the row starts.
func (r Row) Line() int { return r.t.Line(r.i) }

// File returns the path of the row's file.
func (r Row) File() string { return r.t.Resource.File() }

func (r Row) field(name string) (int, bool) {
	i, ok := r.idx[name]
	if !ok || r.t.IsMissing(r.i, i) {
		return 0, false
	}
	return i, true
}

// Str returns the text of the field called name.
func (r Row) Str(name string) string {
	if i, ok := r.field(name); ok {
		return r.t.Text(r.i, i)
	}
	return ""
}

// NInt returns the integer value of the field called name, and whether
// it has one.
func (r Row) NInt(name string) (int, bool) {
	if i, ok := r.field(name); ok {
		if v, ok := r.t.Int(r.i, i); ok {
			return int(v), true
		}
	}
	return 0, false
}

// Int returns the integer value of the field called name, 0 when missing.
func (r Row) Int(name string) int {
	v, _ := r.NInt(name)
	return v
}

// Bool returns the boolean value of the field called name, false when
// missing.
func (r Row) Bool(name string) bool {
	if i, ok := r.field(name); ok {
		v, _ := r.t.Bool(r.i, i)
		return v
	}
	return false
}

// List returns the items of the list field called name.
func (r Row) List(name string) []string {
	if i, ok := r.field(name); ok {
		return r.t.List(r.i, i)
	}
	return nil
}
