package testenv

import (
	"os"
	"os/exec"
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
