package study

import (
	"slices"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/datapkg"
)

// TestEnumsMatchSchema: every enumerated field of every version has a Go
// type that declares each of its values; in the newest version every field
// Enums names is enumerated, and every declared value of a type is allowed
// by some field of that type (a type with one field matches it exactly, in
// order).
func TestEnumsMatchSchema(t *testing.T) {
	versions := datasetVersions(t)
	declared := map[string]Enum{}
	fieldsOf := map[string]int{}
	for _, e := range Enums {
		declared[e.Resource+"."+e.Field] = e
		fieldsOf[e.Type]++
	}
	used := map[string]bool{}
	for i, dir := range versions {
		p, err := datapkg.Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		newest := i == len(versions)-1
		seen := map[string]bool{}
		for _, r := range p.Resources {
			for _, f := range r.Schema.Fields {
				if len(f.Constraints.Enum) == 0 {
					continue
				}
				key := r.Name + "." + f.Name
				seen[key] = true
				e, ok := declared[key]
				if !ok {
					// An older version may enumerate what is now data
					// (v1.0.0's Moghadam categories became typology.csv).
					if newest {
						t.Errorf("%s: %s has an enum and no Go type in Enums", dir, key)
					}
					continue
				}
				schema := f.Constraints.Enum
				if newest {
					for _, v := range schema {
						used[e.Type+"="+v] = true
					}
					if fieldsOf[e.Type] == 1 && !slices.Equal(schema, e.Values) {
						t.Errorf("%s: %s: schema %v, %s declares %v", dir, key, schema, e.Type, e.Values)
					}
				}
				for _, v := range schema {
					if !slices.Contains(e.Values, v) {
						t.Errorf("%s: %s: value %q has no constant of %s", dir, key, v, e.Type)
					}
				}
			}
		}
		if newest {
			for key, e := range declared {
				if !seen[key] {
					t.Errorf("%s: Enums declares %s, which the schema does not enumerate", dir, key)
				}
				for _, v := range e.Values {
					if !used[e.Type+"="+v] {
						t.Errorf("%s: %s declares %q, which no field of the schema allows", dir, e.Type, v)
					}
				}
			}
		}
	}
}
