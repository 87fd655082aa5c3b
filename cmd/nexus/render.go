package main

import (
	"io"

	"nexus/analysis/notebook"
)

func init() {
	commands["render"] = command{"run literate Go notebooks and render them to Markdown and HTML", cmdRender}
}

var renderSpec = spec{
	name:     "render",
	synopsis: []string{"render [-force] [-out DIR] [-v] NOTEBOOK.md..."},
	about: `Runs each notebook (or reuses its cached outputs) and writes NAME.md and
NAME.html to the output directory. Problems are reported at the notebook's
own file:line, and a notebook with problems writes nothing.`,
}

func cmdRender(stdout, stderr io.Writer, args []string) error {
	fs := renderSpec.flags()
	out := fs.String("out", "figures/notebooks", "output `dir`")
	force := fs.Bool("force", false, "run every notebook even when its cached outputs are valid")
	verbose := fs.Bool("v", false, "say for each notebook whether it ran or came from the cache")
	if err := renderSpec.parse(fs, stdout, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("render", "no notebook given, expected one or more NOTEBOOK.md")
	}
	opt := notebook.Options{Out: *out, Force: *force}
	if *verbose {
		opt.Log = stderr
	}
	if err := notebook.Render(opt, fs.Args()...); err != nil {
		printErrors(stderr, err, "nexus: ")
		return exitError{1}
	}
	return nil
}
