package cli

import (
	"io"

	"github.com/nexus-toolkit/nexus/analysis/build"
)

func init() {
	commands["tidy"] = command{"remove what killed nexus runs left under figures/ (hidden scratch directories and temporary files)", cmdTidy}
}

var tidySpec = spec{
	name:     "tidy",
	synopsis: []string{"tidy [DIR...]"},
	about: `Removes, in each DIR (figures when none is given) and every visible
directory under it, the hidden scratch directories (.nexus-tmp-*) and
temporary files (.NAME.tmp-*) that nexus runs killed mid-write left, and
nothing that a live run holds. make runs it first every time, a make with
nothing to rebuild included; build, render, hash -w, export and qda import
clean up after their own killed runs as they start.`,
}

func cmdTidy(stdout, stderr io.Writer, args []string) error {
	fs := tidySpec.flags()
	if err := tidySpec.parse(fs, stdout, args); err != nil {
		return err
	}
	dirs := fs.Args()
	if len(dirs) == 0 {
		dirs = []string{"figures"}
	}
	for _, d := range dirs {
		if err := build.CleanStaleTree(d); err != nil {
			return err
		}
	}
	return nil
}
