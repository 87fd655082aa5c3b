package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/compendium"
)

// TestDatasetDefault: every command that takes -dataset defaults to the
// dataset that the file DATASET at the repository root names.
func TestDatasetDefault(t *testing.T) {
	dir, err := compendium.ReadDatasetFile("../..")
	if err != nil {
		t.Fatal(err)
	}
	want := "(default " + filepath.Join("..", "..", filepath.FromSlash(dir)) + ")"
	for _, cmd := range []string{"build", "manifest", "verify", "render", "claims"} {
		var stdout, stderr bytes.Buffer
		run(&stdout, &stderr, []string{cmd, "-h"})
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("nexus %s -h does not show the default %s:\n%s", cmd, want, stdout.String())
		}
	}
}
