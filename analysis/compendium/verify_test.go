package compendium_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/nexus-toolkit/nexus/analysis/build"
	"github.com/nexus-toolkit/nexus/analysis/compendium"
	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// TestVerifyEverythingAndItsWords: Verify with no notebooks given checks
// every notebook too (so the committed rendered notebooks are not "extra"),
// a file the build makes that the tree lacks is "missing", a stray file
// the build does not make is "extra", and a MANIFEST whose Go line names
// another release is reported as environment, in one sentence, and is no
// difference.
func TestVerifyEverythingAndItsWords(t *testing.T) {
	testenv.Short(t, "builds every output and runs every notebook afresh")
	root := repoRoot(t)
	t.Chdir(root)
	committed := filepath.Join(t.TempDir(), "figures")
	require.NoError(t, os.CopyFS(committed, os.DirFS(filepath.Join(root, "figures"))))
	require.NoError(t, os.Remove(filepath.Join(committed, "tbl-timeline.md")))
	require.NoError(t, os.WriteFile(filepath.Join(committed, "stray.txt"), []byte("x"), 0o644))

	// Another Go release built the committed outputs: information, not a
	// difference, since every output is byte-identical.
	mf := filepath.Join(committed, build.ManifestName)
	b, err := os.ReadFile(mf)
	require.NoError(t, err)
	goLine := regexp.MustCompile(`(?m)^# go: (.*)$`)
	m := goLine.FindSubmatch(b)
	require.NotNil(t, m, "the MANIFEST has no go line")
	require.NoError(t, os.WriteFile(mf, goLine.ReplaceAll(b, []byte("# go: go1.26.999")), 0o644))

	dataset := strings.TrimPrefix(datasetOf(t, root), root+string(filepath.Separator))
	rep, err := compendium.Verify(context.Background(), dataset, committed, nil)
	require.NoError(t, err)
	require.Len(t, rep.Environment, 1)
	require.Equal(t, "built with go1.26.999, verified with "+string(m[1]), rep.Environment[0].String())
	require.Equal(t, []build.Difference{
		{Path: "stray.txt", Status: build.Extra},
		{Path: "tbl-timeline.md", Status: build.Missing},
	}, rep.Differences)
}

// datasetOf returns the dataset directory the committed MANIFEST was built
// from, as its "dataset" line names it.
func datasetOf(t *testing.T, root string) string {
	t.Helper()
	f, err := os.Open(filepath.Join(root, "figures", build.ManifestName))
	require.NoError(t, err)
	defer f.Close()
	m, err := build.ParseManifest(f)
	require.NoError(t, err)
	dirs, _ := fs.Glob(os.DirFS(root), "datasets/"+m.Dataset+"/v"+m.Version)
	require.Len(t, dirs, 1, "the MANIFEST's dataset %s %s is not under datasets/", m.Dataset, m.Version)
	return filepath.Join(root, dirs[0])
}
