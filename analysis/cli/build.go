package cli

import (
	"flag"
	"fmt"
	"io"

	"github.com/nexus-toolkit/nexus/analysis/compendium"
)

func init() {
	commands["build"] = command{"build the paper's tables and figures from a dataset", cmdBuild}
	commands["manifest"] = command{"write figures/MANIFEST: sha256 of every output and the dataset it came from", cmdManifest}
	commands["verify"] = command{"regenerate every output in a temporary directory and compare with figures/", cmdVerify}
}

var buildSpec = spec{
	name:     "build",
	synopsis: []string{"build [-dataset DIR] [-out DIR] [-list | -makefile] [OUTPUT...]"},
	about:    "OUTPUT is an ID (T1, F1, ...) or a slug (tbl-study-design, ...); all when none is given.",
}

func cmdBuild(stdout, stderr io.Writer, args []string) error {
	fs := buildSpec.flags()
	dataset := datasetFlag(fs)
	out := fs.String("out", "figures", "output `dir`")
	list := fs.Bool("list", false, "list the outputs and their files instead of building")
	makefile := fs.Bool("makefile", false, "print the make rules of every output instead of building")
	if err := buildSpec.parse(fs, stdout, args); err != nil {
		return err
	}
	if err := needDataset(*dataset); err != nil {
		return err
	}
	switch {
	case *makefile && *list:
		return usagef("build", "-list and -makefile exclude each other; give one")
	case *makefile:
		warnIgnored(stderr, fs, "with -makefile", "out")
		return compendium.Makefile(stdout, *dataset)
	case *list:
		warnIgnored(stderr, fs, "with -list", "out")
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

var manifestSpec = spec{
	name:     "manifest",
	synopsis: []string{"manifest [-dataset DIR] [-out DIR]"},
	about:    "Writes DIR/MANIFEST: the sha256 of every output under DIR, sorted by path, with the dataset's name, version and hash and the Go version.",
}

func cmdManifest(stdout, stderr io.Writer, args []string) error {
	fs := manifestSpec.flags()
	dataset := datasetFlag(fs)
	out := fs.String("out", "figures", "output `dir` to scan")
	if err := manifestSpec.parse(fs, stdout, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("manifest", "unexpected argument %q", fs.Arg(0))
	}
	if err := needDataset(*dataset); err != nil {
		return err
	}
	return compendium.WriteManifest(*dataset, *out)
}

var verifySpec = spec{
	name:     "verify",
	synopsis: []string{"verify [-dataset DIR] [-figures DIR] [NOTEBOOK.md...]"},
	about: `Rebuilds every table, figure, notebook (all of notebooks/ when none is
given; every notebook runs afresh, the notebook cache is never read) and
the MANIFEST in a temporary directory and compares them byte for byte with
DIR; exits 1 and names each file that differs, with its first differing
line: "missing" is a file the build makes that DIR lacks, "extra" a file
DIR holds that the build does not make. A MANIFEST environment line (the
Go release) that differs is reported in one line and does not fail.`,
}

func cmdVerify(stdout, stderr io.Writer, args []string) error {
	fs := verifySpec.flags()
	dataset := datasetFlag(fs)
	figures := fs.String("figures", "figures", "committed output `dir`")
	if err := verifySpec.parse(fs, stdout, args); err != nil {
		return err
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
	rep, err := compendium.Verify(ctx, *dataset, *figures, notebooks)
	if err != nil {
		return err
	}
	diffs := rep.Differences
	outcome := "outputs identical"
	if len(diffs) > 0 {
		outcome = fmt.Sprintf("%d file(s) differ", len(diffs))
	}
	for _, e := range rep.Environment {
		fmt.Fprintf(stdout, "verify: %s: %s\n", e, outcome)
	}
	if len(diffs) == 0 {
		fmt.Fprintf(stdout, "verify: every file under %s matches a fresh build\n", *figures)
		return nil
	}
	for _, d := range diffs {
		if d.Detail != "" {
			fmt.Fprintf(stderr, "%s/%s: %s: %s\n", *figures, d.Path, d.Status, d.Detail)
		} else {
			fmt.Fprintf(stderr, "%s/%s: %s\n", *figures, d.Path, d.Status)
		}
	}
	fmt.Fprintf(stderr, "verify: %d file(s) differ from a fresh build; run make and commit, or find the change that broke reproducibility\n", len(diffs))
	return exitError{1}
}

// datasetFlag defines the flag -dataset of fs. Its default is the
// compendium's dataset, named by the file DATASET at the repository root
// (compendium.DefaultDataset); outside a repository it has none.
func datasetFlag(fs *flag.FlagSet) *string {
	def, _ := compendium.DefaultDataset()
	return fs.String("dataset", def, "dataset version `dir`; the default is the one the file "+compendium.DatasetFile+" at the repository root names")
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
