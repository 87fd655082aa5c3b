package qda

import (
	"os/exec"
	"strings"
	"testing"
)

// TestCoreKnowsNoStudy checks the layering of the package map: qda and
// its subpackages, the generic coding analysis, import no package of the
// study layer (study itself imports qda, so the Go compiler already
// refuses that one as a cycle). The adapter from a study's excerpts lives
// in package study.
func TestCoreKnowsNoStudy(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "github.com/nexus-toolkit/nexus/analysis/qda/...").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) == 0 {
		t.Fatal("go list -deps listed nothing")
	}
	for _, p := range deps {
		for _, study := range []string{"github.com/nexus-toolkit/nexus/analysis/study", "github.com/nexus-toolkit/nexus/analysis/paper", "github.com/nexus-toolkit/nexus/analysis/compendium", "github.com/nexus-toolkit/nexus/analysis/alliance", "github.com/nexus-toolkit/nexus/cmd"} {
			if p == study || strings.HasPrefix(p, study+"/") {
				t.Errorf("qda depends on %s, a package of the study layer", p)
			}
		}
	}
}
