package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/compendium"
	"github.com/nexus-toolkit/nexus/analysis/notebook"
	"github.com/nexus-toolkit/nexus/analysis/notebook/preview"
)

func init() {
	commands["preview"] = command{"serve rendered notebooks and reload them in the browser on every save", cmdPreview}
}

var previewSpec = spec{
	name:     "preview",
	synopsis: []string{"preview [-addr HOST:PORT] [-allow-remote] [-dataset DIR] [-force] [-v] NOTEBOOK.md..."},
	about: `Renders the notebooks (from the cache when it is valid), serves them at
http://HOST:PORT/ (with one notebook, / is that notebook), renders a
notebook again when it is saved and reloads its page in the browser.
Problems show in the page at the notebook's file:line. It listens on
localhost only unless -allow-remote is given. Ctrl-C stops it.`,
}

func cmdPreview(stdout, stderr io.Writer, args []string) error {
	fs := previewSpec.flags()
	addr := fs.String("addr", preview.DefaultAddr, "`host:port` to listen on (port 0 picks a free one)")
	remote := fs.Bool("allow-remote", false, "allow an address that is not localhost (the pages show the output of code that ran with your permissions)")
	force := fs.Bool("force", false, "run each notebook once even when its cached outputs are valid")
	verbose := fs.Bool("v", false, "say for each render whether it ran, came from the cache or failed")
	dataset := datasetFlag(fs)
	if err := previewSpec.parse(fs, stdout, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("preview", "no notebook given, expected one or more NOTEBOOK.md")
	}
	if err := preview.CheckAddr(*addr, *remote); err != nil {
		return usagef("preview", "%s", strings.TrimPrefix(err.Error(), "preview: "))
	}
	if err := needStudy(*dataset); err != nil {
		return err
	}
	opt := preview.Options{Addr: *addr, AllowRemote: *remote, Render: notebook.Options{Force: *force, Dataset: *dataset, Packages: compendium.NotebookPackages()}}
	if *verbose {
		opt.Log = stderr
	}
	srv, err := preview.New(opt, fs.Args()...)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "nexus preview: serving %s (Ctrl-C to stop)\n", srv.URL())
	ctx, stop := interruptible()
	defer stop()
	return srv.Serve(ctx)
}
