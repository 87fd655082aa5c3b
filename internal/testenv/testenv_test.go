package testenv

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestMissingFailsInCI runs a child test with CI set and requires it to
// fail, and one without CI and requires it to skip.
func TestMissingFailsInCI(t *testing.T) {
	if os.Getenv("TESTENV_CHILD") == "1" {
		LookPath(t, "no-such-program-nexus", "nothing")
		t.Fatal("LookPath returned for a missing program")
	}
	for _, tc := range []struct {
		ci   string
		want string
	}{
		{"true", "--- FAIL"},
		{"", "--- SKIP"},
	} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestMissingFailsInCI$", "-test.v")
		cmd.Env = append(os.Environ(), "TESTENV_CHILD=1", "CI="+tc.ci)
		out, _ := cmd.CombinedOutput()
		if !strings.Contains(string(out), tc.want) || !strings.Contains(string(out), "no-such-program-nexus") {
			t.Errorf("CI=%q: want %q naming the program, got:\n%s", tc.ci, tc.want, out)
		}
	}
}

// TestSnapshotCompare: a file created, one changed and one removed under
// the root are named, in path order, and .git, node_modules, bin and
// .nexus-cache/run are not looked at.
func TestSnapshotCompare(t *testing.T) {
	root := t.TempDir()
	write := func(rel, text string) {
		p := filepath.Join(root, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a/kept.txt", "kept")
	write("b/changed.txt", "old")
	write("c/removed.txt", "gone")
	before := snapshot(root)
	if got := compare(before, snapshot(root)); len(got) != 0 {
		t.Fatalf("nothing changed, yet compare reports %v", got)
	}
	write("b/changed.txt", "new text")
	os.Remove(filepath.Join(root, "c", "removed.txt"))
	write("a/new.png", "x")
	write(".git/index", "x")
	write("internal/a11y/node_modules/m.js", "x")
	write("bin/nexus", "x")
	write(".nexus-cache/run/.nexus-tmp-1/main.go", "x")
	write(".nexus-cache/out/key.json", "x")
	want := []string{"created .nexus-cache/out/key.json", "created a/new.png", "changed b/changed.txt", "removed c/removed.txt"}
	if got := compare(before, snapshot(root)); !slices.Equal(got, want) {
		t.Errorf("compare = %q, want %q", got, want)
	}
}

// TestRepoRoot finds the toolkit's root from this package's directory.
func TestRepoRoot(t *testing.T) {
	want, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := repoRoot(); err != nil || got != want {
		t.Errorf("repoRoot() = %q, want %q", got, want)
	}
}
