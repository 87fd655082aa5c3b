// Package testenv decides what a test does when something it needs from the
// machine (a tool on PATH, a file beside the clone) is missing.
//
// Outside CI such a test is skipped, loudly: the reason is printed to
// standard error as well as to the test log, so `go test ./...` shows it.
// In CI (the environment variable CI is set, as .ci/run and GitHub Actions
// set it) the test fails instead and names what is missing, so a check that
// cannot run never passes as "ok".
package testenv

import (
	"fmt"
	"os"
	"os/exec"
	"testing"
)

// InCI reports whether the tests run in CI, that is whether the environment
// variable CI is set to a non-empty value.
func InCI() bool { return os.Getenv("CI") != "" }

// Missing stops the test because what it needs is missing: in CI it fails
// with the reason, elsewhere it skips with the reason printed to standard
// error. what names the missing thing and how to get it.
func Missing(t testing.TB, what string) {
	t.Helper()
	msg := "SKIPPED: " + what
	if InCI() {
		t.Fatalf("CI is set, so this check may not skip: %s", what)
	}
	fmt.Fprintln(os.Stderr, "!!! "+t.Name()+": "+msg)
	t.Skip(msg)
}

// LookPath returns the path of the named program, or stops the test through
// Missing, naming the program and the Debian package (pkg) that provides it.
func LookPath(t testing.TB, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		Missing(t, fmt.Sprintf("%s not found on PATH (apt-get install %s)", name, pkg))
	}
	return p
}

// File returns path if it exists, or stops the test through Missing,
// naming the file and why the test needs it.
func File(t testing.TB, path, why string) string {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		Missing(t, fmt.Sprintf("%s is not there (%s): %v", path, why, err))
	}
	return path
}

// Short stops the test through Missing when -short was given: the test
// is one of the end-to-end checks that the inner loop (go test -short
// ./...) leaves out, and why says what it runs, in a few words.
func Short(t testing.TB, why string) {
	t.Helper()
	if testing.Short() {
		Missing(t, "-short was given, and "+t.Name()+" "+why)
	}
}
