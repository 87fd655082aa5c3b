package alliance

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/graph/encoding/csv"
	"github.com/nexus-toolkit/nexus/analysis/graph/encoding/dot"
	"github.com/nexus-toolkit/nexus/analysis/graph/encoding/gexf"
	"github.com/nexus-toolkit/nexus/analysis/graph/encoding/graphml"
	"github.com/nexus-toolkit/nexus/analysis/graph/encoding/pajek"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGolden pins the exact bytes of every export format for the fixture
// network; run with -update after an intended change.
func TestGolden(t *testing.T) {
	for _, directed := range []bool{false, true} {
		d := NewDoc(fixture(t, directed))
		kind := map[bool]string{false: "undirected", true: "directed"}[directed]
		files := map[string]func(*bytes.Buffer) error{
			kind + ".graphml":   func(b *bytes.Buffer) error { return graphml.Write(b, d) },
			kind + ".gexf":      func(b *bytes.Buffer) error { return gexf.Write(b, d) },
			kind + ".dot":       func(b *bytes.Buffer) error { return dot.Write(b, d) },
			kind + ".net":       func(b *bytes.Buffer) error { return pajek.Write(b, d) },
			kind + "-nodes.csv": func(b *bytes.Buffer) error { return csv.WriteNodes(b, d) },
			kind + "-edges.csv": func(b *bytes.Buffer) error { return csv.WriteLinks(b, d) },
		}
		for name, write := range files {
			var b bytes.Buffer
			if err := write(&b); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", name+".golden")
			if *update {
				if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./analysis/alliance -update)", err)
			}
			if !bytes.Equal(b.Bytes(), want) {
				t.Errorf("%s differs from %s:\n%s", name, path, b.String())
			}
		}
	}
}
