package notebook

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"sort"
	"strconv"
	"strings"
)

// allowedStd are the packages of the standard library that a notebook may
// import: formatting, parsing, text, numbers, sorting and collections. None of them
// opens files, starts processes or reaches the network. Package os is
// allowed for os.Stdout and os.Stderr only (see osAllowed).
var allowedStd = map[string]bool{
	"bytes": true, "cmp": true, "encoding/csv": true, "encoding/json": true,
	"errors": true, "fmt": true, "io": true, "iter": true, "regexp": true,
	"maps": true, "math": true, "math/big": true, "math/bits": true, "math/cmplx": true,
	"math/rand": true, "math/rand/v2": true, "os": true, "slices": true, "sort": true,
	"strconv": true, "strings": true, "text/tabwriter": true,
	"unicode": true, "unicode/utf16": true, "unicode/utf8": true,
}

// toolkit is the module path of the toolkit, whose core packages and cell
// API a notebook may import from any compendium.
const toolkit = "github.com/nexus-toolkit/nexus"

// corePackages are the toolkit's core packages under toolkit/analysis that
// a notebook may import, each with every package below it: the study's
// own packages are not among them, the compendium declares those
// (Options.Packages).
var corePackages = []string{"bib", "datapkg", "figure", "frame", "graph", "qda", "quotes", "safefile", "table"}

// allowedTrees are the other modules' import paths that a notebook may
// import together with every package below them: gonum, gonum/plot and
// gota.
var allowedTrees = []string{
	"gonum.org/v1/gonum",
	"gonum.org/v1/plot",
	"github.com/go-gota/gota",
}

// deniedTrees are the toolkit's packages that a notebook may not import,
// whatever the compendium declares: the ones that build, render or run
// other things, write outputs or are internal. The cell API (cellPath) is
// allowed.
var deniedTrees = []string{
	toolkit + "/analysis/build",
	toolkit + "/analysis/cli",
	toolkit + "/analysis/compendium",
	toolkit + "/analysis/notebook",
	toolkit + "/analysis/internal",
	toolkit + "/cmd",
	toolkit + "/internal",
}

// osAllowed are the names of package os that a notebook may use.
var osAllowed = map[string]bool{"Stdout": true, "Stderr": true}

// under reports whether p is tree or a package below it.
func under(p, tree string) bool { return p == tree || strings.HasPrefix(p, tree+"/") }

// Allowed reports whether a notebook of any compendium may import the
// package path p: the allowed standard packages, the cell API, the
// toolkit's core packages, gonum, gonum/plot and gota. A compendium's
// notebooks may also import its own study packages (Options.Packages).
func Allowed(p string) bool {
	if allowedStd[p] || p == cellPath {
		return true
	}
	for _, d := range deniedTrees {
		if under(p, d) {
			return false
		}
	}
	for _, c := range corePackages {
		if under(p, toolkit+"/analysis/"+c) {
			return true
		}
	}
	for _, a := range allowedTrees {
		if under(p, a) {
			return true
		}
	}
	return false
}

// allowlist is what the notebooks of one compendium may import: what
// Allowed accepts and the compendium's study packages, as import paths or
// PATH/... patterns (a package and every package below it).
type allowlist struct{ study []string }

// newAllowlist checks the patterns of Options.Packages.
func newAllowlist(patterns []string) (allowlist, error) {
	var bad []string
	for _, p := range patterns {
		tree := strings.TrimSuffix(p, "/...")
		if p == "" || strings.Contains(tree, "...") || strings.HasPrefix(p, ".") || strings.HasPrefix(p, "/") || strings.ContainsAny(p, " \\\t\n\"'`") {
			bad = append(bad, strconv.Quote(p))
		}
	}
	if len(bad) > 0 {
		return allowlist{}, fmt.Errorf("notebook packages %s, expected import paths, or PATH/... for a package and every package below it", strings.Join(bad, ", "))
	}
	return allowlist{study: patterns}, nil
}

// allowed reports whether a notebook may import p.
func (a allowlist) allowed(p string) bool {
	if Allowed(p) {
		return true
	}
	for _, d := range deniedTrees {
		if under(p, d) {
			return false
		}
	}
	return a.isStudy(p)
}

// isStudy reports whether p is one of the study packages.
func (a allowlist) isStudy(p string) bool {
	for _, s := range a.study {
		if tree, ok := strings.CutSuffix(s, "/..."); ok && under(p, tree) || p == s {
			return true
		}
	}
	return false
}

// patterns are the go list patterns of every package a notebook may
// import.
func (a allowlist) patterns() []string {
	ps := append([]string{cellPath}, seedImports...)
	for _, c := range corePackages {
		ps = append(ps, toolkit+"/analysis/"+c+"/...")
	}
	for _, t := range allowedTrees {
		ps = append(ps, t+"/...")
	}
	std := make([]string, 0, len(allowedStd))
	for p := range allowedStd {
		std = append(std, p)
	}
	sort.Strings(std)
	return append(append(ps, std...), a.study...)
}

// text names the allowed packages in error messages.
func (a allowlist) text() string {
	s := allowedText
	if len(a.study) > 0 {
		s = "the study packages " + strings.Join(a.study, ", ") + "; " + s
	}
	return s
}

// allowedText names the packages that Allowed accepts in error messages.
const allowedText = "the toolkit's packages bib, datapkg, figure, frame, graph, qda, quotes, safefile and table, the cell API, fmt, math, sort, strings, strconv, slices, maps, errors, bytes, io, unicode, regexp, text/tabwriter, encoding/csv and /json, gonum, gonum/plot and gota"

// guard checks the generated program src: every import must be allowed,
// and of package os only os.Stdout and os.Stderr may be used. Each problem
// is reported once, at the notebook line where the cell names the package
// (its import spec, else its first use).
func (a allowlist) guard(nb *Notebook, file, abs string, src []byte) error {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, src, parser.SkipObjectResolution)
	if err != nil {
		return compileProblems(nb, strings.ReplaceAll(errorLines(err), abs, nb.Path))
	}
	names := map[string]string{} // local name -> import path
	var probs Problems
	var denied []string
	for _, s := range f.Imports {
		p, _ := strconv.Unquote(s.Path.Value)
		name := p[strings.LastIndex(p, "/")+1:]
		if s.Name != nil {
			name = s.Name.Name
		}
		names[name] = p
		switch {
		case !a.allowed(p):
			denied = append(denied, p)
		case name == "." && p == "os":
			probs = append(probs, problem(nb.Path, 0, 0, `import . "os": a dot import of os is not allowed in a notebook`))
		}
	}
	firstUse := map[string]token.Position{}
	seen := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		id, ok := sel.X.(*ast.Ident)
		if !ok {
			return true
		}
		p := names[id.Name]
		pos := fset.Position(sel.Pos())
		if _, ok := firstUse[p]; !ok && p != "" {
			firstUse[p] = pos
		}
		key := p + "." + sel.Sel.Name
		if p != "os" || osAllowed[sel.Sel.Name] || seen[key] {
			return true
		}
		seen[key] = true
		line, col := at(pos, abs)
		probs = append(probs, problem(nb.Path, line, col, withCell(nb, line, fmt.Sprintf("os.%s may not be used in a notebook (only os.Stdout and os.Stderr), expected cell.ReadFile, cell.Open or cell.FS for files inside the repository", sel.Sel.Name))))
		return true
	})
	for _, p := range denied {
		line, col := quoted(nb, p)
		if line == 0 {
			line, col = at(firstUse[p], abs)
		}
		probs = append(probs, problem(nb.Path, line, col, withCell(nb, line, fmt.Sprintf("package %s may not be imported in a notebook, expected one of the allowed packages: %s", p, a.text()))))
	}
	return probs.err(nb)
}

// at returns the line and column of pos when it is in the notebook (the
// generated file's name is abs), else 0, 0.
func at(pos token.Position, abs string) (int, int) {
	if pos.Filename != abs {
		return 0, 0
	}
	return pos.Line, pos.Column
}

// quoted finds the first cell line that holds the import path p in double
// or back quotes and returns its notebook line and column, or 0, 0.
func quoted(nb *Notebook, p string) (int, int) {
	for _, c := range nb.Cells {
		if !c.Eval {
			continue
		}
		for i, l := range strings.Split(c.Code, "\n") {
			for _, q := range []string{`"` + p + `"`, "`" + p + "`"} {
				if j := strings.Index(l, q); j >= 0 {
					return c.CodeLine + i, j + 2
				}
			}
		}
	}
	return 0, 0
}
