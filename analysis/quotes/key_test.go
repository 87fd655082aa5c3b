package quotes

import (
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/datapkg"
	"github.com/nexus-toolkit/nexus/analysis/table"
)

// A resource keyed by two fields (an edge list listing each tie from both
// sides) is looked up by its values joined with table.KeySep; rows whose
// joined keys clash are refused with both lines, not matched at random.
func TestLookupCompositeKey(t *testing.T) {
	p, err := datapkg.Read("testdata/composite")
	if err != nil {
		t.Fatal(err)
	}
	ix := NewIndex(p, nil)
	for key, line := range map[string]int{table.Key("151", "153"): 2, table.Key("153", "151"): 3} {
		e, err := ix.Lookup(table.Ref{Resource: "ties", Key: key})
		if err != nil || e.Line != line || !strings.HasSuffix(e.File, "ties.csv") {
			t.Errorf("ties/%s: %+v, %v; want line %d of ties.csv", key, e, err, line)
		}
	}
	if _, err := ix.Lookup(table.Ref{Resource: "ties", Key: "151"}); err == nil || !strings.Contains(err.Error(), `no row with key "151"`) {
		t.Errorf("half a key: %v, want no row", err)
	}
	_, err = ix.Lookup(table.Ref{Resource: "clash", Key: "a,b,c"})
	if err == nil || !strings.Contains(err.Error(), "lines 2 and 3 of clash.csv") {
		t.Errorf("clashing keys: %v, want both lines named", err)
	}
}
