package datapkg

import (
	"encoding/json"
	"fmt"
	"slices"
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
	// SchemaChanged is a changed property of the package, of a resource
	// or of a field other than those above: a constraint (pattern, enum,
	// minimum, maximum, required, unique, ...), the primary and foreign
	// keys, the path, the format, a custom property such as
	// "nexus:respondentData".
	SchemaChanged
)

// Change is one difference between two versions of a package.
type Change struct {
	Kind     ChangeKind
	Resource string
	Field    string // the field (or package property) concerned, if any
	// Key is the row's primary key, or the whole row when there is none,
	// as KeyText prints it: values joined by commas, each quoted unless
	// plain, so that no two keys print alike.
	Key string
	// KeyValues are the values of the key, one per key field.
	KeyValues []string
	// Property is the changed property of a SchemaChanged change, as a
	// path below the package, resource or field: "constraints.pattern",
	// "path", "schema.primaryKey".
	Property string
	Old, New string // the values before and after, for changed properties, fields and rows; JSON text for SchemaChanged ("" when absent)
	// Fields are the non-empty fields of an added or removed row, in its
	// schema's order.
	Fields []FieldValue
	// Copies and Of count identical rows of a resource matched on whole
	// rows (no primary key): Copies of the Of identical rows in the
	// version that has more were removed or added. Both are 1 for a row
	// matched by primary key.
	Copies, Of int
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
//	- row notes["a b",2] (1 of 2 identical rows): text="a b", n="2"
//	~ field relations.url: constraints.pattern: "^https://" -> absent
//	~ resource relations: schema.primaryKey: ["id"] -> ["id","page"]
//	~ resource notes: schema.fields: ["text","n"] -> ["n","text"]
func (c Change) String() string {
	// Names print as keys do (KeyText), so a newline in a resource or
	// field name cannot forge a line either.
	res, field := KeyText(c.Resource), KeyText(c.Field)
	switch c.Kind {
	case PropertyChanged:
		return fmt.Sprintf("~ %s: %q -> %q", c.Field, c.Old, c.New)
	case ResourceAdded:
		return "+ resource " + res
	case ResourceRemoved:
		return "- resource " + res
	case FieldAdded:
		return "+ field " + res + "." + field
	case FieldRemoved:
		return "- field " + res + "." + field
	case FieldChanged:
		return fmt.Sprintf("~ field %s.%s: type %q -> %q", res, field, c.Old, c.New)
	case RowAdded:
		return fmt.Sprintf("+ row %s[%s]%s%s", res, c.Key, c.copies(), fieldsText(c.Fields))
	case RowRemoved:
		return fmt.Sprintf("- row %s[%s]%s%s", res, c.Key, c.copies(), fieldsText(c.Fields))
	case RowChanged:
		return fmt.Sprintf("~ row %s[%s]: field %q: %q -> %q", res, c.Key, c.Field, c.Old, c.New)
	case SchemaChanged:
		return c.schemaString()
	}
	return fmt.Sprintf("change %d", int(c.Kind))
}

// copies prints " (N of M identical rows)" for rows with identical
// copies, or nothing.
func (c Change) copies() string {
	if c.Of <= 1 {
		return ""
	}
	return fmt.Sprintf(" (%d of %d identical rows)", c.Copies, c.Of)
}

// Diff lists the changes from old to new, two packages that have been
// read (see Read). The order is deterministic: package properties (name,
// version, title, then every other property by name); then removed
// resources in old order; then, for each resource of new in its order,
// added resource, changed resource properties by name, removed and added
// fields, changed field types and field properties (constraints and the
// rest, by name), and rows matched by primary key, compared as tuples:
// removed and changed rows in old order, then added rows in new order. A
// resource without a primary key (or whose key changed) is matched on
// whole rows, so a change shows as a removal and an addition, and
// identical rows are counted: removing one of two is reported. Cells are
// compared as text.
func Diff(old, new *Package) []Change {
	var cs []Change
	for _, p := range []struct{ name, a, b string }{
		{"name", old.Name, new.Name}, {"version", old.Version, new.Version}, {"title", old.Title, new.Title},
	} {
		if p.a != p.b {
			cs = append(cs, Change{Kind: PropertyChanged, Field: p.name, Old: p.a, New: p.b})
		}
	}
	od, nd := rawDescriptor(old), rawDescriptor(new)
	cs = append(cs, diffProps("", "", od.props, nd.props)...)
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
		cs = append(cs, diffProps(nr.Name, "", od.resources[nr.Name].props, nd.resources[nr.Name].props)...)
		cs = append(cs, diffResource(or, nr, od.resources[nr.Name], nd.resources[nr.Name])...)
	}
	return cs
}

// fieldPair is a field that both versions of a resource have: its index
// in the old schema and in the new one.
type fieldPair struct{ o, n int }

// diffResource lists the changes between two versions of a resource: its
// fields, then, when both tables are read, its rows. or and nr are the
// raw descriptors of the two versions, for the fields' properties.
func diffResource(or, nr *Resource, ord, nrd rawResource) []Change {
	cs, common := diffFields(nr.Name, or.Schema, nr.Schema, ord, nrd)
	if or.Table == nil || nr.Table == nil {
		return cs
	}
	okey, nkey, whole := rowKeys(or, nr, common)
	return diffRows(cs, nr.Name, or, nr, common, rowMatch{okey, nkey, whole})
}

// diffFields lists the fields removed, added and changed (in type, then
// in their other properties) between two schemas, and returns the fields
// both have, in the new order.
func diffFields(name string, os, ns *Schema, ord, nrd rawResource) ([]Change, []fieldPair) {
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
		cs = append(cs, diffProps(name, f.Name, ord.fields[f.Name], nrd.fields[f.Name])...)
		common = append(common, fieldPair{j, i})
	}
	if !slices.IsSortedFunc(common, func(a, b fieldPair) int { return a.o - b.o }) {
		cs = append(cs, Change{Kind: SchemaChanged, Resource: name, Property: "schema.fields", Old: fieldNames(os), New: fieldNames(ns)})
	}
	return cs, common
}

// fieldNames returns the names of the fields of s, in order, as JSON.
func fieldNames(s *Schema) string {
	names := make([]string, len(s.Fields))
	for i, f := range s.Fields {
		names[i] = f.Name
	}
	b, _ := json.Marshal(names)
	return string(b)
}

// rowKeys returns the functions that key a row of the old and of the new
// table: the primary key when both versions declare the same one, else
// the whole row over the fields both versions have (whole is then true).
func rowKeys(or, nr *Resource, common []fieldPair) (okey, nkey func(int) []string, whole bool) {
	os, ns := or.Schema, nr.Schema
	if pk := ns.PrimaryKey; len(pk) > 0 && equalStrings(os.PrimaryKey, pk) {
		return fieldsKey(or.Table, indexes(os, pk)), fieldsKey(nr.Table, indexes(ns, pk)), false
	}
	var oi, ni []int
	for _, c := range common {
		oi, ni = append(oi, c.o), append(ni, c.n)
	}
	return fieldsKey(or.Table, oi), fieldsKey(nr.Table, ni), true
}

// indexes returns the indexes in s of the fields names.
func indexes(s *Schema, names []string) []int {
	idx := make([]int, len(names))
	for i, k := range names {
		idx[i] = s.FieldIndex(k)
	}
	return idx
}

// fieldsKey returns the function that keys a row of t by the fields idx:
// their values, a tuple.
func fieldsKey(t *Table, idx []int) func(int) []string {
	return func(row int) []string {
		parts := make([]string, len(idx))
		for i, f := range idx {
			parts[i] = t.Text(row, f)
		}
		return parts
	}
}

// rowMatch is how the rows of two versions of a table are matched: by
// the keys okey and nkey give, on whole rows when whole is set.
type rowMatch struct {
	okey, nkey func(int) []string
	whole      bool
}

// diffRows appends to cs the rows removed, changed (field by field, in
// the new schema's order) and added between the tables of or and nr,
// matched by their keys, compared as tuples (KeyText is one to one). Of
// rows with equal primary keys only the first counts; rows matched whole
// are counted, so that a removed or added copy of an identical row is
// reported with the number of copies.
func diffRows(cs []Change, name string, or, nr *Resource, common []fieldPair, m rowMatch) []Change {
	ot, nt := or.Table, nr.Table
	os, ns := or.Schema, nr.Schema
	newRows := make(map[string]int, nt.Len())
	newCount := make(map[string]int, nt.Len())
	for r := range nt.Len() {
		k := KeyText(m.nkey(r)...)
		if _, dup := newRows[k]; !dup {
			newRows[k] = r
		}
		newCount[k]++
	}
	oldCount := make(map[string]int, ot.Len())
	for r := range ot.Len() {
		oldCount[KeyText(m.okey(r)...)]++
	}
	seen := make(map[string]bool, ot.Len())
	for r := range ot.Len() {
		kv := m.okey(r)
		k := KeyText(kv...)
		if seen[k] {
			continue
		}
		seen[k] = true
		nr, ok := newRows[k]
		if !ok || m.whole && newCount[k] < oldCount[k] {
			c := Change{Kind: RowRemoved, Resource: name, Key: k, KeyValues: kv, Fields: rowFields(ot, os, r), Copies: 1, Of: 1}
			if m.whole {
				c.Copies, c.Of = oldCount[k]-newCount[k], oldCount[k]
			}
			cs = append(cs, c)
			continue
		}
		// Changed fields, in the new schema's order.
		for _, c := range common {
			a, b := ot.Text(r, c.o), nt.Text(nr, c.n)
			if a != b {
				cs = append(cs, Change{Kind: RowChanged, Resource: name, Key: k, KeyValues: kv, Field: ns.Fields[c.n].Name, Old: a, New: b})
			}
		}
	}
	added := map[string]bool{}
	for r := range nt.Len() {
		kv := m.nkey(r)
		k := KeyText(kv...)
		if added[k] || seen[k] && !(m.whole && newCount[k] > oldCount[k]) {
			continue
		}
		added[k] = true
		c := Change{Kind: RowAdded, Resource: name, Key: k, KeyValues: kv, Fields: rowFields(nt, ns, r), Copies: 1, Of: 1}
		if m.whole {
			c.Copies, c.Of = newCount[k]-oldCount[k], newCount[k]
		}
		cs = append(cs, c)
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
