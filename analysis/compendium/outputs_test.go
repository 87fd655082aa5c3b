package compendium_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/nexus-toolkit/nexus/analysis/build"
	"github.com/nexus-toolkit/nexus/analysis/compendium"
	"github.com/nexus-toolkit/nexus/analysis/notebook"
	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// TestMakeRefusesStrayOutputs runs make in a copy of the repository, then
// adds a file under figures/ and one under a notebook's figure directory,
// and overwrites a table and a rendered notebook: the next make fails at
// the manifest step, naming all four, and leaves the MANIFEST as it was.
func TestMakeRefusesStrayOutputs(t *testing.T) {
	if testing.Short() {
		testenv.Missing(t, "-short was given, and TestMakeRefusesStrayOutputs runs make on a copy of the repository")
	}
	testenv.LookPath(t, "make", "make")
	t.Parallel()
	dir := copyBuilt(t)
	run := func() (string, error) {
		cmd := makeIn(t, dir, nil, "all")
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	out, err := run()
	require.NoError(t, err, "make:\n%s", out)
	figures := filepath.Join(dir, "figures")
	manifest, err := os.ReadFile(filepath.Join(figures, build.ManifestName))
	require.NoError(t, err)
	added := []string{"planted.svg", "notebooks/01-sample-and-method/planted.svg"}
	changed := []string{"tbl-dyads.md", "notebooks/01-sample-and-method.html"}
	for _, f := range added {
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(figures, f)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(figures, f), []byte("<svg/>\n"), 0o644))
	}
	for _, f := range changed {
		p := filepath.Join(figures, f)
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(p, append(b, "forged\n"...), 0o644))
	}
	out, err = run()
	require.Error(t, err, "make accepted files it does not make:\n%s", out)
	for _, f := range added {
		require.Contains(t, out, "figures/"+f+": not an output of the registry or of a notebook's render")
	}
	for _, f := range changed {
		require.Contains(t, out, "figures/"+f+": overwritten")
	}
	after, err := os.ReadFile(filepath.Join(figures, build.ManifestName))
	require.NoError(t, err)
	require.Equal(t, string(manifest), string(after), "the refused make changed the MANIFEST")
}

// TestManifestRecordsUnconfined writes the MANIFEST of a directory that
// holds two rendered notebooks, one of which says it ran unconfined: the
// MANIFEST names that one, and ParseManifest reads it back.
func TestManifestRecordsUnconfined(t *testing.T) {
	out := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(out, "notebooks"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(out, "notebooks", "01-a.md"), []byte("# A\n\n"+notebook.UnconfinedNote+"\n\nText.\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(out, "notebooks", "02-b.md"), []byte("# B\n\nText.\n"), 0o644))
	require.NoError(t, compendium.WriteManifest(datasetOf(t, repoRoot(t)), out))
	b, err := os.ReadFile(filepath.Join(out, build.ManifestName))
	require.NoError(t, err)
	require.Contains(t, string(b), "\n# unconfined: notebooks/01-a.md\n")
	require.NotContains(t, string(b), "# unconfined: notebooks/02-b.md")
	m, err := build.ParseManifest(bytes.NewReader(b))
	require.NoError(t, err)
	require.Equal(t, []string{"notebooks/01-a.md"}, m.Unconfined)
}
