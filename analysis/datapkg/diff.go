package datapkg

import (
	"fmt"
	"strings"
)

// ChangeKind is the kind of a Change.
type ChangeKind int

// The kinds of change between two versions of a package.
const (
	PropertyChanged ChangeKind = iota // name, version or title
	ResourceAdded
	ResourceRemoved
	FieldAdded
	FieldRemoved
	FieldChanged // type changed
	RowAdded
	RowRemoved
	RowChanged // one field of a row changed
)

// Change is one difference between two versions of a package.
type Change struct {
	Kind     ChangeKind
	Resource string
	Field    string // the field (or package property) concerned, if any
	Key      string // the row's primary key, comma-separated; the whole row when there is none
	Old, New string // the values before and after, for changed properties, fields and rows
	// Fields are the non-empty fields of an added or removed row, in its
	// schema's order.
	Fields []FieldValue
}

// FieldValue is one field of a row and its value as text.
type FieldValue struct{ Name, Value string }

// rowFields returns the non-empty fields of row r of t.
func rowFields(t *Table, s *Schema, r int) []FieldValue {
	var fv []FieldValue
	for i, f := range s.Fields {
		if v := t.Text(r, i); v != "" {
			fv = append(fv, FieldValue{f.Name, v})
		}
	}
	return fv
}

// fieldsText prints fields as `: name="value", ...`, or nothing.
func fieldsText(fv []FieldValue) string {
	if len(fv) == 0 {
		return ""
	}
	parts := make([]string, len(fv))
	for i, f := range fv {
		parts[i] = fmt.Sprintf("%s=%q", f.Name, f.Value)
	}
	return ": " + strings.Join(parts, ", ")
}

// String prints the change on one line:
//
//	~ version: "1.0.0" -> "1.1.0"
//	+ resource events
//	- field relations.weight
//	~ field relations.page: type "integer" -> "string"
//	+ row relations[r107]: id="r107", source="ttp", target="aq", ...
//	~ row relations[r005]: field "tie_type": "alliance" -> "pledge"
func (c Change) String() string {
	switch c.Kind {
	case PropertyChanged:
		return fmt.Sprintf("~ %s: %q -> %q", c.Field, c.Old, c.New)
	case ResourceAdded:
		return "+ resource " + c.Resource
	case ResourceRemoved:
		return "- resource " + c.Resource
	case FieldAdded:
		return "+ field " + c.Resource + "." + c.Field
	case FieldRemoved:
		return "- field " + c.Resource + "." + c.Field
	case FieldChanged:
		return fmt.Sprintf("~ field %s.%s: type %q -> %q", c.Resource, c.Field, c.Old, c.New)
	case RowAdded:
		return fmt.Sprintf("+ row %s[%s]%s", c.Resource, c.Key, fieldsText(c.Fields))
	case RowRemoved:
		return fmt.Sprintf("- row %s[%s]%s", c.Resource, c.Key, fieldsText(c.Fields))
	case RowChanged:
		return fmt.Sprintf("~ row %s[%s]: field %q: %q -> %q", c.Resource, c.Key, c.Field, c.Old, c.New)
	}
	return fmt.Sprintf("change %d", int(c.Kind))
}

// Diff lists the changes from old to new, two packages that have been
// read (see Read). The order is deterministic: package properties; then
// removed resources in old order; then, for each resource of new in its
// order, added resource, removed and added fields, changed field types,
// and rows matched by primary key: removed and changed rows in old order,
// then added rows in new order. A resource without a primary key is
// matched on whole rows, so a change shows as a removal and an addition.
// Cells are compared as text.
func Diff(old, new *Package) []Change {
	var cs []Change
	for _, p := range []struct{ name, a, b string }{
		{"name", old.Name, new.Name}, {"version", old.Version, new.Version}, {"title", old.Title, new.Title},
	} {
		if p.a != p.b {
			cs = append(cs, Change{Kind: PropertyChanged, Field: p.name, Old: p.a, New: p.b})
		}
	}
	for _, r := range old.Resources {
		if new.Resource(r.Name) == nil {
			cs = append(cs, Change{Kind: ResourceRemoved, Resource: r.Name})
		}
	}
	for _, nr := range new.Resources {
		or := old.Resource(nr.Name)
		if or == nil {
			cs = append(cs, Change{Kind: ResourceAdded, Resource: nr.Name})
			continue
		}
		cs = append(cs, diffResource(or, nr)...)
	}
	return cs
}

// fieldPair is a field that both versions of a resource have: its index
// in the old schema and in the new one.
type fieldPair struct{ o, n int }

// diffResource lists the changes between two versions of a resource: its
// fields, then, when both tables are read, its rows.
func diffResource(or, nr *Resource) []Change {
	cs, common := diffFields(nr.Name, or.Schema, nr.Schema)
	if or.Table == nil || nr.Table == nil {
		return cs
	}
	okey, nkey := rowKeys(or, nr, common)
	return diffRows(cs, nr.Name, or, nr, common, okey, nkey)
}

// diffFields lists the fields removed, added and changed in type between
// two schemas, and returns the fields both have, in the new order.
func diffFields(name string, os, ns *Schema) ([]Change, []fieldPair) {
	var cs []Change
	for _, f := range os.Fields {
		if ns.FieldIndex(f.Name) < 0 {
			cs = append(cs, Change{Kind: FieldRemoved, Resource: name, Field: f.Name})
		}
	}
	var common []fieldPair
	for i, f := range ns.Fields {
		j := os.FieldIndex(f.Name)
		if j < 0 {
			cs = append(cs, Change{Kind: FieldAdded, Resource: name, Field: f.Name})
			continue
		}
		if of := os.Fields[j]; of.Type != f.Type {
			cs = append(cs, Change{Kind: FieldChanged, Resource: name, Field: f.Name, Old: of.Type, New: f.Type})
		}
		common = append(common, fieldPair{j, i})
	}
	return cs, common
}

// rowKeys returns the functions that key a row of the old and of the new
// table: the primary key when both versions declare the same one, else
// the whole row over the fields both versions have.
func rowKeys(or, nr *Resource, common []fieldPair) (okey, nkey func(int) string) {
	os, ns := or.Schema, nr.Schema
	ot, nt := or.Table, nr.Table
	if pk := ns.PrimaryKey; len(pk) > 0 && equalStrings(os.PrimaryKey, pk) {
		return primaryKey(ot, os, pk), primaryKey(nt, ns, pk)
	}
	// Whole rows over the fields both versions have.
	okey = func(row int) string {
		parts := make([]string, len(common))
		for i, c := range common {
			parts[i] = ot.Text(row, c.o)
		}
		return strings.Join(parts, ",")
	}
	nkey = func(row int) string {
		parts := make([]string, len(common))
		for i, c := range common {
			parts[i] = nt.Text(row, c.n)
		}
		return strings.Join(parts, ",")
	}
	return okey, nkey
}

// primaryKey returns the function that keys a row of t by the fields pk
// of s, joined by commas.
func primaryKey(t *Table, s *Schema, pk []string) func(int) string {
	var idx []int
	for _, k := range pk {
		idx = append(idx, s.FieldIndex(k))
	}
	return func(row int) string {
		parts := make([]string, len(idx))
		for i, f := range idx {
			parts[i] = t.Text(row, f)
		}
		return strings.Join(parts, ",")
	}
}

// diffRows appends to cs the rows removed, changed (field by field, in
// the new schema's order) and added between the tables of or and nr,
// matched by their keys; of rows with equal keys only the first counts.
func diffRows(cs []Change, name string, or, nr *Resource, common []fieldPair, okey, nkey func(int) string) []Change {
	ot, nt := or.Table, nr.Table
	os, ns := or.Schema, nr.Schema
	newRows := make(map[string]int, nt.Len())
	for r := range nt.Len() {
		k := nkey(r)
		if _, dup := newRows[k]; !dup {
			newRows[k] = r
		}
	}
	oldKeys := make(map[string]bool, ot.Len())
	for r := range ot.Len() {
		k := okey(r)
		if oldKeys[k] {
			continue
		}
		oldKeys[k] = true
		nr, ok := newRows[k]
		if !ok {
			cs = append(cs, Change{Kind: RowRemoved, Resource: name, Key: k, Fields: rowFields(ot, os, r)})
			continue
		}
		// Changed fields, in the new schema's order.
		for _, c := range common {
			a, b := ot.Text(r, c.o), nt.Text(nr, c.n)
			if a != b {
				cs = append(cs, Change{Kind: RowChanged, Resource: name, Key: k, Field: ns.Fields[c.n].Name, Old: a, New: b})
			}
		}
	}
	added := map[string]bool{}
	for r := range nt.Len() {
		k := nkey(r)
		if !oldKeys[k] && !added[k] {
			added[k] = true
			cs = append(cs, Change{Kind: RowAdded, Resource: name, Key: k, Fields: rowFields(nt, ns, r)})
		}
	}
	return cs
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
