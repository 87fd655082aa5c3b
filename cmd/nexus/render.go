package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"nexus/analysis/compendium"
	"nexus/analysis/notebook"
)

func init() {
	commands["render"] = command{"run literate Go notebooks and render them to Markdown and HTML", cmdRender}
	commands["claims"] = command{"list the claims of the notebooks that hold (figures/claims.csv); a false claim fails at its line", cmdClaims}
}

func cmdClaims(stdout, stderr io.Writer, args []string) error {
	fs := flag.NewFlagSet("claims", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dataset := datasetFlag(fs)
	out := fs.String("out", "", "write the claims to `file` (default: standard output)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: nexus claims [-dataset DIR] [-out FILE] [NOTEBOOK.md...]")
		fmt.Fprintln(stderr, "Runs the notebooks (all of notebooks/ when none is given; cached runs are reused) and lists every")
		fmt.Fprintln(stderr, "cell.Claim that held as CSV: notebook,line,claim. A claim that does not hold fails at its line.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitError{2}
	}
	ctx, stop := interruptible()
	defer stop()
	var nbs []string // nil: every notebook of the compendium
	if fs.NArg() > 0 {
		nbs = fs.Args()
	}
	if err := compendium.Claims(ctx, *dataset, *out, stdout, nbs); err != nil {
		fmt.Fprintln(stderr, err)
		return exitError{1}
	}
	return nil
}

func cmdRender(stdout, stderr io.Writer, args []string) error {
	fs := flag.NewFlagSet("render", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "figures/notebooks", "output `dir`")
	force := fs.Bool("force", false, "run every notebook even when its cached outputs are valid")
	verbose := fs.Bool("v", false, "say for each notebook whether it ran or came from the cache")
	timeout := fs.Duration("timeout", notebook.DefaultTimeout, "stop a notebook program that runs longer (a notebook's front matter timeout: overrides it)")
	dataset := datasetFlag(fs)
	maxOut := fs.String("max-output", notebook.FormatSize(notebook.DefaultMaxOutput), "stop a notebook program when one cell produces more `bytes` of output (front matter max-output: overrides it)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: nexus render [-dataset DIR] [-force] [-out DIR] [-v] [-timeout D] [-max-output N] notebooks/NN-topic.md...")
		fmt.Fprintln(stderr, "A notebook whose front matter names no dataset is rendered from DIR.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitError{2}
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitError{2}
	}
	size, err := notebook.ParseSize(*maxOut)
	if err != nil || *timeout <= 0 {
		fmt.Fprintf(stderr, "render: -max-output %s -timeout %v: expected a positive size and duration\n", *maxOut, *timeout)
		return exitError{2}
	}
	ctx, stop := interruptible()
	defer stop()
	opt := notebook.Options{Out: *out, Force: *force, Context: ctx, Limits: notebook.Limits{Timeout: *timeout, MaxOutput: size}, Dataset: *dataset}
	if *verbose {
		opt.Log = stderr
	}
	if err := notebook.Render(opt, fs.Args()...); err != nil {
		fmt.Fprintln(stderr, err)
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
