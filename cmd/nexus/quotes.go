package main

import (
	"flag"
	"fmt"
	"io"

	"nexus/analysis/compendium"
	"nexus/analysis/study"
)

func init() {
	commands["quotes"] = command{summary: "check that every quote of a dataset is verbatim on its page of your copy of the paper", run: cmdQuotes}
}

func cmdQuotes(stdout, stderr io.Writer, args []string) error {
	fs := flag.NewFlagSet("quotes", flag.ContinueOnError)
	fs.SetOutput(stderr)
	paper := fs.String("paper", "", "plain-text copy of the paper `file` (pages split by form feeds, or by -page-mark)")
	mark := fs.String("page-mark", "", "the `line` that starts each page of the copy (default: form feeds, else the study's running header)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: nexus quotes -paper FILE [-page-mark LINE] [DATASET_DIR]")
		fmt.Fprintln(stderr, "Checks every quote, statement, excerpt and printed citation of the dataset against its page of FILE.")
		fmt.Fprintln(stderr, "A PDF must first be turned into text: pdftotext -layout paper.pdf paper.txt")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitError{2}
	}
	if *paper == "" || fs.NArg() > 1 {
		fs.Usage()
		return exitError{2}
	}
	dir, _ := compendium.DefaultDataset()
	if fs.NArg() == 1 {
		dir = fs.Arg(0)
	}
	if err := needDataset(dir); err != nil {
		return err
	}
	pp, err := study.ReadPaper(*paper, *mark)
	if err != nil {
		return err
	}
	rep, err := study.CheckQuotes(dir, pp)
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
