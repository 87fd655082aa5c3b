package layering

import (
	"go/ast"
	"go/parser"
	"go/token"
	"sort"
	"strconv"
	"strings"
)

// Module is the import path of this module. Check follows import paths
// written in strings only when they name a package of it.
const Module = "github.com/nexus-toolkit/nexus"

// Kinds of edge of the import graph, as a Violation names the first one.
const (
	KindImport     = "import"      // a Go file of the package imports it
	KindTestImport = "test import" // a _test.go file imports it (go list's TestImports or XTestImports)
	KindString     = "string"      // a string literal of a Go file (go list arguments, an allowlist) names it
)

// Package is one package of the module as Check sees it.
type Package struct {
	ImportPath   string
	Imports      []string // of the package's Go files
	TestImports  []string // of its in-package _test.go files
	XTestImports []string // of its external _test package
	// Strings are the packages of Module, or patterns ending in "/...",
	// that string literals of any of its Go files (tests included) name;
	// see PathsInSource.
	Strings []string
}

// Violation is a core package that reaches the study layer.
type Violation struct {
	Package string
	Kind    string   // how Package itself reaches the first step: KindImport, KindTestImport or KindString
	Path    []string // the shortest chain, from Package to a study-layer package
}

// String prints the chain and, unless it starts with a plain import, how:
// "a -> b -> github.com/nexus-toolkit/nexus/analysis/study (test import)".
func (v Violation) String() string {
	s := strings.Join(v.Path, " -> ")
	if v.Kind != KindImport {
		s += " (" + v.Kind + ")"
	}
	return s
}

// Check takes the packages of the module and returns, in package order,
// every core package that reaches the study layer, and every package in
// Scope that is neither core nor study. A core package reaches the study
// layer when it, its tests or its strings name a study-layer package, or
// a package that imports one, directly or through others. Beyond the
// first step only the imports of the packages' Go files count: that is
// what a build links.
func Check(pkgs []Package) (violations []Violation, unclassified []string) {
	byPath := make(map[string]*Package, len(pkgs))
	for i := range pkgs {
		byPath[pkgs[i].ImportPath] = &pkgs[i]
	}
	names := make([]string, 0, len(byPath))
	for p := range byPath {
		names = append(names, p)
	}
	sort.Strings(names)
	for _, name := range names {
		p := byPath[name]
		core, study := matchAny(Core, name), matchAny(Study, name)
		switch {
		case core:
			if v, ok := reach(byPath, names, p); ok {
				violations = append(violations, v)
			}
		case !study && Match(Scope, name):
			unclassified = append(unclassified, name)
		}
	}
	return violations, unclassified
}

// firstSteps returns the packages p names, each with the kind of its
// first mention (imports before test imports before strings), in sorted
// order. A pattern in a string stands for every package of names it
// matches, and for itself; a path of the module in a string that is no
// package (an allowlist's Module+"/analysis") stands for the tree below it.
func firstSteps(p *Package, names []string) (steps []string, kind map[string]string) {
	kind = map[string]string{}
	add := func(q, k string) {
		if _, ok := kind[q]; !ok && q != p.ImportPath {
			kind[q] = k
			steps = append(steps, q)
		}
	}
	for _, q := range p.Imports {
		add(q, KindImport)
	}
	for _, q := range append(append([]string(nil), p.TestImports...), p.XTestImports...) {
		add(q, KindTestImport)
	}
	known := map[string]bool{}
	for _, q := range names {
		known[q] = true
	}
	for _, s := range p.Strings {
		if !known[s] && !strings.HasSuffix(s, "/...") {
			s += "/..." // no package: a tree, as an allowlist's prefix is
		}
		add(s, KindString)
		if strings.HasSuffix(s, "/...") {
			for _, q := range names {
				if Match(s, q) {
					add(q, KindString)
				}
			}
		}
	}
	sort.Strings(steps)
	return steps, kind
}

// reach returns the shortest chain from p to a study-layer package
// (breadth first, in sorted order), and whether there is one.
func reach(byPath map[string]*Package, names []string, p *Package) (Violation, bool) {
	steps, kind := firstSteps(p, names)
	prev := map[string]string{p.ImportPath: ""}
	var queue []string
	for _, q := range steps {
		prev[q] = p.ImportPath
		queue = append(queue, q)
	}
	for len(queue) > 0 {
		q := queue[0]
		queue = queue[1:]
		if matchAny(Study, q) || strings.HasSuffix(q, "/...") && patternHasStudy(q) {
			var path []string
			for r := q; r != ""; r = prev[r] {
				path = append(path, r)
			}
			for i, j := 0, len(path)-1; i < j; i, j = i+1, j-1 {
				path[i], path[j] = path[j], path[i]
			}
			return Violation{Package: p.ImportPath, Kind: kind[path[1]], Path: path}, true
		}
		var next []string
		if pk := byPath[q]; pk != nil {
			next = append(next, pk.Imports...)
		}
		sort.Strings(next)
		for _, r := range next {
			if _, seen := prev[r]; !seen {
				prev[r] = q
				queue = append(queue, r)
			}
		}
	}
	return Violation{}, false
}

// patternHasStudy reports whether a pattern "x/..." covers a study-layer
// package pattern or path: Module/analysis/... covers .../analysis/study.
func patternHasStudy(pattern string) bool {
	for _, s := range Study {
		if Match(pattern, strings.TrimSuffix(s, "/...")) {
			return true
		}
	}
	return false
}

// PathsInSource returns the import paths of Module (and patterns ending
// in "/...") that the string literals of a Go file name, in order of
// appearance: the arguments of a `go list`, an allowlist of a notebook
// engine, an import line of Go source kept in a string. A prefix ending
// in "/" names no package and is not returned.
func PathsInSource(filename string, src []byte) ([]string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), filename, src, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	var out []string
	ast.Inspect(f, func(n ast.Node) bool {
		lit, ok := n.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return true
		}
		s, err := strconv.Unquote(lit.Value)
		if err != nil {
			return true
		}
		out = append(out, pathsIn(s)...)
		return true
	})
	return out, nil
}

// pathsIn returns the words of s that are import paths of Module, or
// patterns of them.
func pathsIn(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '"' || r == '`' || r == '\'' || r == ',' || r == ';' || r == '(' || r == ')' || r == '='
	}) {
		if !strings.HasSuffix(w, "/...") {
			w = strings.TrimRight(w, ".:")
		}
		if strings.HasSuffix(w, "/") || w != Module && !strings.HasPrefix(w, Module+"/") {
			continue
		}
		out = append(out, w)
	}
	return out
}
