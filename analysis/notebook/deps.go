package notebook

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// goPackage is one package as go list -json reports it: what the
// resolver needs (its name and where its files are) and what the cache key
// and the make rules need (every file it compiles, its imports, its module).
type goPackage struct {
	ImportPath string
	Name       string
	Dir        string
	Standard   bool
	DepOnly    bool
	GoFiles    []string
	CgoFiles   []string
	CFiles     []string
	CXXFiles   []string
	HFiles     []string
	SFiles     []string
	SysoFiles  []string
	EmbedFiles []string
	Imports    []string
	Module     *goModule
	Error      *struct{ Err string }
}

// goModule is the module of a package.
type goModule struct {
	Path      string
	Version   string
	Dir       string
	GoVersion string
	Main      bool
	Replace   *goModule
}

// goListFields are the fields of goPackage, for go list -json=...
const goListFields = "ImportPath,Name,Dir,Standard,DepOnly,GoFiles,CgoFiles,CFiles,CXXFiles,HFiles,SFiles,SysoFiles,EmbedFiles,Imports,Module,Error"

// local reports whether the package's source is read from a directory of
// the compendium's own (the main module, a module of the workspace or a
// module replaced by a directory) rather than from a module version: the
// cache key hashes its files, and the make rules name them.
func (p *goPackage) local() bool {
	if p.Standard || p.Module == nil {
		return !p.Standard
	}
	return p.Module.Main || p.Module.Replace != nil && p.Module.Replace.Version == ""
}

// files returns every file the package compiles, relative to its directory,
// sorted: Go and cgo files, C, C++, header, assembly and syso files, and
// embedded files.
func (p *goPackage) files() []string {
	var fs []string
	for _, l := range [][]string{p.GoFiles, p.CgoFiles, p.CFiles, p.CXXFiles, p.HFiles, p.SFiles, p.SysoFiles, p.EmbedFiles} {
		fs = append(fs, l...)
	}
	sort.Strings(fs)
	return fs
}

// version returns the module version the package is read from: its
// module, or the module version that replaces it.
func (p *goPackage) version() *goModule {
	if p.Module != nil && p.Module.Replace != nil {
		return p.Module.Replace
	}
	return p.Module
}

// graph is the package graph of one render: every package a notebook may
// import, with every package they depend on, as one go list run inside
// the compendium's module reports them.
type graph struct {
	root   string
	byPath map[string]*goPackage
	sums   map[string]string // "path version" -> the module's hash in go.sum
	hashes map[string]string // import path -> hash of the package's source
}

// goList runs go list -e -deps -json in root on the patterns (of an
// allowlist, so import paths and path/... patterns only) and adds the
// packages to g.
func (g *graph) goList(patterns []string) error {
	if len(patterns) == 0 {
		return nil
	}
	args := append([]string{"list", "-e", "-deps", "-json=" + goListFields, "--"}, patterns...)
	cmd := exec.Command("go", args...)
	cmd.Dir = g.root
	cmd.Env = scrubbedEnv(append(append([]string(nil), goEnv...), proxyEnv...))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("go list in %s: %v\n%s", g.root, err, strings.TrimSpace(stderr.String()))
	}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p goPackage
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			return nil
		} else if err != nil {
			return fmt.Errorf("go list in %s: %v", g.root, err)
		}
		if old, ok := g.byPath[p.ImportPath]; ok && !old.DepOnly {
			continue // first listed as a match: it stays one
		}
		g.byPath[p.ImportPath] = &p
	}
}

// ensure lists the packages of paths that g does not hold yet.
func (g *graph) ensure(paths []string) error {
	var missing []string
	for _, p := range paths {
		if g.byPath[p] == nil {
			missing = append(missing, p)
		}
	}
	return g.goList(missing)
}

// closure returns the import paths of the packages a program importing
// paths compiles (the packages and every dependency), sorted. A package go
// list could not find is returned too: the build will report it.
func (g *graph) closure(paths []string) ([]string, error) {
	if err := g.ensure(paths); err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	stack := append([]string(nil), paths...)
	for len(stack) > 0 {
		p := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[p] || p == "C" {
			continue
		}
		seen[p] = true
		if pkg := g.byPath[p]; pkg != nil {
			stack = append(stack, pkg.Imports...)
		}
	}
	out := make([]string, 0, len(seen))
	for p := range seen {
		out = append(out, p)
	}
	sort.Strings(out)
	return out, nil
}

// hash returns the hash of what the package at path contributes to a
// program: nothing but "std" for the standard library (the Go version is
// keyed apart); for a local package the module's path and go version and
// every file it compiles, by name and content; for a package of a module
// version the module's path, version, go version and its hash in go.sum.
func (g *graph) hash(path string) (string, error) {
	if h, ok := g.hashes[path]; ok {
		return h, nil
	}
	p := g.byPath[path]
	h := sha256.New()
	field := func(name, value string) { fmt.Fprintf(h, "%s %d\n%s\n", name, len(value), value) }
	switch {
	case p == nil:
		field("unknown", path)
	case p.Error != nil:
		field("error", p.Error.Err)
	case p.Standard:
		field("std", path)
	case p.local():
		if m := p.Module; m != nil {
			field("module", m.Path+" "+m.GoVersion)
		}
		for _, f := range p.files() {
			b, err := os.ReadFile(filepath.Join(p.Dir, f))
			if err != nil {
				return "", fmt.Errorf("package %s: %v", path, err)
			}
			field("file "+f, string(b))
		}
	default:
		m := p.version()
		sums, err := g.goSum()
		if err != nil {
			return "", err
		}
		field("module", m.Path+" "+m.Version+" "+m.GoVersion+" "+sums[m.Path+" "+m.Version])
	}
	s := hex.EncodeToString(h.Sum(nil))
	g.hashes[path] = s
	return s, nil
}

// goSum reads the module hashes of root/go.sum (not those of go.mod files)
// once; a missing go.sum has none.
func (g *graph) goSum() (map[string]string, error) {
	if g.sums != nil {
		return g.sums, nil
	}
	g.sums = map[string]string{}
	f, err := os.Open(filepath.Join(g.root, "go.sum"))
	if errors.Is(err, os.ErrNotExist) {
		return g.sums, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) == 3 && !strings.HasSuffix(fs[1], "/go.mod") {
			g.sums[fs[0]+" "+fs[1]] = fs[2]
		}
	}
	return g.sums, sc.Err()
}

// codeHash returns the hash of the packages of closure, each by path and
// hash.
func (g *graph) codeHash(closure []string) (string, error) {
	h := sha256.New()
	for _, p := range closure {
		s, err := g.hash(p)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s %s\n", p, s)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// ModulePath returns the module path that the go.mod file in root
// declares: the compendium's module, inside which the notebook programs
// are built.
func ModulePath(root string) (string, error) {
	name := filepath.Join(root, "go.mod")
	b, err := os.ReadFile(name)
	if err != nil {
		return "", err
	}
	for i, l := range strings.Split(string(b), "\n") {
		l, _, _ = strings.Cut(l, "//")
		f := strings.Fields(l)
		if len(f) == 0 || f[0] != "module" {
			continue
		}
		if len(f) == 2 {
			if p, err := strconv.Unquote(f[1]); err == nil {
				return p, nil
			}
			return f[1], nil
		}
		return "", fmt.Errorf("%s:%d: module directive %q, expected module PATH", name, i+1, strings.TrimSpace(l))
	}
	return "", fmt.Errorf("%s: no module directive, expected module PATH", name)
}
