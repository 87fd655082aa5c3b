package export

import (
	"bytes"
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/graph"
)

// Every single-file format writes the generic export form, the same bytes
// twice, and an unknown format is an error that lists the known ones.
func TestWriteFormats(t *testing.T) {
	g, err := graph.Build(nil, []graph.Edge{{ID: "e", Source: "a", Target: "b"}}, graph.BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range Formats {
		var a, b bytes.Buffer
		if err := Write(&a, Generic(g), f); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		Write(&b, Generic(g), f)
		if a.Len() == 0 || a.String() != b.String() || !strings.Contains(a.String(), "a") {
			t.Errorf("%s: empty or not deterministic:\n%s", f, a.String())
		}
	}
	if err := Write(&bytes.Buffer{}, Generic(g), "xml"); err == nil || !strings.Contains(err.Error(), "graphml, gexf, dot or pajek") {
		t.Errorf("unknown format: %v", err)
	}
}
