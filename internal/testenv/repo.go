package testenv

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// Run runs a package's tests (m.Run) without the variables of an
// enclosing make in the environment, and returns the exit code for
// os.Exit, as a TestMain does; and it fails the run if the tests created,
// changed or removed a file of the repository they test. Tests work in
// copies under temporary directories and write nothing beside the
// sources: not a scratch page, a cache entry or an image to look at.
//
// The files compared are every file under the repository's root (the
// directory of the nearest go.mod, from the working directory up)
// with its size, mode and modification time, except under .git,
// node_modules and bin directories, which git, npm and make write, and
// the notebook engine's scratch directory .nexus-cache/run, where make
// verify compiles notebook programs while the tests run (make -j2 test).
// With
// -update (the golden files' flag) the tests may rewrite testdata, and
// nothing is compared.
func Run(m *testing.M) int {
	// The tests' own processes get no enclosing make's variables either
	// (see Environ), even a make a test starts without Environ: under
	// make -j2 test they would hand it a jobserver it cannot use.
	for _, name := range makeVars {
		os.Unsetenv(name)
	}
	root, err := repoRoot()
	var before map[string]fileState
	if err == nil {
		before = snapshot(root)
	}
	code := m.Run()
	if err != nil || updating() {
		return code
	}
	if changed := compare(before, snapshot(root)); len(changed) > 0 {
		fmt.Fprintf(os.Stderr, "FAIL: the tests wrote into the repository they test (%s); they must work in temporary directories:\n", root)
		for _, c := range changed {
			fmt.Fprintln(os.Stderr, "\t"+c)
		}
		if code == 0 {
			code = 1
		}
	}
	return code
}

// updating reports whether -update was given.
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// fileState is what snapshot records of a file.
type fileState struct {
	size  int64
	mode  fs.FileMode
	mtime time.Time
}

// snapshot records every file under root but those under .git,
// node_modules, bin and .nexus-cache/run directories.
func snapshot(root string) map[string]fileState {
	files := map[string]fileState{}
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // gone while walking: compare reports it
		}
		if d.IsDir() {
			switch d.Name() {
			case ".git", "node_modules", "bin":
				if path != root {
					return filepath.SkipDir
				}
			case "run":
				if filepath.Base(filepath.Dir(path)) == ".nexus-cache" {
					return filepath.SkipDir
				}
			}
			return nil
		}
		if fi, err := d.Info(); err == nil {
			rel, _ := filepath.Rel(root, path)
			files[rel] = fileState{fi.Size(), fi.Mode(), fi.ModTime()}
		}
		return nil
	})
	return files
}

// compare lists, in path order, the files added, removed or changed
// between two snapshots.
func compare(before, after map[string]fileState) []string {
	var out []string
	for p, a := range after {
		b, ok := before[p]
		switch {
		case !ok:
			out = append(out, "created "+p)
		case a != b:
			out = append(out, "changed "+p)
		}
	}
	for p := range before {
		if _, ok := after[p]; !ok {
			out = append(out, "removed "+p)
		}
	}
	slices.SortFunc(out, func(x, y string) int {
		_, px, _ := strings.Cut(x, " ")
		_, py, _ := strings.Cut(y, " ")
		return strings.Compare(px, py)
	})
	return out
}
