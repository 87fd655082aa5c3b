package build

import (
	"bytes"
	"strings"
	"testing"
)

// TestManifestRefusesForgedLines: a dataset version with a newline (which
// validation refuses too, issue 19 item 9) or a path with one cannot
// forge a line of the MANIFEST.
func TestManifestRefusesForgedLines(t *testing.T) {
	good := Manifest{Dataset: "d", Version: "1.0.0", DatasetHash: "sha256:00", GoVersion: "go1.26", Entries: []Entry{{Path: "a.csv", Sum: strings.Repeat("0", 64)}}}
	for name, edit := range map[string]func(m *Manifest){
		"version": func(m *Manifest) { m.Version = "1.0.0\n# dataset: forged 9.9.9 sha256:11" },
		"space":   func(m *Manifest) { m.Dataset = "a b" },
		"empty":   func(m *Manifest) { m.DatasetHash = "" },
		"go":      func(m *Manifest) { m.GoVersion = "go1.26\nx" },
		"path": func(m *Manifest) {
			m.Entries = []Entry{{Path: "a\n" + strings.Repeat("1", 64) + "  b", Sum: strings.Repeat("0", 64)}}
		},
	} {
		m := good
		edit(&m)
		var b bytes.Buffer
		if _, err := m.WriteTo(&b); err == nil || b.Len() != 0 {
			t.Errorf("%s: WriteTo wrote %q, err %v; want an error and nothing written", name, b.String(), err)
		}
	}
	var b bytes.Buffer
	if _, err := good.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	m, err := ParseManifest(&b)
	if err != nil || m.Version != "1.0.0" || len(m.Entries) != 1 {
		t.Errorf("round trip: %+v, %v", m, err)
	}
}
