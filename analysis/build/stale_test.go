package build

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestWritersCleanTheirLeftovers: the temporary files a killed atomic
// write of a file left (unlocked, as after SIGKILL) are removed by the next
// write of that file, and those of a killed WriteTree by the next
// WriteTree; a live writer's temporary file and other files stay.
func TestWritersCleanTheirLeftovers(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{".datapackage.json.tmp-123", ".coding.tmp-9/x.csv", ".coding.tmp-8.old/y.csv", ".other.csv.tmp-1", "keep.txt"} {
		p := filepath.Join(dir, filepath.FromSlash(n))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte("x"), 0o644))
	}
	live, err := Create(filepath.Join(dir, "datapackage.json"))
	require.NoError(t, err)
	defer live.Abort()
	require.NoError(t, WriteFile(filepath.Join(dir, "datapackage.json"), []byte("{}")))
	require.NoError(t, WriteTree(filepath.Join(dir, "coding"), map[string][]byte{"a.csv": []byte("a")}))
	names := []string{}
	ents, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range ents {
		names = append(names, e.Name())
	}
	assert.ElementsMatch(t, []string{filepath.Base(live.f.Name()), ".other.csv.tmp-1", "coding", "datapackage.json", "keep.txt"}, names)
}

// TestCleanStaleTree removes the leftovers of killed runs in a directory
// and every visible directory under it.
func TestCleanStaleTree(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{".nexus-tmp-1/a.svg", "notebooks/.nexus-tmp-2/b.md", "notebooks/01/.fig.svg.tmp-3", ".MANIFEST.tmp-4", "notebooks/01/fig.svg", "notebooks/01.md"} {
		p := filepath.Join(dir, filepath.FromSlash(n))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte("x"), 0o644))
	}
	require.NoError(t, CleanStaleTree(dir))
	assert.Equal(t, map[string]string{"./": "", "notebooks/": "", "notebooks/01/": "", "notebooks/01/fig.svg": "x", "notebooks/01.md": "x"}, snapshot(t, dir))
	require.NoError(t, CleanStaleTree(filepath.Join(dir, "none")), "a directory that is not there has nothing to clean")
}
