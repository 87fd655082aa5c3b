package datapkg

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// rawProps are the properties of one JSON object of a descriptor, as
// canonical JSON text (object keys sorted, numbers as written), by name;
// nested objects that Diff compares member by member appear as
// "parent.member".
type rawProps map[string]string

// rawResource is a resource of a descriptor as JSON: its own properties
// and those of each of its fields, by field name.
type rawResource struct {
	props  rawProps
	fields map[string]rawProps
}

// rawPackage is a descriptor as JSON, for Diff's comparison of every
// property that the typed Package does not carry.
type rawPackage struct {
	props     rawProps
	resources map[string]rawResource
}

// rawDescriptor reads the descriptor p was read from as JSON. The
// properties Diff reports by their own kinds are left out: the package's
// name, version, title and resources; a resource's name, hash (its data
// changes show row by row) and schema fields; a field's name and type.
// The schema's other members appear as "schema.primaryKey" and so on, a
// field's constraints as "constraints.pattern" and so on.
func rawDescriptor(p *Package) rawPackage {
	out := rawPackage{props: rawProps{}, resources: map[string]rawResource{}}
	var top map[string]json.RawMessage
	if json.Unmarshal(p.Raw(), &top) != nil {
		return out // Read accepted it, so this does not happen
	}
	for k, v := range top {
		switch k {
		case "name", "version", "title", "resources":
		default:
			out.props[k] = canonicalJSON(v)
		}
	}
	var res []map[string]json.RawMessage
	json.Unmarshal(top["resources"], &res)
	for _, r := range res {
		var name string
		json.Unmarshal(r["name"], &name)
		rr := rawResource{props: rawProps{}, fields: map[string]rawProps{}}
		for k, v := range r {
			switch k {
			case "name", "hash":
			case "schema":
				rawSchema(rr, v)
			default:
				rr.props[k] = canonicalJSON(v)
			}
		}
		out.resources[name] = rr
	}
	return out
}

// rawSchema adds the members of a resource's schema v to rr: its fields
// to rr.fields, the rest to rr.props as "schema.NAME". A schema that is
// not an object (a path or URL) is the property "schema".
func rawSchema(rr rawResource, v json.RawMessage) {
	var s map[string]json.RawMessage
	if json.Unmarshal(v, &s) != nil {
		rr.props["schema"] = canonicalJSON(v)
		return
	}
	for k, sv := range s {
		if k != "fields" {
			rr.props["schema."+k] = canonicalJSON(sv)
		}
	}
	var fields []map[string]json.RawMessage
	json.Unmarshal(s["fields"], &fields)
	for _, f := range fields {
		var name string
		json.Unmarshal(f["name"], &name)
		fp := rawProps{}
		for k, fv := range f {
			switch k {
			case "name", "type":
			case "constraints":
				var c map[string]json.RawMessage
				if json.Unmarshal(fv, &c) != nil {
					fp[k] = canonicalJSON(fv)
				}
				for ck, cv := range c {
					fp["constraints."+ck] = canonicalJSON(cv)
				}
			default:
				fp[k] = canonicalJSON(fv)
			}
		}
		rr.fields[name] = fp
	}
}

// canonicalJSON returns v as compact JSON with object keys sorted and
// numbers as written, so that only a change of value, not of layout or
// key order, compares unequal.
func canonicalJSON(v json.RawMessage) string {
	d := json.NewDecoder(bytes.NewReader(v))
	d.UseNumber()
	var x any
	if d.Decode(&x) != nil {
		return string(bytes.TrimSpace(v))
	}
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false)
	if e.Encode(x) != nil {
		return string(bytes.TrimSpace(v))
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// diffProps lists the properties that differ between old and new, by
// name, as SchemaChanged changes of the resource and field given ("" for
// the package, or for the resource itself).
func diffProps(resource, field string, old, new rawProps) []Change {
	var names []string
	for k := range old {
		names = append(names, k)
	}
	for k := range new {
		if _, ok := old[k]; !ok {
			names = append(names, k)
		}
	}
	slices.Sort(names)
	var cs []Change
	for _, k := range names {
		if o, n := old[k], new[k]; o != n {
			cs = append(cs, Change{Kind: SchemaChanged, Resource: resource, Field: field, Property: k, Old: o, New: n})
		}
	}
	return cs
}

// schemaString prints a SchemaChanged change (see Change.String).
func (c Change) schemaString() string {
	value := func(s string) string {
		if s == "" {
			return "absent"
		}
		return TextLine(s)
	}
	var where string
	switch {
	case c.Resource == "" && c.Field == "":
	case c.Field == "":
		where = "resource " + KeyText(c.Resource) + ": "
	default:
		where = "field " + KeyText(c.Resource) + "." + KeyText(c.Field) + ": "
	}
	return fmt.Sprintf("~ %s%s: %s -> %s", where, KeyText(c.Property), value(c.Old), value(c.New))
}
