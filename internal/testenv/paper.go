package testenv

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// WithoutPaper is the environment variable by which a clone that lacks the
// paper's text (a fork, whose CI has no ../shared/paper) opts out of the
// checks that read it, and of no other check.
const WithoutPaper = "NEXUS_WITHOUT_PAPER"

// NotRun is how a check that did not run introduces itself, at the start
// of a line of the test output: "not run: TestName: reason". The Makefile's
// gotest target collects these lines and the fork workflow shows them in
// its job summary.
const NotRun = "not run: "

// PaperDir is the directory of the paper's text, relative to the
// repository root: beside the clone, never inside it.
const PaperDir = "../shared/paper"

// Paper returns the path of the file name of the paper's text (under
// PaperDir), or stops the test when it is not there. With WithoutPaper set
// the test is skipped, and a line "not run: TEST: why" is written to
// standard output, so the opt-out is loud; without it the test stops
// through Missing, so in CI (CI set) it fails and names the paper.
func Paper(t testing.TB, name, why string) string {
	t.Helper()
	root, err := repoRoot()
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(root, filepath.FromSlash(PaperDir), name)
	_, err = os.Stat(p)
	if err == nil {
		return p
	}
	rel := PaperDir + "/" + name
	if os.Getenv(WithoutPaper) != "" {
		line := fmt.Sprintf("%s%s: %s; the paper's text %s is not there and %s is set", NotRun, t.Name(), why, rel, WithoutPaper)
		fmt.Println(line)
		t.Skip(line)
	}
	Missing(t, fmt.Sprintf("the paper's text %s is not there (%s): %v; a clone without it (a fork) sets %s=1 to skip the checks that read it, loudly", rel, why, err, WithoutPaper))
	return ""
}

// repoRoot returns the first directory from the working directory upwards
// that holds go.mod.
func repoRoot() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("no go.mod in %s or above: the test runs outside the repository", wd)
		}
	}
}
