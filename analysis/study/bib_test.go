package study

import (
	"reflect"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/bib"
)

// TestEntryMatchesBib: the study's references converted with Entry equal
// the entries bib.Load reads from the same package, field for field.
func TestEntryMatchesBib(t *testing.T) {
	for _, dir := range []string{"../../datasets/ttp-alliances/v1.0.0", "../../datasets/ttp-alliances/v1.1.0"} {
		s, err := Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		want, err := bib.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		if len(want) != len(s.References) || len(want) == 0 {
			t.Fatalf("%s: bib has %d entries, study %d references", dir, len(want), len(s.References))
		}
		for i, r := range s.References {
			if got := r.Entry(); !reflect.DeepEqual(got, want[i]) {
				t.Errorf("%s: %s:\nstudy %+v\nbib   %+v", dir, r.Key, got, want[i])
			}
		}
	}
}
