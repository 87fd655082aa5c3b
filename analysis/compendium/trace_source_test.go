package compendium_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/nexus-toolkit/nexus/analysis/build"
	"github.com/nexus-toolkit/nexus/analysis/compendium"
	"github.com/nexus-toolkit/nexus/analysis/datapkg"
)

// traceRepo makes a small repository in a temporary directory, with the
// committed tbl-dyads table, its trace file and MANIFEST under figures/
// and the dataset the MANIFEST names under datasets/, and changes into
// it. It returns the dataset directory.
func traceRepo(t *testing.T) string {
	t.Helper()
	root := repoRoot(t)
	dir := t.TempDir()
	src, err := compendium.ManifestDataset(filepath.Join(root, "figures"))
	require.NoError(t, err)
	for _, f := range []string{"tbl-dyads.csv", "tbl-dyads" + compendium.TraceSuffix, build.ManifestName} {
		copyFile(t, filepath.Join(root, "figures", f), filepath.Join(dir, "figures", f))
	}
	ents, err := os.ReadDir(filepath.Join(root, src))
	require.NoError(t, err)
	for _, e := range ents {
		copyFile(t, filepath.Join(root, src, e.Name()), filepath.Join(dir, src, e.Name()))
	}
	t.Chdir(dir)
	return src
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(filepath.Dir(to), 0o755))
	require.NoError(t, os.WriteFile(to, b, 0o644))
}

const dyads = "figures/tbl-dyads.csv"

// TestTraceChecksDatasetHash is the attack of issue 19 item 6: a quote
// edited in the dataset after the build (its hashes rewritten with
// hash -w --force) no longer matches the hash the MANIFEST records, and
// trace refuses to show it as evidence, whether the dataset comes from the
// MANIFEST or from -dataset, and says what to do.
func TestTraceChecksDatasetHash(t *testing.T) {
	dataset := traceRepo(t)
	ct, err := compendium.Trace(dyads, 5, "tie_types", "")
	require.NoError(t, err)
	require.NotEmpty(t, ct.Evidence)
	require.Equal(t, dataset, ct.Dataset)

	rel := filepath.Join(dataset, "relations.csv")
	b, err := os.ReadFile(rel)
	require.NoError(t, err)
	q := ct.Evidence[0].Quote
	require.NotEmpty(t, q)
	forged := bytes.Replace(b, []byte(q[:10]), []byte("FORGED QUO"), 1)
	require.NotEqual(t, b, forged, "the quote %q is not in relations.csv", q)
	require.NoError(t, os.WriteFile(rel, forged, 0o644))
	_, _, err = datapkg.Rehash(dataset, datapkg.RehashOptions{Force: true})
	require.NoError(t, err)
	for _, ds := range []string{"", dataset} {
		_, err = compendium.Trace(dyads, 5, "tie_types", ds)
		require.ErrorContains(t, err, "figures/MANIFEST: the outputs were built from dataset ttp-alliances")
		require.ErrorContains(t, err, "rebuild with make")
		require.NotContains(t, err.Error(), "FORGED")
	}
}

// TestTraceRefusesDatasetOutside: a MANIFEST whose dataset name or version
// leads out of datasets/, or whose dataset directory is a link out of the
// repository, is refused before anything is read.
func TestTraceRefusesDatasetOutside(t *testing.T) {
	dataset := traceRepo(t)
	m, err := os.ReadFile("figures/MANIFEST")
	require.NoError(t, err)
	line := strings.SplitN(strings.SplitN(string(m), "# dataset: ", 2)[1], "\n", 2)[0]
	f := strings.Fields(line)
	for _, bad := range [][2]string{
		{"../../..", f[1]}, {"../x", f[1]}, {"/etc", f[1]}, {f[0], "1.0.0/../../../x"}, {"a/./b", f[1]},
	} {
		require.NoError(t, os.WriteFile("figures/MANIFEST", []byte(strings.Replace(string(m), line, bad[0]+" "+bad[1]+" "+f[2], 1)), 0o644))
		_, err := compendium.Trace(dyads, 5, "tie_types", "")
		require.ErrorContains(t, err, "leads outside datasets/", "%v", bad)
	}
	// A link out of the repository.
	require.NoError(t, os.WriteFile("figures/MANIFEST", m, 0o644))
	outside := t.TempDir()
	require.NoError(t, os.Rename(filepath.Dir(dataset), filepath.Join(outside, "moved")))
	require.NoError(t, os.Symlink(filepath.Join(outside, "moved"), filepath.Dir(dataset)))
	_, err = compendium.Trace(dyads, 5, "tie_types", "")
	require.ErrorContains(t, err, "outside the repository")
}

// TestClaimsOutDash: claims -out - writes to standard output (here with
// no notebook: the header alone), and a FIFO as -out is refused before
// any notebook runs.
func TestClaimsOutDash(t *testing.T) {
	t.Chdir(repoRoot(t))
	dataset, err := compendium.DefaultDataset()
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, compendium.Claims(t.Context(), dataset, "-", &b, []string{}))
	require.Equal(t, "notebook,line,claim\n", b.String())
	_, err = os.Stat("-")
	require.ErrorIs(t, err, os.ErrNotExist, "a file named - was written")
	fifo := filepath.Join(t.TempDir(), "fifo")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))
	err = compendium.Claims(t.Context(), dataset, fifo, &b, nil)
	require.ErrorContains(t, err, fifo+": not a regular file: a named pipe (FIFO)")
}
