// Package layering states which nexus packages are the core and which
// are the study layer, and checks that no core package reaches the study
// layer, directly or through another package.
//
// The core (datapkg, table, figure, build, bib, notebook, qda, graph,
// frontdoor and the small packages under them, and the engine that runs
// any study: compendium and cli) knows no study: a researcher can use it
// for another study or for an edge list of their own. The study layer (study,
// alliance, paper, synthcoding) knows one study and its data model,
// registers itself with the engine, and may import the core.
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
// patterns ending in "/..." (the package and everything under it): the
// paper's study and the synthetic coding study, each of which registers
// itself with the engine.
var Study = []string{
	"github.com/nexus-toolkit/nexus/analysis/study",
	"github.com/nexus-toolkit/nexus/analysis/alliance/...",
	"github.com/nexus-toolkit/nexus/analysis/paper",
	"github.com/nexus-toolkit/nexus/analysis/synthcoding",
}

// Engine lists the packages that run any registered study: the study
// registry, build, verify and manifest (compendium), the command line
// (cli) and the writer of new compendia (scaffold). They may import the core and must not import a study; the
// nexus command (cmd/nexus) blank-imports the studies instead.
var Engine = []string{
	"github.com/nexus-toolkit/nexus/analysis/compendium",
	"github.com/nexus-toolkit/nexus/analysis/cli",
	"github.com/nexus-toolkit/nexus/analysis/scaffold",
}

// Core lists the packages that must not import the study layer: the
// core proper (knows no study) and the Engine.
var Core = append(core, Engine...)

// core lists the core proper.
var core = []string{
	"github.com/nexus-toolkit/nexus/analysis/bib",
	"github.com/nexus-toolkit/nexus/analysis/build",
	"github.com/nexus-toolkit/nexus/analysis/datapkg",
	"github.com/nexus-toolkit/nexus/analysis/figure/...",
	"github.com/nexus-toolkit/nexus/analysis/frame",
	"github.com/nexus-toolkit/nexus/analysis/frontdoor",
	"github.com/nexus-toolkit/nexus/analysis/graph/...",
	"github.com/nexus-toolkit/nexus/analysis/notebook/...",
	"github.com/nexus-toolkit/nexus/analysis/qda/...",
	"github.com/nexus-toolkit/nexus/analysis/quotes",
	"github.com/nexus-toolkit/nexus/analysis/safefile",
	"github.com/nexus-toolkit/nexus/analysis/table",
}

// Exceptions are core packages that still reach the study layer in one
// way, keyed by Violation.Key ("package (kind)"), with the reason and the
// work that removes it. A listed violation that no longer happens is an
// error too, so the list stays true.
var Exceptions = map[string]string{
	"github.com/nexus-toolkit/nexus/analysis/notebook (string)": "the import guard names this repository's packages (allowedTrees, deniedTrees in guard.go); " +
		"issue 17, item 4, notebook engine options: the compendium passes them in",
	"github.com/nexus-toolkit/nexus/analysis/compendium (test import)": "its tests run the engine on the registered studies (the paper, the synthetic coding study); " +
		"its own code imports none",
	"github.com/nexus-toolkit/nexus/analysis/cli (test import)": "its tests run the command line on the registered studies; its own code imports none",
	"github.com/nexus-toolkit/nexus/analysis/scaffold (string)": "it names the toolkit's module path (ToolkitModule) for the require and replace lines of a new compendium's go.mod; " +
		"it imports no study",
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
