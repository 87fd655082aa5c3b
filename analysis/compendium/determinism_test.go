package compendium_test

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/nexus-toolkit/nexus/analysis/build"
	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// repoRoot is the repository root, two levels above this package.
func repoRoot(t testing.TB) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	return root
}

// copyTree copies the human-written parts of the repository (no build
// products, no caches, no git metadata, and figures/ only with figures)
// to dst.
func copyTree(t *testing.T, src, dst string, figures bool) {
	t.Helper()
	require.NoError(t, copyTreeErr(src, dst, figures))
}

// copyTreeErr is copyTree, returning its error.
func copyTreeErr(src, dst string, figures bool) error {
	skip := map[string]bool{".git": true, "figures": !figures, "bin": true, ".nexus-cache": true, ".scratch": true}
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
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
}

// envProbe is a makefile added to the Makefile in the test: its recipe
// records the environment that make gives every recipe, the nexus
// commands included, so the test can prove that the Makefile does not
// override TZ, the locale or GOMAXPROCS.
const envProbe = "nexus-env-probe:\n\t@printf '%s|%s|%s\\n' \"$$TZ\" \"$$LC_ALL\" \"$$GOMAXPROCS\" > env.txt\n"

// makeRun is one build of the compendium in a checkout of its own.
type makeRun struct {
	dir      string
	env      []string
	args     []string
	parallel int    // how many makes run at once in the checkout
	sees     string // what envProbe must record
}

// deterministicRuns are the two builds of TestBuildIsDeterministic, in
// checkouts under base. The second is the shared build of the package's
// make-based tests (see built).
func deterministicRuns(base string) []makeRun {
	return []makeRun{
		{filepath.Join(base, "one", "nexus"), []string{"TZ=UTC", "LANG=C", "LC_ALL=C", "GOMAXPROCS=1"}, []string{"-j1"}, 1, "UTC|C|1"},
		{filepath.Join(base, "another path", "checkout"), []string{"TZ=Asia/Karachi", "LANG=de_DE.UTF-8", "LC_ALL=de_DE.UTF-8", "GOMAXPROCS=2", "SOURCE_DATE_EPOCH="}, []string{"-j4"}, 2, "Asia/Karachi|de_DE.UTF-8|2"},
	}
}

// build copies the repository at root without figures/ (nor bin/ or the
// notebook cache) to r.dir and runs r.parallel makes of every output and
// of envProbe there at once. It returns each make's output and error,
// and what the probe recorded; err is a failure to set the build up.
func (r makeRun) build(root string) (outs [][]byte, errs []error, seen string, err error) {
	makeBin, err := exec.LookPath("make")
	if err != nil {
		return nil, nil, "", err
	}
	if err := copyTreeErr(root, r.dir, false); err != nil {
		return nil, nil, "", err
	}
	probe := filepath.Join(filepath.Dir(r.dir), "probe.mk")
	if err := os.WriteFile(probe, []byte(envProbe), 0o644); err != nil {
		return nil, nil, "", err
	}
	outs = make([][]byte, r.parallel)
	errs = make([]error, r.parallel)
	var wg sync.WaitGroup
	for i := range r.parallel {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := makeCmd(makeBin, r.dir, r.env, append(r.args, "-f", "Makefile", "-f", probe, "all", "nexus-env-probe")...)
			outs[i], errs[i] = cmd.CombinedOutput()
		}()
	}
	wg.Wait()
	b, _ := os.ReadFile(filepath.Join(r.dir, "env.txt")) // missing when make failed
	return outs, errs, string(b), nil
}

// TestBuildIsDeterministic builds the whole compendium from scratch in two
// checkouts at different paths, under different time zones, locales,
// GOMAXPROCS and make parallelism, the second with two makes running at
// once in the same checkout, and requires every output file, the MANIFEST
// included, to be byte-identical in both. It requires the recipes to have
// really seen each environment, and both builds to equal the committed
// figures/. The second build is the package's shared one (see built),
// which the other make-based tests copy.
func TestBuildIsDeterministic(t *testing.T) {
	if testing.Short() {
		testenv.Missing(t, "-short was given, and TestBuildIsDeterministic builds the compendium twice")
	}
	testenv.LookPath(t, "make", "make")
	t.Parallel()
	root := repoRoot(t)
	runs := deterministicRuns(t.TempDir())
	var dirs []string
	for i, r := range runs {
		var outs [][]byte
		var errs []error
		var seen string
		if i == 1 {
			r.dir, outs, errs, seen = builtRun(t)
		} else {
			var err error
			outs, errs, seen, err = r.build(root)
			require.NoError(t, err)
		}
		for i := range errs {
			require.NoError(t, errs[i], "make %d of %d in %s:\n%s", i+1, r.parallel, r.dir, outs[i])
		}
		require.Equal(t, r.sees+"\n", seen, "the environment make gave its recipes")
		dirs = append(dirs, r.dir)
	}
	a := filepath.Join(dirs[0], "figures")
	b := filepath.Join(dirs[1], "figures")
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
