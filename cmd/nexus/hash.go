package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"nexus/analysis/datapkg"
)

func init() {
	commands["hash"] = command{summary: "print (or with -w, rewrite) the sha256 of every resource of a data package", run: cmdHash}
}

func cmdHash(stdout, stderr io.Writer, args []string) error {
	fs := flag.NewFlagSet("hash", flag.ContinueOnError)
	fs.SetOutput(stderr)
	write := fs.Bool("w", false, "rewrite the hash entries of DIR/datapackage.json (for authoring a new version only)")
	force := fs.Bool("force", false, "with -w, rewrite a published version too (one with an entry in the dataset's CHANGELOG.md)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: nexus hash [-w [--force]] DIR")
		fmt.Fprintln(stderr, "prints one line per resource: file, sha256, and ok, differs (declared ...) or undeclared.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitError{2}
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitError{2}
	}
	dir := fs.Arg(0)
	var hs []datapkg.FileHash
	var err error
	changed := false
	if *write {
		hs, changed, err = datapkg.Rehash(dir, datapkg.RehashOptions{Force: *force})
	} else {
		hs, err = datapkg.Hashes(dir)
	}
	if ps := datapkg.AsProblems(err); ps != nil {
		printProblems(stdout, ps, maxProblems)
		if errors.Is(err, datapkg.ErrPublished) {
			fmt.Fprintln(stdout, "nexus hash: nothing written; pass --force with -w to rewrite a published version anyway")
		}
		return exitError{1}
	}
	if err != nil && hs == nil {
		printProblems(stdout, datapkg.Problems{fileProblem(err, dir)}, 0)
		return exitError{1}
	}
	bad, differs := false, false
	for _, h := range hs {
		switch {
		case h.Err != nil:
			fmt.Fprintf(stdout, "%s: %v\n", h.Path, h.Err)
			bad = true
		case h.Declared == "":
			fmt.Fprintf(stdout, "%s %s undeclared\n", h.Path, h.Actual)
		case h.OK():
			fmt.Fprintf(stdout, "%s %s ok\n", h.Path, h.Actual)
		default:
			fmt.Fprintf(stdout, "%s %s differs (declared %s)\n", h.Path, h.Actual, h.Declared)
			differs = true
		}
	}
	if differs && !*write {
		fmt.Fprintln(stdout, datapkg.RehashHint(dir))
	}
	if err != nil {
		fmt.Fprintln(stdout, err)
		return exitError{1}
	}
	if *write {
		if changed {
			fmt.Fprintf(stdout, "%s: hashes rewritten\n", fsJoin(dir))
		} else {
			fmt.Fprintf(stdout, "%s: hashes up to date\n", fsJoin(dir))
		}
	}
	if bad {
		return exitError{1}
	}
	return nil
}
