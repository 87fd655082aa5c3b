package testenv

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestPython finds a python3 with a module of its standard library, and
// stops a child test that asks for a module no python3 has or for a
// version newer than any, naming what it wanted.
func TestPython(t *testing.T) {
	if os.Getenv("TESTENV_CHILD") == "python" {
		switch os.Getenv("TESTENV_ASK") {
		case "missing":
			Python(t, "no_such_module_nexus", 0, "nothing", "the child check")
		case "version":
			Python(t, "json", 99, "nothing", "the child check")
		}
		t.Fatal("Python returned")
	}
	py := Python(t, "json", 0, "python3-minimal", "the Python probe")
	if out, err := exec.Command(py, "-c", "import json; print(json.dumps(1))").Output(); err != nil || strings.TrimSpace(string(out)) != "1" {
		t.Fatalf("%s: %v %q", py, err, out)
	}
	for _, tc := range []struct{ ask, want string }{
		{"missing", "a python3 that imports no_such_module_nexus (apt-get install nothing); the child check did not run"},
		{"version", "a python3 that imports json 99 or later ("},
	} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestPython$", "-test.v")
		cmd.Env = append(os.Environ(), "TESTENV_CHILD=python", "TESTENV_ASK="+tc.ask, "CI=true")
		out, _ := cmd.CombinedOutput()
		if !strings.Contains(string(out), "--- FAIL") || !strings.Contains(string(out), tc.want) {
			t.Errorf("%s: want a failure saying %q, got:\n%s", tc.ask, tc.want, out)
		}
	}
}
