package compendium

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"nexus/analysis/build"
)

// repoRoot is the repository root, two levels above this package.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	return root
}

// copyTree copies the human-written parts of the repository (no figures,
// no build products, no caches, no git metadata) to dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	skip := map[string]bool{".git": true, "figures": true, "bin": true, ".nexus-cache": true, ".scratch": true}
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if rel != "." && skip[strings.Split(filepath.ToSlash(rel), "/")[0]] {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	require.NoError(t, err)
}

// TestBuildIsDeterministic builds the whole compendium from scratch twice,
// in two checkouts at different paths, under different time zones,
// locales, GOMAXPROCS and make parallelism, and requires every output
// file, the MANIFEST included, to be byte-identical in both. It then
// requires both to equal the committed figures/.
func TestBuildIsDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the compendium twice; skipped with -short")
	}
	if _, err := exec.LookPath("make"); err != nil {
		t.Skip("make is not installed")
	}
	root := repoRoot(t)
	base := t.TempDir()
	runs := []struct {
		dir  string
		env  []string
		args []string
	}{
		{filepath.Join(base, "one", "nexus"), []string{"TZ=UTC", "LANG=C", "LC_ALL=C", "GOMAXPROCS=1"}, []string{"-j1"}},
		{filepath.Join(base, "another path", "checkout"), []string{"TZ=Asia/Karachi", "LANG=de_DE.UTF-8", "LC_ALL=de_DE.UTF-8", "GOMAXPROCS=2", "SOURCE_DATE_EPOCH="}, []string{"-j4"}},
	}
	for _, r := range runs {
		copyTree(t, root, r.dir)
		cmd := exec.Command("make", append(r.args, "all")...)
		cmd.Dir = r.dir
		cmd.Env = append(os.Environ(), r.env...)
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "make in %s:\n%s", r.dir, out)
	}
	a := filepath.Join(runs[0].dir, "figures")
	b := filepath.Join(runs[1].dir, "figures")
	diffs, err := build.Compare(a, b)
	require.NoError(t, err)
	require.Empty(t, diffs, "two builds under different environments differ")
	ma, err := os.ReadFile(filepath.Join(a, build.ManifestName))
	require.NoError(t, err)
	mb, err := os.ReadFile(filepath.Join(b, build.ManifestName))
	require.NoError(t, err)
	require.True(t, bytes.Equal(ma, mb))
	committed := filepath.Join(root, "figures")
	if _, err := os.Stat(filepath.Join(committed, build.ManifestName)); err == nil {
		diffs, err = build.Compare(committed, a)
		require.NoError(t, err)
		require.Empty(t, diffs, "a fresh build differs from the committed figures/; run make and commit")
	}
}
