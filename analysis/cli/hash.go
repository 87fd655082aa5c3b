package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/nexus-toolkit/nexus/analysis/datapkg"
)

func init() {
	commands["hash"] = command{summary: "print (or with -w, rewrite) the sha256 of every resource of a data package", run: cmdHash}
}

var hashSpec = spec{
	name:     "hash",
	synopsis: []string{"hash [-w [--force]] DIR"},
	about: `Prints one line per resource: file, sha256, and ok, differs (declared ...)
or undeclared. With -w it rewrites the declared hashes and prints only the
resources whose entry it changed, then one summary line. A file that cannot
be read, and a descriptor with problems, are reported on standard error
(exit status 1).`,
}

func cmdHash(stdout, stderr io.Writer, args []string) error {
	fs := hashSpec.flags()
	write := fs.Bool("w", false, "rewrite the hash entries of DIR/datapackage.json (for authoring a new version only)")
	force := fs.Bool("force", false, "with -w, rewrite a published version too (one with an entry in the dataset's CHANGELOG.md)")
	if err := hashSpec.parse(fs, stdout, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("hash", "expected one package directory, got %d arguments", fs.NArg())
	}
	dir := fs.Arg(0)
	var hs []datapkg.FileHash
	var err error
	changed := false
	var before []datapkg.FileHash
	if *write {
		before, _ = datapkg.Hashes(dir) // what -w changes, for its output
		hs, changed, err = datapkg.Rehash(dir, datapkg.RehashOptions{Force: *force})
	} else {
		hs, err = datapkg.Hashes(dir)
	}
	if ps := datapkg.AsProblems(err); ps != nil {
		printProblems(stderr, ps, maxProblems)
		if errors.Is(err, datapkg.ErrPublished) {
			fmt.Fprintln(stderr, "nexus: hash: nothing written; pass --force with -w to rewrite a published version anyway")
		}
		return exitError{1}
	}
	if err != nil && hs == nil {
		printProblems(stderr, datapkg.Problems{fileProblem(err, dir)}, 0)
		return exitError{1}
	}
	bad, differs := false, false
	for i, h := range hs {
		was := ""
		if *write && i < len(before) && before[i].Path == h.Path {
			was = before[i].Declared
		}
		switch {
		case *write && h.Err == nil && changed && was != h.Actual:
			fmt.Fprintf(stdout, "%s %s written (was %s)\n", h.Path, h.Actual, orNone(was))
		case h.Err != nil:
			printErrors(stderr, fmt.Errorf("%s: %w", h.Path, h.Err), "nexus: ")
			bad = true
		case h.Declared == "":
			fmt.Fprintf(stdout, "%s %s undeclared\n", h.Path, h.Actual)
		case h.OK() && *write:
			// -w prints only the entries it changed.
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
		printErrors(stderr, err, "nexus: ")
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

// orNone returns s, or "no hash" when s is empty.
func orNone(s string) string {
	if s == "" {
		return "no hash"
	}
	return s
}
