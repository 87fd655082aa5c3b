package main

import (
	"flag"
	"fmt"
	"io"

	"nexus/analysis/compendium"
)

func init() {
	commands["build"] = command{"build the paper's tables and figures from a dataset", cmdBuild}
	commands["manifest"] = command{"write figures/MANIFEST: sha256 of every output and the dataset it came from", cmdManifest}
	commands["verify"] = command{"regenerate every output in a temporary directory and compare with figures/", cmdVerify}
}

func cmdBuild(stdout, stderr io.Writer, args []string) error {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dataset := datasetFlag(fs)
	out := fs.String("out", "figures", "output `dir`")
	list := fs.Bool("list", false, "list the outputs and their files instead of building")
	makefile := fs.Bool("makefile", false, "print the make rules of every output instead of building")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: nexus build [-dataset DIR] [-out DIR] [-list | -makefile] [OUTPUT...]")
		fmt.Fprintln(stderr, "OUTPUT is an ID (T1, F1, ...) or a slug (tbl-study-design, ...); all when none is given.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitError{2}
	}
	if err := needDataset(*dataset); err != nil {
		return err
	}
	switch {
	case *makefile:
		return compendium.Makefile(stdout, *dataset)
	case *list:
		outs, _, err := compendium.Outputs(*dataset)
		if err != nil {
			return err
		}
		for _, o := range outs {
			fmt.Fprintf(stdout, "%-3s %-28s %-26s %s\n", o.ID, o.Name, o.Func, o.Title)
		}
		return nil
	}
	return compendium.Build(*dataset, *out, fs.Args())
}

func cmdManifest(stdout, stderr io.Writer, args []string) error {
	fs := flag.NewFlagSet("manifest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dataset := datasetFlag(fs)
	out := fs.String("out", "figures", "output `dir` to scan")
	if err := fs.Parse(args); err != nil {
		return exitError{2}
	}
	if err := needDataset(*dataset); err != nil {
		return err
	}
	return compendium.WriteManifest(*dataset, *out)
}

func cmdVerify(stdout, stderr io.Writer, args []string) error {
	fs := flag.NewFlagSet("verify", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dataset := datasetFlag(fs)
	figures := fs.String("figures", "figures", "committed output `dir`")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: nexus verify [-dataset DIR] [-figures DIR] [NOTEBOOK.md...]")
		fmt.Fprintln(stderr, "Rebuilds every table, figure, notebook (all of notebooks/ when none is given) and the MANIFEST in a")
		fmt.Fprintln(stderr, "temporary directory and compares them with DIR: \"missing\" is a file the build makes that DIR lacks,")
		fmt.Fprintln(stderr, "\"extra\" a file DIR holds that the build does not make.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitError{2}
	}
	if err := needDataset(*dataset); err != nil {
		return err
	}
	var notebooks []string // nil: every notebook of the compendium
	if fs.NArg() > 0 {
		notebooks = fs.Args()
	}
	ctx, stop := interruptible()
	defer stop()
	diffs, err := compendium.Verify(ctx, *dataset, *figures, notebooks)
	if err != nil {
		return err
	}
	if len(diffs) == 0 {
		fmt.Fprintf(stdout, "verify: every file under %s matches a fresh build\n", *figures)
		return nil
	}
	for _, d := range diffs {
		fmt.Fprintf(stderr, "%s/%s: %s\n", *figures, d.Path, d.Status)
	}
	fmt.Fprintf(stderr, "verify: %d file(s) differ from a fresh build; run make and commit, or find the change that broke reproducibility\n", len(diffs))
	return exitError{1}
}

// datasetFlag defines the flag -dataset of fs. Its default is the
// compendium's dataset, named by the file DATASET at the repository root
// (compendium.DefaultDataset); outside a repository it has none.
func datasetFlag(fs *flag.FlagSet) *string {
	def, _ := compendium.DefaultDataset()
	return fs.String("dataset", def, "dataset version `dir` (default: the one the file "+compendium.DatasetFile+" at the repository root names)")
}

// needDataset returns an error when no dataset was given and there is no
// default.
func needDataset(dir string) error {
	if dir != "" {
		return nil
	}
	_, err := compendium.DefaultDataset()
	return fmt.Errorf("no -dataset given and no default: %v", err)
}
