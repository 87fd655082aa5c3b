// Package layering states which nexus packages are the core and which
// are the study layer, and checks that no core package imports the study
// layer, directly or through another package.
//
// The core (datapkg, table, figure, build, bib, notebook, qda, graph and
// the small packages under them) knows no study: a researcher can use it
// for another study or for an edge list of their own. The study layer
// (study, alliance, paper, compendium, cli) knows this paper and its data
// model, and may import the core. TestLayering runs `go list -deps` over
// the module and fails on any core package that reaches the study layer,
// naming the chain of imports, and on any package under analysis/ that
// is in neither list, so that a new package is placed on purpose.
package layering

import (
	"sort"
	"strings"
)

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
var Exceptions = map[string]string{}

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

// Violation is a core package that reaches the study layer.
type Violation struct {
	Package string
	Path    []string // the shortest chain of imports, from Package to a study-layer package
}

// String prints the chain: "a -> b -> github.com/nexus-toolkit/nexus/analysis/study".
func (v Violation) String() string { return strings.Join(v.Path, " -> ") }

// Check takes the import graph of the module (each package's direct
// imports) and returns, in package order, every core package that
// reaches the study layer, and every package in Scope that is neither
// core nor study.
func Check(imports map[string][]string) (violations []Violation, unclassified []string) {
	pkgs := make([]string, 0, len(imports))
	for p := range imports {
		pkgs = append(pkgs, p)
	}
	sort.Strings(pkgs)
	for _, p := range pkgs {
		core, study := matchAny(Core, p), matchAny(Study, p)
		switch {
		case core:
			if path := reach(imports, p); path != nil {
				violations = append(violations, Violation{Package: p, Path: path})
			}
		case !study && Match(Scope, p):
			unclassified = append(unclassified, p)
		}
	}
	return violations, unclassified
}

// reach returns the shortest import chain from pkg to a study-layer
// package (breadth first, imports in sorted order), or nil.
func reach(imports map[string][]string, pkg string) []string {
	prev := map[string]string{pkg: ""}
	queue := []string{pkg}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		if matchAny(Study, p) {
			var path []string
			for q := p; q != ""; q = prev[q] {
				path = append(path, q)
			}
			for i, j := 0, len(path)-1; i < j; i, j = i+1, j-1 {
				path[i], path[j] = path[j], path[i]
			}
			return path
		}
		next := append([]string(nil), imports[p]...)
		sort.Strings(next)
		for _, q := range next {
			if _, seen := prev[q]; !seen {
				prev[q] = p
				queue = append(queue, q)
			}
		}
	}
	return nil
}
