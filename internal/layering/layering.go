// Package layering states which nexus packages are the core and which
// are the study layer, and checks that no core package imports the study
// layer, directly or through another package.
//
// The core (datapkg, table, figure, build, bib, notebook, qda, graph and
// the small packages under them) knows no study: a researcher can use it
// for another study or for an edge list of their own. The study layer
// (study, alliance, paper, compendium, cli) knows this paper and its data
// model, and may import the core.
//
// TestLayering lists the module with `go list` and reads its Go files
// (see Load). It fails on any core package that reaches the study layer
// through an import, an import of its tests (TestImports and
// XTestImports), or an import path written in a string literal (the
// arguments of a `go list`, an allowlist, Go source kept in a string),
// directly or through other packages, naming the chain (see Check); and
// on any package under analysis/ that is in neither list, so that a new
// package is placed on purpose. It is the one layering check of the
// module: a package does not test its own layering.
package layering

import "strings"

// Study lists the packages of the study layer, as import paths or
// patterns ending in "/..." (the package and everything under it).
var Study = []string{
	"github.com/nexus-toolkit/nexus/analysis/study",
	"github.com/nexus-toolkit/nexus/analysis/alliance/...",
	"github.com/nexus-toolkit/nexus/analysis/paper",
	"github.com/nexus-toolkit/nexus/analysis/compendium",
	"github.com/nexus-toolkit/nexus/analysis/cli",
}

// Core lists the packages that must not import the study layer.
var Core = []string{
	"github.com/nexus-toolkit/nexus/analysis/bib",
	"github.com/nexus-toolkit/nexus/analysis/build",
	"github.com/nexus-toolkit/nexus/analysis/datapkg",
	"github.com/nexus-toolkit/nexus/analysis/figure/...",
	"github.com/nexus-toolkit/nexus/analysis/frame",
	"github.com/nexus-toolkit/nexus/analysis/graph/...",
	"github.com/nexus-toolkit/nexus/analysis/notebook/...",
	"github.com/nexus-toolkit/nexus/analysis/qda/...",
	"github.com/nexus-toolkit/nexus/analysis/quotes",
	"github.com/nexus-toolkit/nexus/analysis/safefile",
	"github.com/nexus-toolkit/nexus/analysis/table",
}

// Exceptions are core packages that still import the study layer, with
// the reason and the work that removes it. A listed package that no
// longer imports the study layer is an error too, so the list stays true.
var Exceptions = map[string]string{
	"github.com/nexus-toolkit/nexus/analysis/notebook": "the import guard names this repository's packages (allowedTrees, deniedTrees in guard.go); " +
		"issue 17, item 4, notebook engine options: the compendium passes them in",
}

// Scope is the part of the module that must be classified: every package
// under it is in Core or in Study.
const Scope = "github.com/nexus-toolkit/nexus/analysis/..."

// Match reports whether the import path pkg matches pattern: equal to
// it, or, for a pattern ending in "/...", the package before it or one
// below it.
func Match(pattern, pkg string) bool {
	if base, ok := strings.CutSuffix(pattern, "/..."); ok {
		return pkg == base || strings.HasPrefix(pkg, base+"/")
	}
	return pkg == pattern
}

func matchAny(patterns []string, pkg string) bool {
	for _, p := range patterns {
		if Match(p, pkg) {
			return true
		}
	}
	return false
}
