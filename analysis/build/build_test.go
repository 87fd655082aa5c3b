package build

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWriteWithKeepsOldContentOnError(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "out.csv")
	require.NoError(t, WriteFile(name, []byte("committed\n")))
	err := WriteWith(name, func(w io.Writer) error {
		io.WriteString(w, "half a fi")
		return errors.New("boom")
	})
	require.Error(t, err)
	got, err := os.ReadFile(name)
	require.NoError(t, err)
	assert.Equal(t, "committed\n", string(got))
	files, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, files, 1, "the temporary file must be removed")
}

func TestCommitSetsMode(t *testing.T) {
	name := filepath.Join(t.TempDir(), "sub", "x.txt")
	require.NoError(t, WriteFile(name, []byte("x")))
	st, err := os.Stat(name)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o644), st.Mode().Perm())
}

func TestManifestRoundTrip(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, WriteFile(filepath.Join(dir, "b.csv"), []byte("b\n")))
	require.NoError(t, WriteFile(filepath.Join(dir, "a", "z.svg"), []byte("<svg/>")))
	// A leftover of an interrupted write is not an output.
	require.NoError(t, os.WriteFile(filepath.Join(dir, ".b.csv.tmp-123"), []byte("b"), 0o644))
	entries, err := Scan(dir)
	require.NoError(t, err)
	m := &Manifest{Dataset: "d", Version: "1.0.0", DatasetHash: "sha256:00", GoVersion: "go1.26", Entries: entries}
	var buf bytes.Buffer
	_, err = m.WriteTo(&buf)
	require.NoError(t, err)
	// sha256("<svg/>") and sha256("b\n"), as printed by coreutils sha256sum.
	want := "# nexus build manifest: sha256 and path of every output, sorted by path\n" +
		"# dataset: d 1.0.0 sha256:00\n" +
		"# go: go1.26\n" +
		"d4dc56669143034f31aa309635d4113d9ad76a02b1739da22c965ed2049be9e6  a/z.svg\n" +
		"0263829989b6fd954f72baaf2fc64bc2e2f01d692d4de72986ea808f6e99813f  b.csv\n"
	assert.Equal(t, want, buf.String())
	back, err := ParseManifest(&buf)
	require.NoError(t, err)
	assert.Equal(t, m.Dataset, back.Dataset)
	assert.Equal(t, m.DatasetHash, back.DatasetHash)
	assert.Equal(t, entries, back.Entries)
}

func TestCompare(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	require.NoError(t, WriteFile(filepath.Join(a, "same.txt"), []byte("1")))
	require.NoError(t, WriteFile(filepath.Join(b, "same.txt"), []byte("1")))
	require.NoError(t, WriteFile(filepath.Join(a, "changed.txt"), []byte("1")))
	require.NoError(t, WriteFile(filepath.Join(b, "changed.txt"), []byte("2")))
	// a is the committed tree, b the fresh build.
	require.NoError(t, WriteFile(filepath.Join(a, "stray.txt"), []byte("1")))
	require.NoError(t, WriteFile(filepath.Join(b, "new.txt"), []byte("1")))
	diffs, err := Compare(a, b)
	require.NoError(t, err)
	assert.Equal(t, []Difference{
		{Path: "changed.txt", Status: Differs, Detail: `line 1: committed "1"; fresh "2"`},
		{Path: "new.txt", Status: Missing}, // the build makes it, figures/ lacks it
		{Path: "stray.txt", Status: Extra}, // figures/ holds it, the build does not make it
	}, diffs)
}

// TestCompareEnvironment: manifests that differ only in their environment
// lines (the Go toolchain's, or any "# KEY: VALUE" line but the dataset's,
// present in one and not the other included) are no difference, and
// EnvChanges names each such line in one sentence; any other change of
// the manifest still is a difference.
func TestCompareEnvironment(t *testing.T) {
	const built = "# nexus build manifest: sha256 and path of every output, sorted by path\n# dataset: d 1.0.0 sha256:ab\n# go: go1.26.8\n# os: linux\n" + sum + "  a.txt\n"
	const fresh = "# nexus build manifest: sha256 and path of every output, sorted by path\n# dataset: d 1.0.0 sha256:ab\n# go: go1.26.9\n# arch: amd64\n" + sum + "  a.txt\n"
	a, b := t.TempDir(), t.TempDir()
	require.NoError(t, WriteFile(filepath.Join(a, ManifestName), []byte(built)))
	require.NoError(t, WriteFile(filepath.Join(b, ManifestName), []byte(fresh)))
	diffs, err := Compare(a, b)
	require.NoError(t, err)
	assert.Empty(t, diffs)
	envs, err := EnvChanges(a, b)
	require.NoError(t, err)
	var got []string
	for _, e := range envs {
		got = append(got, e.String())
	}
	assert.Equal(t, []string{
		"built with go1.26.8, verified with go1.26.9",
		"built with no arch line, verified with arch amd64",
		"built with os linux, verified with no os line",
	}, got)

	// The dataset line is not environment, nor is an entry.
	for _, changed := range []string{
		strings.Replace(built, "1.0.0", "1.0.1", 1),
		strings.Replace(built, sum, strings.Repeat("0", 64), 1),
	} {
		require.NoError(t, WriteFile(filepath.Join(a, ManifestName), []byte(changed)))
		diffs, err = Compare(a, b)
		require.NoError(t, err)
		require.Len(t, diffs, 1, "%q", changed)
		assert.Equal(t, ManifestName, diffs[0].Path)
		assert.Equal(t, Differs, diffs[0].Status)
	}
}

// sum is a sha256 in hex, as a manifest entry has it.
const sum = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

func TestSelect(t *testing.T) {
	outs := []Output{{ID: "T1", Name: "tbl-a"}, {ID: "F1", Name: "fig-b"}}
	sel, err := Select(outs, []string{"fig-b", "t1"})
	require.NoError(t, err)
	assert.Equal(t, []string{"tbl-a", "fig-b"}, []string{sel[0].Name, sel[1].Name})
	_, err = Select(outs, []string{"T9"})
	assert.EqualError(t, err, `unknown output "T9", expected one of T1 (tbl-a), F1 (fig-b)`)
}
