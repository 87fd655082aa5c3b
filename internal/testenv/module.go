package testenv

import (
	"os"
	"path/filepath"
	"testing"
)

// CopyModule writes the repository's go.mod and go.sum into dir, so that
// dir is a module like the repository's, with its requirements, in which
// a test can build or render without touching the repository.
func CopyModule(t testing.TB, dir string) {
	t.Helper()
	root, err := repoRoot()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"go.mod", "go.sum"} {
		b, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
