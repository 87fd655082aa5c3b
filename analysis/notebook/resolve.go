package notebook

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// resolver gives the package a cell names without importing it: it knows
// every package of the allowlist by name, from one go list run.
type resolver struct {
	allow   allowlist
	graph   *graph
	byName  map[string][]*goPackage // in order of preference
	exports map[string]map[string]bool
}

// newResolver lists the packages of allow inside the module at root.
func newResolver(root string, allow allowlist) (*resolver, error) {
	g := &graph{root: root, byPath: map[string]*goPackage{}, hashes: map[string]string{}}
	if err := g.goList(allow.patterns()); err != nil {
		return nil, err
	}
	r := &resolver{allow: allow, graph: g, byName: map[string][]*goPackage{}, exports: map[string]map[string]bool{}}
	for _, p := range g.byPath {
		if p.DepOnly || p.Error != nil || p.Name == "" || p.Name == "main" || !allow.allowed(p.ImportPath) {
			continue
		}
		r.byName[p.Name] = append(r.byName[p.Name], p)
	}
	for _, ps := range r.byName {
		sort.Slice(ps, func(i, j int) bool {
			ti, tj := r.tier(ps[i].ImportPath), r.tier(ps[j].ImportPath)
			if ti != tj {
				return ti < tj
			}
			if len(ps[i].ImportPath) != len(ps[j].ImportPath) {
				return len(ps[i].ImportPath) < len(ps[j].ImportPath)
			}
			return ps[i].ImportPath < ps[j].ImportPath
		})
	}
	return r, nil
}

// tier orders the packages of one name: the cell API and gonum/plot's
// plot, plotter, vg and draw first, then the study packages and the
// toolkit's core packages (not the packages below them), then the
// standard library, then the rest.
func (r *resolver) tier(p string) int {
	switch {
	case p == cellPath || contains(seedImports, p):
		return 0
	case r.allow.isStudy(p):
		return 1
	case strings.HasPrefix(p, toolkit+"/analysis/") && contains(corePackages, strings.TrimPrefix(p, toolkit+"/analysis/")):
		return 1
	case allowedStd[p]:
		return 2
	}
	return 3
}

func contains(list []string, s string) bool {
	for _, l := range list {
		if l == s {
			return true
		}
	}
	return false
}

// imports returns the import specs of the program f (its own imports, then
// one for each package it names without importing, sorted by path) and
// the import paths. A name that matches no allowed package stays
// unresolved, for the compiler to report.
func (r *resolver) imports(f *ast.File) (specs, paths []string) {
	have := map[string]bool{}
	seen := map[string]bool{}
	add := func(spec, p string) {
		if !seen[spec] {
			seen[spec] = true
			specs = append(specs, spec)
			paths = append(paths, p)
		}
	}
	for _, s := range f.Imports {
		p, _ := strconv.Unquote(s.Path.Value)
		spec := s.Path.Value
		if s.Name != nil {
			spec = s.Name.Name + " " + spec
			have[s.Name.Name] = true
		} else {
			have[r.name(p)] = true
		}
		add(spec, p)
	}
	refs := map[string][]string{} // name -> the selectors used on it
	ast.Inspect(f, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		if id, ok := sel.X.(*ast.Ident); ok && id.Obj == nil && !have[id.Name] {
			refs[id.Name] = append(refs[id.Name], sel.Sel.Name)
		}
		return true
	})
	var found []*goPackage
	for name, syms := range refs {
		if p := r.lookup(name, syms); p != nil {
			found = append(found, p)
		}
	}
	sort.Slice(found, func(i, j int) bool { return found[i].ImportPath < found[j].ImportPath })
	for _, p := range found {
		spec := strconv.Quote(p.ImportPath)
		if p.Name != guessName(p.ImportPath) {
			spec = p.Name + " " + spec
		}
		add(spec, p.ImportPath)
	}
	return specs, paths
}

// name returns the package name of the import path p: the one go list
// gave, else the one its path suggests.
func (r *resolver) name(p string) string {
	if pkg := r.graph.byPath[p]; pkg != nil && pkg.Name != "" {
		return pkg.Name
	}
	return guessName(p)
}

// guessName is the package name an import path suggests: its last element
// without a major version suffix (math/rand/v2 is rand, gopkg.in/yaml.v3
// is yaml).
func guessName(p string) string {
	elems := strings.Split(p, "/")
	last := elems[len(elems)-1]
	if len(elems) > 1 && len(last) > 1 && last[0] == 'v' && strings.Trim(last[1:], "0123456789") == "" {
		last = elems[len(elems)-2]
	}
	if i := strings.Index(last, ".v"); i > 0 {
		last = last[:i]
	}
	return strings.TrimPrefix(last, "go-")
}

// lookup returns the allowed package named name that exports every one of
// syms, the most preferred if several do, else the most preferred of that
// name; nil when no allowed package has the name.
func (r *resolver) lookup(name string, syms []string) *goPackage {
	cands := r.byName[name]
	if len(cands) <= 1 {
		if len(cands) == 0 {
			return nil
		}
		return cands[0]
	}
	for _, p := range cands {
		ex := r.exported(p)
		all := true
		for _, s := range syms {
			all = all && ex[s]
		}
		if all {
			return p
		}
	}
	return cands[0]
}

// exported returns the exported top-level names of the package p, read
// from its Go files.
func (r *resolver) exported(p *goPackage) map[string]bool {
	if ex, ok := r.exports[p.ImportPath]; ok {
		return ex
	}
	ex := map[string]bool{}
	fset := token.NewFileSet()
	for _, name := range append(append([]string(nil), p.GoFiles...), p.CgoFiles...) {
		f, err := parser.ParseFile(fset, filepath.Join(p.Dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			continue
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil && d.Name.IsExported() {
					ex[d.Name.Name] = true
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						ex[s.Name.Name] = s.Name.IsExported()
					case *ast.ValueSpec:
						for _, n := range s.Names {
							ex[n.Name] = n.IsExported()
						}
					}
				}
			}
		}
	}
	r.exports[p.ImportPath] = ex
	return ex
}
