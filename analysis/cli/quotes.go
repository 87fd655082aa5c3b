package cli

import (
	"fmt"
	"io"

	"github.com/nexus-toolkit/nexus/analysis/compendium"
)

func init() {
	commands["quotes"] = command{summary: "check that every quote of a dataset is verbatim on its page of your copy of the paper", run: cmdQuotes}
}

var quotesSpec = spec{
	name:     "quotes",
	synopsis: []string{"quotes -paper FILE [-page-mark LINE] [DATASET_DIR]"},
	about: `Checks every quote, statement, excerpt and printed citation of the dataset
against its page of FILE. A PDF must first be turned into text:
pdftotext -layout paper.pdf paper.txt`,
}

func cmdQuotes(stdout, stderr io.Writer, args []string) error {
	fs := quotesSpec.flags()
	paper := fs.String("paper", "", "plain-text copy of the paper `file` (pages split by form feeds, or by -page-mark)")
	mark := fs.String("page-mark", "", "the `line` that starts each page of the copy (default: form feeds, else the study's running header)")
	if err := quotesSpec.parse(fs, stdout, args); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		return usagef("quotes", "expected at most one dataset directory, got %d arguments", fs.NArg())
	}
	if err := quotesSpec.require("paper", *paper); err != nil {
		return err
	}
	dir, _ := compendium.DefaultDataset()
	if fs.NArg() == 1 {
		dir = fs.Arg(0)
	}
	if err := needDataset(dir); err != nil {
		return err
	}
	pp, err := compendium.ReadSource(*paper, *mark, dir)
	if err != nil {
		return err
	}
	rep, err := compendium.CheckQuotes(dir, pp)
	if err != nil {
		return err
	}
	for _, m := range rep.Misses {
		fmt.Fprintln(stdout, m)
	}
	fmt.Fprintf(stdout, "%d of %d quotes verbatim on their page of %s (%d pages)\n", rep.Checked-len(rep.Misses), rep.Checked, *paper, pp.Pages())
	if len(rep.Misses) > 0 {
		return exitError{1}
	}
	return nil
}
