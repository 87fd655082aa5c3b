package datapkg

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
)

// compileSchema compiles the Table Schema of the resource at (its place
// in the descriptor, for messages): fields, primary key and foreign
// keys, reporting each problem through bad.
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

// compileField compiles one field of a schema: its type and the way its
// values are read, then its pattern, enum and bounds, reporting each
// problem through bad.
func compileField(jf jsonField, at string, missing []string, bad func(string, ...any)) *Field {
	f := &Field{Name: jf.Name, Title: jf.Title, Description: jf.Description, Type: jf.Type, Format: jf.Format, ItemType: jf.ItemType, Delimiter: ",", missing: missing}
	compileType(f, jf, at, bad)
	jc := jf.Constraints
	c := &f.Constraints
	c.Required, c.Unique = jc.Required, jc.Unique
	c.MinLength, c.MaxLength = jc.MinLength, jc.MaxLength
	if jc.Pattern != nil {
		compilePattern(f, *jc.Pattern, at, bad)
	}
	if jc.Enum != nil {
		compileEnum(f, jc.Enum, at, bad)
	}
	compileBounds(f, jc, at, bad)
	return f
}

// compileType sets the type of f (string when none is given), its
// missing values, list delimiter and item type, boolean values and time
// layout.
func compileType(f *Field, jf jsonField, at string, bad func(string, ...any)) {
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
}

// compilePattern compiles the pattern constraint of f, anchored at both
// ends, and its matcher.
func compilePattern(f *Field, pattern, at string, bad func(string, ...any)) {
	c := &f.Constraints
	c.Pattern = pattern
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

// compileEnum records the enum constraint of f, each value as the schema
// gives it and as a key of the field's type.
func compileEnum(f *Field, enum []json.RawMessage, at string, bad func(string, ...any)) {
	c := &f.Constraints
	f.enum = make(map[string]bool, len(enum))
	for _, e := range enum {
		var s string
		if json.Unmarshal(e, &s) != nil {
			s = string(bytes.TrimSpace(e))
		}
		c.Enum = append(c.Enum, s)
		if k, ok := enumKey(f, s); ok {
			f.enum[k] = true
			if len(enum) <= 16 {
				f.enumList = append(f.enumList, k)
			}
		} else {
			bad("%s: constraints.enum: %q is not a valid %s", at, s, f.Type)
		}
	}
}

// compileBounds records the minimum, maximum and exclusive bounds of f,
// keeping the tightest lower and upper bound as ordinals of its type.
func compileBounds(f *Field, jc jsonConstraints, at string, bad func(string, ...any)) {
	c := &f.Constraints
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
