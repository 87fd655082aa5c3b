package compendium_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// The make-based tests of this package share one build of the
// compendium: built makes it once, in a copy of the repository without
// figures/, bin/ or the notebook cache (from scratch), the first time a
// test asks for it, and each test then works in a copy of the result
// (copyBuilt), with bin/nexus, the notebook cache, the generated
// makefiles and figures/ as that make left them. The build is the second
// of TestBuildIsDeterministic's two (deterministicRuns), which proves it
// from scratch and equal to the committed figures/.
var built struct {
	once sync.Once
	root string // the temporary directory that holds the build; removed by TestMain
	dir  string // the checkout
	outs [][]byte
	errs []error
	seen string // what the environment probe recorded
	err  error  // a failure to set the build up
}

// TestMain runs the tests, then removes the shared build.
func TestMain(m *testing.M) {
	code := testenv.Run(m)
	if built.root != "" {
		os.RemoveAll(built.root)
	}
	os.Exit(code)
}

// builtRun returns the shared build of the compendium (see built),
// making it on first use.
func builtRun(t *testing.T) (dir string, outs [][]byte, errs []error, seen string) {
	t.Helper()
	root := repoRoot(t)
	built.once.Do(func() {
		built.root, built.err = os.MkdirTemp("", "nexus-compendium-built-")
		if built.err != nil {
			return
		}
		r := deterministicRuns(built.root)[1]
		built.dir = r.dir
		built.outs, built.errs, built.seen, built.err = r.build(root)
		if built.err == nil {
			built.err = os.Remove(filepath.Join(r.dir, "env.txt")) // the probe's, not the compendium's
		}
	})
	require.NoError(t, built.err, "setting up the shared build")
	return built.dir, built.outs, built.errs, built.seen
}

// copyBuilt returns a copy of the shared build (see built) in a temporary
// directory of the test, made by a make that succeeded; every file keeps
// its modification time, so make finds the copy up to date.
func copyBuilt(t *testing.T) string {
	t.Helper()
	src, outs, errs, _ := builtRun(t)
	for i, err := range errs {
		require.NoError(t, err, "the shared build, make %d of %d:\n%s", i+1, len(errs), outs[i])
	}
	dst := filepath.Join(t.TempDir(), "repo")
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.WriteFile(target, data, fi.Mode().Perm()); err != nil {
			return err
		}
		return os.Chtimes(target, fi.ModTime(), fi.ModTime())
	})
	require.NoError(t, err)
	return dst
}

// rebuiltNexus makes bin/nexus in the copy dir newer than every output,
// as building it afresh does, so that the next make runs every table's
// and figure's rule again, as in a checkout without bin/.
func rebuiltNexus(t *testing.T, dir string) {
	t.Helper()
	now := time.Now()
	require.NoError(t, os.Chtimes(filepath.Join(dir, "bin", "nexus"), now, now))
}
