package cli

import (
	"io"

	"github.com/nexus-toolkit/nexus/analysis/compendium"
)

func init() {
	commands["index"] = command{"write figures/index.html, the reviewer's front door: every output, its checksums and trace, the claims, the quote check", cmdIndex}
}

var indexSpec = spec{
	name:     "index",
	synopsis: []string{"index [-dataset DIR] [-out DIR]"},
	about: `Writes DIR/index.html, one page without JavaScript for a reviewer: the
study's title, its data package (name, version, hash) and the commands that
check it, every table (rendered) and figure (a thumbnail) with its files,
sha256 and trace file, every claim of DIR/claims.csv with its notebook and
line, the quote check and how to run it on one's own copy of the source,
the rendered notebooks in every format and the environment (Go release,
OS). Every output must be under DIR already (make builds the page after
them); the MANIFEST, written after it, lists the page.`,
}

func cmdIndex(stdout, stderr io.Writer, args []string) error {
	fs := indexSpec.flags()
	dataset := datasetFlag(fs)
	out := fs.String("out", "figures", "output `dir`")
	if err := indexSpec.parse(fs, stdout, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("index", "unexpected argument %q", fs.Arg(0))
	}
	if err := needDataset(*dataset); err != nil {
		return err
	}
	return compendium.WriteIndex(*dataset, *out)
}
