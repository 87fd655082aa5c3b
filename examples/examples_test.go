// Package examples holds the worked examples of other studies, each a
// compendium of its own (its own go.mod, made by nexus new) that requires
// the toolkit through a replace directive to this repository. Its test
// proves that each example builds against the toolkit as it was before
// the example's first commit, so the toolkit was not changed for it.
package examples

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// git runs git in dir and returns its trimmed output.
func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return strings.TrimSpace(string(out))
}

// archive extracts the tree of commit rev (paths, when given, only) into
// dir, as git archive writes it.
func archive(t *testing.T, repo, rev, dir string, paths ...string) {
	t.Helper()
	cmd := exec.Command("sh", "-c", `git archive --format=tar "$@" | tar -x -C "$DEST"`, "archive", rev)
	cmd.Args = append(cmd.Args, paths...)
	cmd.Dir = repo
	cmd.Env = append(os.Environ(), "DEST="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git archive %s %v: %v\n%s", rev, paths, err, out)
	}
}

// TestExampleBuildsAgainstToolkitBefore, for every example under
// examples/ with a go.mod: finds the commit that added its go.mod (its
// first commit, by nexus new) and the newest commit of the example whose
// tree outside the example is still the toolkit of that first commit's
// parent (the study as made on it), extracts that toolkit into a
// temporary directory, puts the example beside it as it was at that
// commit (its replace
// directive, ../.., then names that old toolkit) and runs make verify and
// make there. The example's figures as committed then must be what that
// old toolkit builds, byte for byte: the study was made without changing
// the toolkit. Later commits may change the example together with the
// toolkit (a new nexus new template, an API the example follows, figures
// rebuilt by a newer toolkit); .ci/run's make verify checks the example
// as it is now against the toolkit as it is now.
func TestExampleBuildsAgainstToolkitBefore(t *testing.T) {
	testenv.Short(t, "runs make verify and make in each example against an older toolkit")
	testenv.LookPath(t, "git", "git")
	makeBin := testenv.LookPath(t, "make", "make")
	root := git(t, ".", "rev-parse", "--show-toplevel")
	if git(t, root, "rev-parse", "--is-shallow-repository") == "true" {
		testenv.Missing(t, "the git history of the clone (a shallow clone lacks the commits before each example; fetch with fetch-depth: 0)")
	}
	mods, _ := filepath.Glob(filepath.Join(root, "examples", "*", "go.mod"))
	for _, mod := range mods {
		dir, _ := filepath.Rel(root, filepath.Dir(mod))
		dir = filepath.ToSlash(dir)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			added := strings.Fields(git(t, root, "log", "--format=%H", "--diff-filter=A", "--", dir+"/go.mod"))
			if len(added) == 0 {
				testenv.Missing(t, dir+"/go.mod in the git history (commit the example)")
			}
			first := added[len(added)-1]
			// The study is the newest commit of the example whose tree
			// outside the example is still the toolkit before the first.
			study := first
			for _, c := range strings.Fields(git(t, root, "rev-list", "--no-merges", first+"..HEAD", "--", dir)) {
				if git(t, root, "diff", "--name-only", first+"^", c, "--", ".", ":(exclude)"+dir) == "" {
					study = c
					break
				}
			}
			before := git(t, root, "rev-parse", first+"^")
			tmp := t.TempDir()
			archive(t, root, before, tmp)
			if _, err := os.Stat(filepath.Join(tmp, dir)); err == nil {
				t.Fatalf("the toolkit at %.12s already holds %s", before, dir)
			}
			archive(t, root, study, tmp, dir)
			// verify first, while figures/ holds the committed outputs;
			// then make, which must leave them as committed.
			for _, target := range []string{"verify", "all"} {
				cmd := exec.Command(makeBin, target)
				cmd.Dir = filepath.Join(tmp, dir)
				cmd.Env = testenv.Environ()
				out, err := cmd.CombinedOutput()
				if err != nil {
					t.Fatalf("make %s in %s (as at %.12s) against the toolkit at %.12s: %v\n%s", target, dir, study, before, err, out)
				}
			}
			committed := t.TempDir()
			archive(t, root, study, committed, dir+"/figures")
			sameTree(t, filepath.Join(committed, dir, "figures"), filepath.Join(tmp, dir, "figures"))
		})
	}
}

// sameTree fails on every file that differs between the trees want and
// got, or is in one only.
func sameTree(t *testing.T, want, got string) {
	t.Helper()
	files := map[string]bool{}
	for _, root := range []string{want, got} {
		filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				rel, _ := filepath.Rel(root, p)
				files[rel] = true
			}
			return err
		})
	}
	if len(files) == 0 {
		t.Fatalf("no figures under %s", want)
	}
	for f := range files {
		a, errA := os.ReadFile(filepath.Join(want, f))
		b, errB := os.ReadFile(filepath.Join(got, f))
		if errA != nil || errB != nil || !bytes.Equal(a, b) {
			t.Errorf("figures/%s: the old toolkit's make does not leave it as committed (%v, %v)", f, errA, errB)
		}
	}
}
