package frictionless

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/datapkg"
	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// predating are the published versions written before every resource
// declared its dialect. They stay as published (a version is never
// edited); without a dialect the JS reader guesses the delimiter and
// fails to read some of their resources.
var predating = []string{
	"datasets/ttp-alliances/v1.0.0",
	"datasets/ttp-alliances/v1.1.0",
	"datasets/examples/synthetic-coding/v1.1.0",
}

// TestJSReadsEveryRow reads every data package under datasets/ with the
// Frictionless JS library and expects, for each resource, as many rows
// as datapkg reads. The published versions that predate declared
// dialects are checked to still lack one, so the list cannot go stale.
func TestJSReadsEveryRow(t *testing.T) {
	node := testenv.LookPath(t, "node", "nodejs")
	if _, err := os.Stat("node_modules/datapackage"); err != nil {
		testenv.Missing(t, "the Frictionless JS library is not installed (npm ci --prefix internal/frictionless)")
	}
	root := "../.."
	descs, _ := filepath.Glob(filepath.Join(root, "datasets", "*", "v*", "datapackage.json"))
	more, _ := filepath.Glob(filepath.Join(root, "datasets", "*", "*", "v*", "datapackage.json"))
	descs = append(descs, more...)
	if len(descs) == 0 {
		t.Fatal("no data package under datasets/")
	}
	for _, desc := range descs {
		dir := filepath.Dir(desc)
		rel, _ := filepath.Rel(root, dir)
		t.Run(rel, func(t *testing.T) {
			p, err := datapkg.Read(dir)
			if err != nil {
				t.Fatal(err)
			}
			raw, err := os.ReadFile(desc)
			if err != nil {
				t.Fatal(err)
			}
			var d struct {
				Resources []struct {
					Name    string          `json:"name"`
					Dialect json.RawMessage `json:"dialect"`
				} `json:"resources"`
			}
			if err := json.Unmarshal(raw, &d); err != nil {
				t.Fatal(err)
			}
			all := true
			for _, r := range d.Resources {
				all = all && len(r.Dialect) > 0
			}
			if slices.Contains(predating, filepath.ToSlash(rel)) {
				if all {
					t.Errorf("%s declares every dialect; remove it from predating", rel)
				}
				return
			}
			if !all {
				t.Fatalf("%s: a resource declares no dialect (Frictionless readers then guess the delimiter)", rel)
			}
			out, err := exec.Command(node, "read.js", dir).Output()
			if err != nil {
				t.Fatalf("read.js: %v\n%s", err, out)
			}
			var rows map[string]any
			if err := json.Unmarshal(out, &rows); err != nil {
				t.Fatalf("read.js printed %q: %v", out, err)
			}
			for _, r := range p.Resources {
				if r.Table == nil {
					t.Fatalf("%s: datapkg read no table", r.Name)
				}
				if got, ok := rows[r.Name].(float64); !ok || int(got) != r.Table.Len() {
					t.Errorf("%s: the JS reader read %v rows, datapkg %d", r.Name, rows[r.Name], r.Table.Len())
				}
			}
		})
	}
}
