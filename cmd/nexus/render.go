package main

import (
	"flag"
	"fmt"
	"io"

	"nexus/analysis/notebook"
)

func init() {
	commands["render"] = command{"run literate Go notebooks and render them to Markdown and HTML", cmdRender}
}

func cmdRender(stdout, stderr io.Writer, args []string) error {
	fs := flag.NewFlagSet("render", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "figures/notebooks", "output `dir`")
	force := fs.Bool("force", false, "run every notebook even when its cached outputs are valid")
	verbose := fs.Bool("v", false, "say for each notebook whether it ran or came from the cache")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: nexus render [-force] [-out DIR] [-v] notebooks/NN-topic.md...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitError{2}
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitError{2}
	}
	opt := notebook.Options{Out: *out, Force: *force}
	if *verbose {
		opt.Log = stderr
	}
	if err := notebook.Render(opt, fs.Args()...); err != nil {
		fmt.Fprintln(stderr, err)
		return exitError{1}
	}
	return nil
}
