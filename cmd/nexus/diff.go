package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"nexus/analysis/datapkg"
)

func init() {
	commands["diff"] = command{summary: "list the changes between two versions of a data package", run: cmdDiff}
}

func cmdDiff(stdout, stderr io.Writer, args []string) error {
	fs := flag.NewFlagSet("diff", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: nexus diff OLD NEW")
		fmt.Fprintln(stderr, "OLD and NEW are data package directories; rows are matched by primary key.")
		fmt.Fprintln(stderr, "lines: + added, - removed, ~ changed (resources, fields, rows, row fields).")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitError{2}
	}
	if fs.NArg() != 2 {
		fs.Usage()
		return exitError{2}
	}
	var pkgs [2]*datapkg.Package
	var all datapkg.Problems
	for i, dir := range fs.Args() {
		p, err := datapkg.Read(dir)
		if ps := datapkg.AsProblems(err); ps != nil {
			all = append(all, ps...)
		} else if err != nil {
			all = append(all, fileProblem(err, dir))
		}
		pkgs[i] = p
	}
	if len(all) > 0 {
		printProblems(stdout, all, maxProblems)
		return exitError{1}
	}
	for _, c := range datapkg.Diff(pkgs[0], pkgs[1]) {
		fmt.Fprintln(stdout, c)
	}
	return nil
}

// fsJoin names a package's descriptor for messages.
func fsJoin(dir string) string { return filepath.Join(dir, datapkg.DescriptorName) }
