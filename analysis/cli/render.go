package cli

import (
	"context"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/nexus-toolkit/nexus/analysis/compendium"
	"github.com/nexus-toolkit/nexus/analysis/notebook"
)

func init() {
	commands["render"] = command{"run literate Go notebooks and render them to Markdown and HTML", cmdRender}
	commands["claims"] = command{"list the claims of the notebooks that hold (figures/claims.csv); a false claim fails at its line", cmdClaims}
}

var claimsSpec = spec{
	name:     "claims",
	synopsis: []string{"claims [-dataset DIR] [-out FILE] [NOTEBOOK.md...]"},
	about: `Runs the notebooks (all of notebooks/ when none is given; cached runs are
reused) and lists every cell.Claim that held as CSV: notebook,line,claim. A
claim that does not hold fails at its line.`,
}

func cmdClaims(stdout, stderr io.Writer, args []string) error {
	fs := claimsSpec.flags()
	dataset := datasetFlag(fs)
	out := fs.String("out", "", "write the claims to `file` (default: standard output)")
	if err := claimsSpec.parse(fs, stdout, args); err != nil {
		return err
	}
	if err := needDataset(*dataset); err != nil {
		return err
	}
	if err := needStudy(*dataset); err != nil {
		return err
	}
	ctx, stop := interruptible()
	defer stop()
	var nbs []string // nil: every notebook of the compendium
	if fs.NArg() > 0 {
		nbs = fs.Args()
	}
	if err := compendium.Claims(ctx, *dataset, *out, stdout, nbs); err != nil {
		printErrors(stderr, err, "nexus: ")
		return exitError{1}
	}
	return nil
}

var renderSpec = spec{
	name:     "render",
	synopsis: []string{"render [-dataset DIR] [-force] [-out DIR] [-v] [-timeout D] [-max-output N] NOTEBOOK.md..."},
	about: `Runs each notebook (or reuses its cached outputs) and writes NAME.md and
NAME.html to the output directory. Problems are reported at the notebook's
own file:line, and a notebook with problems writes nothing. A notebook whose
front matter names no dataset is rendered from the -dataset one.`,
}

func cmdRender(stdout, stderr io.Writer, args []string) error {
	fs := renderSpec.flags()
	out := fs.String("out", "figures/notebooks", "output `dir`")
	force := fs.Bool("force", false, "run every notebook even when its cached outputs are valid")
	verbose := fs.Bool("v", false, "say for each notebook whether it ran or came from the cache")
	timeout := fs.Duration("timeout", notebook.DefaultTimeout, "stop a notebook program that runs longer (a notebook's front matter timeout: overrides it)")
	dataset := datasetFlag(fs)
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
	if err := needStudy(*dataset); err != nil {
		return err
	}
	ctx, stop := interruptible()
	defer stop()
	opt := notebook.Options{Out: *out, Force: *force, Context: ctx, Limits: notebook.Limits{Timeout: *timeout, MaxOutput: size}, Dataset: *dataset}
	if *verbose {
		opt.Log = stderr
	}
	if err := notebook.Render(opt, fs.Args()...); err != nil {
		printErrors(stderr, err, "nexus: ")
		return exitError{1}
	}
	return nil
}

// needStudy refuses a dataset whose descriptor cannot be read, that no
// registered study claims or that lacks a resource its study requires
// (compendium.CheckStudy), so that no notebook runs a study's code on
// another study's data. It reads the descriptor only: the data's own
// problems (a hash mismatch, a bad cell) are reported by the notebooks
// that read it, so a notebook whose front matter names another dataset
// still runs. The empty dataset
// (none given and no default) passes: each notebook's front matter then
// names its own.
func needStudy(dataset string) error {
	if dataset == "" {
		return nil
	}
	return compendium.CheckStudy(dataset)
}

// interruptible returns a context that SIGINT and SIGTERM cancel, so that
// a running notebook program is killed with its process group before
// nexus exits.
func interruptible() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}
