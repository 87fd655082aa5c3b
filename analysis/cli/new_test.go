package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// nexus new refuses a bad call (exit 2) and a directory that holds
// anything (exit 1, naming what it holds); a development build without
// -toolkit says what to give.
func TestNewRefusals(t *testing.T) {
	if code, _, errs := nexus("new"); code != 2 || !strings.Contains(errs, "nexus: new: expected one directory, got 0 arguments") {
		t.Errorf("nexus new: exit %d, %q", code, errs)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "notes.md"), nil, 0o644)
	code, _, errs := nexus("new", "-toolkit", "../..", dir)
	if code != 1 || !strings.HasPrefix(errs, "nexus: "+dir+": directory is not empty: it holds notes.md;") {
		t.Errorf("nexus new into a directory with a file: exit %d, %q", code, errs)
	}
	if code, _, errs := nexus("new", filepath.Join(t.TempDir(), "fresh")); code != 1 || !strings.Contains(errs, "give a local checkout with -toolkit PATH") {
		t.Errorf("nexus new without a toolkit: exit %d, %q", code, errs)
	}
}
