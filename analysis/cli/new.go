package cli

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/scaffold"
)

func init() {
	commands["new"] = command{summary: "start a new compendium in DIR: layout, data package, study, notebook, Makefile, CI", run: cmdNew}
}

var newSpec = spec{
	name:     "new",
	synopsis: []string{"new [-toolkit PATH | -version V] [-name NAME] [-module PATH] [-package NAME] [-title TEXT] DIR"},
	about: `Writes a research compendium into DIR, which must be new or empty:
analysis/ (a study package that registers one table and one figure),
cmd/nexus/, datasets/NAME/v0.1.0/ (a valid data package with schema and
hashes, of SYNTHETIC starter data), figures/, notebooks/ (a notebook with
prose, an inline value and a claim), a Makefile, go.mod and go.sum, a
README with the two commands, .ci/run and a GitHub workflow. With no
edit, make, make test and make verify pass in it.

go.mod requires the toolkit: with -toolkit, a local checkout of it
through a replace directive (relative to DIR); otherwise the published
-version, by default the version this nexus was built with. go.sum comes
from go mod tidy, which needs the go command (and the module proxy for
modules the cache lacks).`,
}

func cmdNew(stdout, stderr io.Writer, args []string) error {
	fs := newSpec.flags()
	var opt scaffold.Options
	fs.StringVar(&opt.Toolkit, "toolkit", "", "build against the local checkout of the toolkit at `PATH` (a replace directive)")
	fs.StringVar(&opt.ToolkitVersion, "version", "", "require the published toolkit version `V` (default: this nexus's)")
	fs.StringVar(&opt.Name, "name", "", "the data package and study `name` (default: DIR's name)")
	fs.StringVar(&opt.Module, "module", "", "the module `path` of the compendium (default: the name)")
	fs.StringVar(&opt.Package, "package", "", "the Go package `name` of the study under analysis/ (default: from the name)")
	fs.StringVar(&opt.Title, "title", "", "the study's one-line `title`")
	if err := newSpec.parse(fs, stdout, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("new", "expected one directory, got %d arguments", fs.NArg())
	}
	if opt.Toolkit == "" && opt.ToolkitVersion == "" {
		opt.ToolkitVersion = toolkitVersion()
	}
	dir := fs.Arg(0)
	f, err := scaffold.New(dir, opt)
	if errors.Is(err, scaffold.ErrNotEmpty) {
		return err
	}
	if err != nil {
		return fmt.Errorf("new %s: %w", dir, err)
	}
	files := scaffold.Files(f)
	fmt.Fprintf(stdout, "nexus new: wrote %s: module %s, study %s (analysis/%s), %d files and go.sum\n", dir, f.Module, f.Name, f.Package, len(files))
	if f.Toolkit != "" {
		fmt.Fprintf(stdout, "the toolkit comes from %s (replace directive in go.mod)\n", f.Toolkit)
	}
	fmt.Fprintf(stdout, "next: cd %s && make && make verify\n", shellQuote(dir))
	return nil
}

// toolkitVersion is the version of the toolkit this binary was built
// with, when it is a published one: the main module's (nexus itself) or
// the dependency's (a compendium's own nexus); "" for a development
// build, which needs -toolkit.
func toolkitVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	if bi.Main.Path == scaffold.ToolkitModule && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	for _, d := range bi.Deps {
		if d.Path == scaffold.ToolkitModule && d.Replace == nil && d.Version != "(devel)" {
			return d.Version
		}
	}
	return ""
}

// shellQuote quotes s for a POSIX shell when it holds anything but
// letters, digits and -_./.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
