package testenv

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPaperOptOut runs a child test that needs a paper file that is not
// there, in the three environments that matter: CI with the fork's
// opt-out (skipped, with a "not run:" line naming the check and the
// reason), CI without it (fails, naming the paper) and outside CI
// (skipped). It also requires the opt-out to cover nothing else: a check
// that lacks a tool still fails in CI with NEXUS_WITHOUT_PAPER set.
func TestPaperOptOut(t *testing.T) {
	switch os.Getenv("TESTENV_CHILD") {
	case "paper":
		Paper(t, "no-such-paper-nexus.txt", "the quotes are checked against it")
		t.Fatal("Paper returned for a missing file")
	case "tool":
		LookPath(t, "no-such-program-nexus", "nothing")
		t.Fatal("LookPath returned for a missing program")
	}
	for _, tc := range []struct {
		child, ci, without string
		want               []string
		notWant            string
	}{
		{"paper", "true", "1", []string{"--- SKIP", "\nnot run: TestPaperOptOut: the quotes are checked against it; the paper's text ../shared/paper/no-such-paper-nexus.txt is not there and NEXUS_WITHOUT_PAPER is set\n"}, "--- FAIL"},
		{"paper", "true", "", []string{"--- FAIL", "../shared/paper/no-such-paper-nexus.txt", "NEXUS_WITHOUT_PAPER=1"}, "not run:"},
		{"paper", "", "", []string{"--- SKIP", "../shared/paper/no-such-paper-nexus.txt"}, "not run:"},
		{"tool", "true", "1", []string{"--- FAIL", "no-such-program-nexus"}, "not run:"},
	} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestPaperOptOut$", "-test.v")
		cmd.Env = Environ("TESTENV_CHILD="+tc.child, "CI="+tc.ci, WithoutPaper+"="+tc.without)
		out, _ := cmd.CombinedOutput()
		for _, w := range tc.want {
			if !strings.Contains(string(out), w) {
				t.Errorf("%s, CI=%q %s=%q: want %q, got:\n%s", tc.child, tc.ci, WithoutPaper, tc.without, w, out)
			}
		}
		if strings.Contains(string(out), tc.notWant) {
			t.Errorf("%s, CI=%q %s=%q: want no %q, got:\n%s", tc.child, tc.ci, WithoutPaper, tc.without, tc.notWant, out)
		}
	}
}

// TestEnvironDropsMake: the environment given to a test's make has none
// of the variables of the make that runs the tests.
func TestEnvironDropsMake(t *testing.T) {
	t.Setenv("MAKEFLAGS", "s -j2 --jobserver-auth=fifo:/tmp/x")
	t.Setenv("MAKELEVEL", "1")
	t.Setenv("MFLAGS", "-s")
	env := Environ("A=b")
	for _, kv := range env {
		for _, v := range []string{"MAKEFLAGS=", "MAKELEVEL=", "MFLAGS="} {
			if strings.HasPrefix(kv, v) {
				t.Errorf("Environ kept %s", kv)
			}
		}
	}
	if env[len(env)-1] != "A=b" {
		t.Errorf("Environ did not add A=b last: %q", env[len(env)-1])
	}
}

// TestOnlyThePaperOptsOut: no Go file outside this package reads the
// fork's opt-out, so it can excuse the paper's checks and nothing else
// (they reach it only through Paper).
func TestOnlyThePaperOptsOut(t *testing.T) {
	root, err := repoRoot()
	if err != nil {
		t.Fatal(err)
	}
	self := filepath.Join(root, "internal", "testenv")
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (p == self || (p != root && strings.HasPrefix(d.Name(), "."))) {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, s := range []string{`"` + WithoutPaper, "testenv.WithoutPaper"} { // a string literal, or the constant
			if strings.Contains(string(b), s) {
				t.Errorf("%s reads %s: only testenv.Paper may", p, s)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
