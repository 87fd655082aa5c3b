package cli

import (
	"io"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/compendium"
	"github.com/nexus-toolkit/nexus/analysis/notebook"
	"github.com/nexus-toolkit/nexus/analysis/notebook/preview/launch"
)

func init() {
	commands["preview"] = command{"serve rendered notebooks and reload them in the browser on every save", cmdPreview}
}

var previewSpec = spec{
	name:     "preview",
	synopsis: []string{"preview [-addr HOST:PORT] [-allow-remote] [-dataset DIR] [-force] [-unconfined] [-v] NOTEBOOK.md..."},
	about: `Renders the notebooks (from the cache when it is valid), serves them at
http://HOST:PORT/ (with one notebook, / is that notebook), renders a
notebook again when it is saved and reloads its page in the browser.
Problems show in the page at the notebook's file:line. It listens on
localhost only unless -allow-remote is given. Ctrl-C stops it. The server
is a program of its own (cmd/nexus-preview), which preview builds with
the go command on every start: the first build compiles Go's HTTP stack,
later ones only link.`,
}

func cmdPreview(stdout, stderr io.Writer, args []string) error {
	fs := previewSpec.flags()
	addr := fs.String("addr", launch.DefaultAddr, "`host:port` to listen on (port 0 picks a free one)")
	remote := fs.Bool("allow-remote", false, "allow an address that is not localhost (the pages show the output of code that ran with your permissions)")
	force := fs.Bool("force", false, "run each notebook once even when its cached outputs are valid")
	verbose := fs.Bool("v", false, "say for each render whether it ran, came from the cache or failed")
	unconfined := fs.Bool("unconfined", false, "run a notebook program with all your rights when this system cannot confine it (see nexus render -unconfined)")
	dataset := datasetFlag(fs)
	if err := previewSpec.parse(fs, stdout, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("preview", "no notebook given, expected one or more NOTEBOOK.md")
	}
	if err := launch.CheckAddr(*addr, *remote); err != nil {
		return usagef("preview", "%s", strings.TrimPrefix(err.Error(), "preview: "))
	}
	if err := needStudy(*dataset); err != nil {
		return err
	}
	root, err := notebook.FindRoot("")
	if err != nil {
		return err
	}
	req := launch.Request{Addr: *addr, AllowRemote: *remote, Force: *force, Verbose: *verbose, Unconfined: *unconfined,
		Dataset: *dataset, Packages: compendium.NotebookPackages(), Notebooks: fs.Args()}
	code, err := launch.Run(root, req, stdout, stderr)
	if err != nil {
		return err
	}
	if code != 0 {
		return exitError{code}
	}
	return nil
}
