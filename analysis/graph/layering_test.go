package graph

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// studyLayer are the packages that know the study; the core must not
// depend on any of them.
var studyLayer = []string{
	"github.com/nexus-toolkit/nexus/analysis/study",
	"github.com/nexus-toolkit/nexus/analysis/paper",
	"github.com/nexus-toolkit/nexus/analysis/compendium",
	"github.com/nexus-toolkit/nexus/analysis/alliance",
}

// TestCoreImportsNoStudy runs go list -deps on analysis/graph and every
// package under it and fails on a dependency on the study layer, so a
// researcher can take the core for an edge list of their own.
func TestCoreImportsNoStudy(t *testing.T) {
	// go test caches a passing result by the files the test opens, and
	// knows nothing of what go list reads: reading every Go file of the
	// core here makes a change to any of them run the test again.
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".go") {
			_, err = os.ReadFile(p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	gobin := filepath.Join(runtime.GOROOT(), "bin", "go")
	out, err := exec.Command(gobin, "list", "-deps", "-f", "{{.ImportPath}}", "github.com/nexus-toolkit/nexus/analysis/graph/...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	deps := strings.Fields(string(out))
	core := 0
	for _, p := range deps {
		if p == "github.com/nexus-toolkit/nexus/analysis/graph" || strings.HasPrefix(p, "github.com/nexus-toolkit/nexus/analysis/graph/") {
			core++
		}
		for _, s := range studyLayer {
			if p == s || strings.HasPrefix(p, s+"/") {
				t.Errorf("the core depends on %s", p)
			}
		}
	}
	// The pattern must have matched the core itself, or the test proves
	// nothing.
	if core < 11 {
		t.Errorf("go list found %d packages of the core, want the graph, its subpackages and the 6 encoding packages:\n%s", core, out)
	}
}
