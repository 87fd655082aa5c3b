package main

import (
	"context"
	"io"
	"os"
	"os/signal"
	"syscall"

	"nexus/analysis/notebook"
)

func init() {
	commands["render"] = command{"run literate Go notebooks and render them to Markdown and HTML", cmdRender}
}

var renderSpec = spec{
	name:     "render",
	synopsis: []string{"render [-force] [-out DIR] [-v] [-timeout D] [-max-output N] NOTEBOOK.md..."},
	about: `Runs each notebook (or reuses its cached outputs) and writes NAME.md and
NAME.html to the output directory. Problems are reported at the notebook's
own file:line, and a notebook with problems writes nothing.`,
}

func cmdRender(stdout, stderr io.Writer, args []string) error {
	fs := renderSpec.flags()
	out := fs.String("out", "figures/notebooks", "output `dir`")
	force := fs.Bool("force", false, "run every notebook even when its cached outputs are valid")
	verbose := fs.Bool("v", false, "say for each notebook whether it ran or came from the cache")
	timeout := fs.Duration("timeout", notebook.DefaultTimeout, "stop a notebook program that runs longer (a notebook's front matter timeout: overrides it)")
	maxOut := fs.String("max-output", notebook.FormatSize(notebook.DefaultMaxOutput), "stop a notebook program when one cell produces more `bytes` of output (front matter max-output: overrides it)")
	if err := renderSpec.parse(fs, stdout, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("render", "no notebook given, expected one or more NOTEBOOK.md")
	}
	size, err := notebook.ParseSize(*maxOut)
	if err != nil || *timeout <= 0 {
		return usagef("render", "-max-output %s -timeout %v: expected a positive size and duration", *maxOut, *timeout)
	}
	ctx, stop := interruptible()
	defer stop()
	opt := notebook.Options{Out: *out, Force: *force, Context: ctx, Limits: notebook.Limits{Timeout: *timeout, MaxOutput: size}}
	if *verbose {
		opt.Log = stderr
	}
	if err := notebook.Render(opt, fs.Args()...); err != nil {
		printErrors(stderr, err, "nexus: ")
		return exitError{1}
	}
	return nil
}

// interruptible returns a context that SIGINT and SIGTERM cancel, so that
// a running notebook program is killed with its process group before
// nexus exits.
func interruptible() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}
