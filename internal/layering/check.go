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
	Kind    string   // how Package takes the first step: KindImport, KindTestImport or KindString
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
// a package that imports one, directly or through others; each of the
// three ways is a violation of its own, in the order of the kinds, so
// that an exception for one (Exceptions) hides no other. Beyond the first
// step only the imports of the packages' Go files count: that is what a
// build links.
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
			for _, kind := range []string{KindImport, KindTestImport, KindString} {
				if path := reach(byPath, p, firstSteps(p, names, kind)); path != nil {
					violations = append(violations, Violation{Package: name, Kind: kind, Path: path})
				}
			}
		case !study && Match(Scope, name):
			unclassified = append(unclassified, name)
		}
	}
	return violations, unclassified
}

// firstSteps returns the packages p names in the way kind says, in
// sorted order. A pattern in a string stands for every package of names
// it matches, and for itself; a path of the module in a string that is
// no package (an allowlist's Module+"/analysis") stands for the tree
// below it.
func firstSteps(p *Package, names []string, kind string) []string {
	seen := map[string]bool{p.ImportPath: true}
	var steps []string
	add := func(q string) {
		if !seen[q] {
			seen[q] = true
			steps = append(steps, q)
		}
	}
	switch kind {
	case KindImport:
		for _, q := range p.Imports {
			add(q)
		}
	case KindTestImport:
		for _, q := range append(append([]string(nil), p.TestImports...), p.XTestImports...) {
			add(q)
		}
	case KindString:
		known := map[string]bool{}
		for _, q := range names {
			known[q] = true
		}
		for _, s := range p.Strings {
			if !known[s] && !strings.HasSuffix(s, "/...") {
				s += "/..." // no package: a tree, as an allowlist's prefix is
			}
			add(s)
			if strings.HasSuffix(s, "/...") {
				for _, q := range names {
					if Match(s, q) {
						add(q)
					}
				}
			}
		}
	}
	sort.Strings(steps)
	return steps
}

// reach returns the shortest chain from p through one of steps to a
// study-layer package (breadth first, in sorted order), or nil.
func reach(byPath map[string]*Package, p *Package, steps []string) []string {
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
			return path
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
	return nil
}

// Key returns how Exceptions names the violation: the package and, in
// parentheses, the kind, as "github.com/.../analysis/cli (test import)".
func (v Violation) Key() string { return v.Package + " (" + v.Kind + ")" }

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
// engine, an import line of Go source kept in a string. The file's own
// imports are not strings (go list reports them), and a prefix ending in
// "/" names no package and is not returned.
func PathsInSource(filename string, src []byte) ([]string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), filename, src, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	var out []string
	ast.Inspect(f, func(n ast.Node) bool {
		if _, ok := n.(*ast.ImportSpec); ok {
			return false // an import, which go list reports with the build's tags
		}
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
