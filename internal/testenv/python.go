package testenv

import (
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// pythons are the interpreters Python tries, Debian's first: the
// python3-* packages install there, while a python3 earlier on PATH
// (pyenv, a venv) may lack them.
var pythons = []string{"/usr/bin/python3", "python3"}

// pythonProbe is what one interpreter said of one module.
type pythonProbe struct {
	py, version string
	ok          bool
}

// probed holds the probes made in this process, by module.
var probed sync.Map // module -> []pythonProbe

// probe asks each interpreter for module's version, once per process.
func probe(module string) []pythonProbe {
	if p, ok := probed.Load(module); ok {
		return p.([]pythonProbe)
	}
	var ps []pythonProbe
	for _, py := range pythons {
		out, err := exec.Command(py, "-c", "import "+module+"; print(getattr("+module+", '__version__', ''))").Output()
		ps = append(ps, pythonProbe{py: py, version: strings.TrimSpace(string(out)), ok: err == nil})
	}
	probed.Store(module, ps)
	return ps
}

// Python returns a python3 that imports module, at major version
// minMajor or later when minMajor > 0, or stops the test through Missing,
// naming the Debian package pkg and the check that did not run (what, in
// a few words). Each module is probed once per test process.
func Python(t testing.TB, module string, minMajor int, pkg, what string) string {
	t.Helper()
	var found []string
	for _, p := range probe(module) {
		if !p.ok {
			continue
		}
		major, _, _ := strings.Cut(p.version, ".")
		if n, err := strconv.Atoi(major); minMajor == 0 || err == nil && n >= minMajor {
			return p.py
		}
		found = append(found, p.py+" has "+module+" "+p.version)
	}
	want := "a python3 that imports " + module
	if minMajor > 0 {
		want += fmt.Sprintf(" %d or later", minMajor)
	}
	if len(found) > 0 {
		want += " (" + strings.Join(found, ", ") + ")"
	}
	Missing(t, fmt.Sprintf("%s (apt-get install %s); %s did not run", want, pkg, what))
	return ""
}
