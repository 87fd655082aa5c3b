package compendium_test

import (
	"os/exec"
	"testing"

	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// makeIn returns the command that runs make with args in dir, with a
// clean environment (testenv.Environ, plus env): a test's make inherits
// no MAKEFLAGS, MAKELEVEL or MFLAGS of the make that runs the tests, so
// `make -s test` and `make -j2 test` run it as a plain make.
func makeIn(t *testing.T, dir string, env []string, args ...string) *exec.Cmd {
	t.Helper()
	return makeCmd(testenv.LookPath(t, "make", "make"), dir, env, args...)
}

// makeCmd is makeIn with the path of make given.
func makeCmd(makeBin, dir string, env []string, args ...string) *exec.Cmd {
	cmd := exec.Command(makeBin, args...)
	cmd.Dir = dir
	cmd.Env = testenv.Environ(env...)
	return cmd
}
