// Package scaffold writes a new research compendium, in the spirit of
// `quarto create project` and rrtools' use_compendium: the layout of
// this repository (analysis/, cmd/nexus/, datasets/, figures/,
// notebooks/, a Makefile, go.mod and go.sum, a README with the two
// commands, .ci/run and a workflow), a valid data package v0.1.0 with
// its schema and hashes, a study package that registers one table and
// one figure with the engine (package compendium), and a notebook with
// prose, an inline value and a claim. With no edit, `make`, `make test`
// and `make verify` pass in it. `nexus new DIR` calls New.
//
// The files come from the templates under template/, embedded in the
// binary; [[ and ]] delimit their fields (Fields), so the Makefile's $(...)
// and Go's braces need no escaping.
//
// It knows no study of this repository.
package scaffold

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"text/template"

	"github.com/nexus-toolkit/nexus/analysis/datapkg"
)

//go:embed all:template
var templates embed.FS

// ToolkitModule is the module path of the toolkit a compendium requires.
const ToolkitModule = "github.com/nexus-toolkit/nexus"

// GoDirective is the go line of a new compendium's go.mod: the toolkit's
// own, so that requiring the toolkit changes nothing.
const GoDirective = "1.26.0"

// DevelVersion is the version a compendium requires while a replace
// directive points at a local checkout of the toolkit: a placeholder that
// no proxy serves, so a go.mod without the replace fails loudly.
const DevelVersion = "v0.0.0-00010101000000-000000000000"

// Options say what New writes. Only Toolkit or ToolkitVersion is needed;
// the rest is derived from the directory's name.
type Options struct {
	// Module is the new compendium's module path; "" uses Name.
	Module string
	// Name is the name of the data package and of the study that claims
	// it: lower-case words joined by '-'; "" uses the directory's name.
	Name string
	// Package is the Go package name of the study, under analysis/; ""
	// derives it from Name (its letters and digits, "study" first when it
	// would start with a digit).
	Package string
	// Title is the study's one-line title.
	Title string
	// Toolkit is a local checkout of the toolkit (a directory holding its
	// go.mod): go.mod gets a replace directive to it, relative to the
	// new directory when both are on one volume. "" requires the
	// published ToolkitVersion instead.
	Toolkit string
	// ToolkitVersion is the toolkit version go.mod requires; "" means
	// DevelVersion, which needs Toolkit.
	ToolkitVersion string
}

// Fields are the values the templates use.
type Fields struct {
	Module, Name, Package, Title string
	Toolkit, ToolkitVersion      string
	GoDirective, GoVersion       string
}

var (
	nameRule   = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	pkgRule    = regexp.MustCompile(`^[a-z][a-z0-9]*$`)
	moduleRule = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._~-]*(/[A-Za-z0-9._~-]+)*$`)
)

// ErrNotEmpty is wrapped by New's error for a directory that is not
// empty.
var ErrNotEmpty = errors.New("directory is not empty")

// fields completes opt for the directory dir and checks it, reporting
// every problem.
func fields(dir string, opt Options) (Fields, error) {
	f := Fields{Module: opt.Module, Name: opt.Name, Package: opt.Package, Title: opt.Title,
		ToolkitVersion: opt.ToolkitVersion, GoDirective: GoDirective, GoVersion: goMinor(GoDirective)}
	var errs []error
	if f.Name == "" {
		f.Name = strings.ToLower(filepath.Base(filepath.Clean(dir)))
	}
	if !nameRule.MatchString(f.Name) {
		errs = append(errs, fmt.Errorf("name %q: expected lower-case letters and digits in words joined by '-' (give one with -name)", f.Name))
	}
	if f.Module == "" {
		f.Module = f.Name
	}
	if !moduleRule.MatchString(f.Module) || strings.Contains(f.Module, "..") {
		errs = append(errs, fmt.Errorf("module path %q: expected a path such as github.com/you/%s", f.Module, f.Name))
	}
	if f.Package == "" {
		f.Package = strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, f.Name)
		if f.Package != "" && f.Package[0] >= '0' && f.Package[0] <= '9' {
			f.Package = "study" + f.Package
		}
	}
	if !pkgRule.MatchString(f.Package) {
		errs = append(errs, fmt.Errorf("package %q: expected a Go package name of lower-case letters and digits", f.Package))
	}
	if f.Title == "" {
		f.Title = f.Name + " (starter study)"
	}
	if strings.ContainsAny(f.Title, "\"\\\n") {
		errs = append(errs, fmt.Errorf("title %q: expected one line without quotes or backslashes", f.Title))
	}
	if opt.Toolkit != "" {
		rel, err := toolkitPath(dir, opt.Toolkit)
		if err != nil {
			errs = append(errs, err)
		}
		f.Toolkit = rel
	}
	if f.ToolkitVersion == "" {
		f.ToolkitVersion = DevelVersion
		if opt.Toolkit == "" {
			errs = append(errs, errors.New("no toolkit: give a local checkout with -toolkit PATH, or the published version with -version"))
		}
	}
	return f, errors.Join(errs...)
}

// goMinor is "1.26" for "1.26.0".
func goMinor(v string) string {
	if parts := strings.Split(v, "."); len(parts) >= 2 {
		return parts[0] + "." + parts[1]
	}
	return v
}

// toolkitPath checks that toolkit is a checkout of the toolkit and returns
// the path go.mod's replace directive names: relative to dir (./ or ../
// first) when it can be, absolute otherwise.
func toolkitPath(dir, toolkit string) (string, error) {
	abs, err := filepath.Abs(toolkit)
	if err != nil {
		return "", err
	}
	mod, err := os.ReadFile(filepath.Join(abs, "go.mod"))
	if err != nil {
		return "", fmt.Errorf("-toolkit %s: %w, expected a checkout of %s", toolkit, err, ToolkitModule)
	}
	if first, _, _ := strings.Cut(string(mod), "\n"); strings.TrimSpace(first) != "module "+ToolkitModule {
		return "", fmt.Errorf("-toolkit %s: its go.mod declares %q, expected module %s", toolkit, strings.TrimSpace(first), ToolkitModule)
	}
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(absDir, abs)
	if err != nil {
		return filepath.ToSlash(abs), nil
	}
	rel = filepath.ToSlash(rel)
	if !strings.HasPrefix(rel, "../") && rel != ".." {
		rel = "./" + rel
	}
	return rel, nil
}

// Files returns the paths, relative to the new directory and sorted, of
// the files New writes for fields f.
func Files(f Fields) []string {
	var out []string
	fs.WalkDir(templates, "template", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, target(p, f))
		}
		return nil
	})
	slices.Sort(out)
	return out
}

// target maps a template's path to the file it writes: template/ and
// .tmpl dropped, analysis/study and datasets/name renamed after the
// study, gitignore dotted.
func target(p string, f Fields) string {
	p = strings.TrimSuffix(strings.TrimPrefix(p, "template/"), ".tmpl")
	switch {
	case strings.HasPrefix(p, "analysis/study/"):
		p = "analysis/" + f.Package + strings.TrimPrefix(p, "analysis/study")
	case strings.HasPrefix(p, "datasets/name/"):
		p = "datasets/" + f.Name + strings.TrimPrefix(p, "datasets/name")
	case p == "gitignore":
		p = ".gitignore"
	}
	return p
}

// New writes a compendium into dir, which must not exist or be empty:
// the templates filled with the fields of opt, the data package's hashes
// (datapkg.Rehash) and, through `go mod tidy`, go.sum. It refuses a
// directory that holds anything, naming what it holds. The files are
// written into a temporary directory beside dir and renamed into place
// only when all of them are, so a failure leaves no partial compendium.
// It returns the fields used.
func New(dir string, opt Options) (Fields, error) {
	f, err := fields(dir, opt)
	if err != nil {
		return f, err
	}
	if err := checkEmpty(dir); err != nil {
		return f, err
	}
	parent := filepath.Dir(filepath.Clean(dir))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return f, err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(filepath.Clean(dir))+".new-*")
	if err != nil {
		return f, err
	}
	defer os.RemoveAll(tmp) // a no-op once renamed
	if err := render(tmp, f); err != nil {
		return f, err
	}
	if _, _, err := datapkg.Rehash(filepath.Join(tmp, "datasets", f.Name, "v0.1.0"), datapkg.RehashOptions{}); err != nil {
		return f, fmt.Errorf("hashing the starter data: %w", err)
	}
	if err := os.MkdirAll(filepath.Join(tmp, "figures"), 0o755); err != nil {
		return f, err
	}
	if err := tidy(tmp); err != nil {
		return f, err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return f, err
	}
	// rename(2) replaces an empty directory, and refuses one that has
	// become non-empty meanwhile.
	if err := os.Rename(tmp, dir); err != nil {
		return f, fmt.Errorf("moving the new compendium into %s: %w", dir, err)
	}
	return f, nil
}

// checkEmpty refuses a dir that exists and holds anything, or is not a
// directory, naming up to ten of its entries.
func checkEmpty(dir string) error {
	st, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !st.IsDir() {
		return fmt.Errorf("%s: not a directory, expected a new or empty directory", dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	var names []string
	for i, e := range entries {
		if i == 10 {
			names = append(names, fmt.Sprintf("and %d more", len(entries)-10))
			break
		}
		n := e.Name()
		if e.IsDir() {
			n += "/"
		}
		names = append(names, n)
	}
	return fmt.Errorf("%s: %w: it holds %s; nexus new writes only into a new or empty directory", dir, ErrNotEmpty, strings.Join(names, ", "))
}

// render writes every template, filled with f, under root.
func render(root string, f Fields) error {
	return fs.WalkDir(templates, "template", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		raw, err := templates.ReadFile(p)
		if err != nil {
			return err
		}
		t, err := template.New(path.Base(p)).Delims("[[", "]]").Option("missingkey=error").Parse(string(raw))
		if err != nil {
			return err
		}
		var b bytes.Buffer
		if err := t.Execute(&b, f); err != nil {
			return err
		}
		out := filepath.Join(root, filepath.FromSlash(target(p, f)))
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		mode := os.FileMode(0o644)
		if info, err := d.Info(); err == nil && info.Mode()&0o111 != 0 || strings.HasSuffix(p, ".ci/run.tmpl") {
			mode = 0o755
		}
		return os.WriteFile(out, b.Bytes(), mode)
	})
}

// tidy runs `go mod tidy` in dir, which adds the toolkit's dependencies
// to go.mod and writes go.sum (from the module cache, or the module proxy
// when the cache lacks a module).
func tidy(dir string) error {
	gobin, err := exec.LookPath("go")
	if err != nil {
		return fmt.Errorf("go mod tidy: %w: nexus new needs the go command on PATH to write go.sum", err)
	}
	cmd := exec.Command(gobin, "mod", "tidy")
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go mod tidy in the new compendium: %w\n%s", err, strings.TrimSpace(out.String()))
	}
	return nil
}
