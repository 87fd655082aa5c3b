package cli

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/nexus-toolkit/nexus/analysis/datapkg"
)

func init() {
	commands["diff"] = command{summary: "list the changes between two versions of a data package", run: cmdDiff}
}

var diffSpec = spec{
	name:     "diff",
	synopsis: []string{"diff OLD NEW"},
	about: `OLD and NEW are data package directories; rows are matched by primary key,
compared as tuples, or, without one, as whole rows, counting identical rows.
One line per change: + added, - removed, ~ changed (package properties,
resources, fields, every property of a resource or field: constraints,
keys, path; rows, row fields). An added or removed row shows its non-empty
fields. A key prints as its values joined by commas, each quoted unless
plain, so a comma or a newline in a key cannot mislead.`,
}

func cmdDiff(stdout, stderr io.Writer, args []string) error {
	fs := diffSpec.flags()
	if err := diffSpec.parse(fs, stdout, args); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		return usagef("diff", "expected two package directories, OLD and NEW, got %d arguments", fs.NArg())
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
		printProblems(stderr, all, maxProblems)
		return exitError{1}
	}
	for _, c := range datapkg.Diff(pkgs[0], pkgs[1]) {
		fmt.Fprintln(stdout, c)
	}
	return nil
}

// fsJoin names a package's descriptor for messages.
func fsJoin(dir string) string { return filepath.Join(dir, datapkg.DescriptorName) }
