package notebook

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
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

// allowedTrees are import paths that a notebook may import together with
// every package below them: the study's analysis packages, gonum, gonum/plot
// and gota.
var allowedTrees = []string{
	"github.com/nexus-toolkit/nexus/analysis",
	"gonum.org/v1/gonum",
	"gonum.org/v1/plot",
	"github.com/go-gota/gota",
}

// deniedTrees are the packages under allowedTrees that a notebook may not
// import: the ones that build, render or run other things, write outputs
// or are internal. The cell API (cellPath) is allowed.
var deniedTrees = []string{
	"github.com/nexus-toolkit/nexus/analysis/build",
	"github.com/nexus-toolkit/nexus/analysis/compendium",
	"github.com/nexus-toolkit/nexus/analysis/notebook",
	"github.com/nexus-toolkit/nexus/analysis/internal",
}

// osAllowed are the names of package os that a notebook may use.
var osAllowed = map[string]bool{"Stdout": true, "Stderr": true}

// under reports whether p is tree or a package below it.
func under(p, tree string) bool { return p == tree || strings.HasPrefix(p, tree+"/") }

// Allowed reports whether a notebook may import the package path p.
func Allowed(p string) bool {
	if allowedStd[p] || p == cellPath {
		return true
	}
	for _, d := range deniedTrees {
		if under(p, d) {
			return false
		}
	}
	for _, a := range allowedTrees {
		if under(p, a) {
			return true
		}
	}
	return false
}

// allowedText names the allowed packages in error messages.
const allowedText = "the analysis packages, the cell API, fmt, math, sort, strings, strconv, slices, maps, errors, bytes, io, unicode, regexp, text/tabwriter, encoding/csv and /json, gonum, gonum/plot and gota"

// guard checks the generated program src: every import must be Allowed,
// and of package os only os.Stdout and os.Stderr may be used. Each problem
// is reported once, at the notebook line where the cell names the package
// (its import spec, else its first use).
func guard(nb *Notebook, file, abs string, src []byte) error {
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
		case !Allowed(p):
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
		probs = append(probs, problem(nb.Path, line, col, withCell(nb, line, fmt.Sprintf("package %s may not be imported in a notebook, expected one of the allowed packages: %s", p, allowedText))))
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
