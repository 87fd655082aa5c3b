package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/bib"
	"github.com/nexus-toolkit/nexus/analysis/build"
	"github.com/nexus-toolkit/nexus/analysis/compendium"
	"github.com/nexus-toolkit/nexus/analysis/graph"
	"github.com/nexus-toolkit/nexus/analysis/graph/encoding/csv"
	"github.com/nexus-toolkit/nexus/analysis/graph/export"
	"github.com/nexus-toolkit/nexus/analysis/safefile"
)

func init() {
	commands["export"] = command{summary: "export a dataset's alliance network (GraphML, GEXF, DOT, Pajek, CSV) or its references (BibTeX, CSL-JSON)", run: cmdExport}
}

var exportSpec = spec{
	name: "export",
	synopsis: []string{
		"export -dataset DIR -format graphml|gexf|dot|pajek|csv [-directed] [filters] -out FILE",
		"export -dataset DIR -format bibtex|csljson -out FILE",
	},
	about: `Writes the dataset's alliance network with every organization of the scope,
isolates included (-isolates=false drops them, as network does by default),
or its reference list (references.csv) with the
dataset's keys. -out - writes to standard output (not for csv, which writes
FILE-nodes.csv and FILE-edges.csv; a .csv suffix of FILE is dropped).
Each link carries sources, strength (the same number, a tie strength) and
distance (1/strength, its length for shortest paths); GEXF's weight and
Pajek's line value are the strength, which NetworkX's pagerank and R's
igraph use by default. To get the paper's T4 (every tie counted once but in
strength), pass weight=None (NetworkX) or weights=NA (R igraph) and export
with -isolates=false.`,
}

// exportFormats lists every -format value, in the order of the usage.
var exportFormats = []string{"graphml", "gexf", "dot", "pajek", "csv", "bibtex", "csljson"}

func cmdExport(stdout, stderr io.Writer, args []string) error {
	fs := exportSpec.flags()
	dataset := datasetFlag(fs)
	format := fs.String("format", "graphml", "`format`: "+strings.Join(exportFormats, ", "))
	directed := fs.Bool("directed", false, "export the directed view")
	out := fs.String("out", "", "output `file` (- for standard output)")
	filter := filterFlags(fs, true)
	if err := exportSpec.parse(fs, stdout, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("export", "unexpected argument %q", fs.Arg(0))
	}
	if err := exportSpec.require("out", *out); err != nil {
		return err
	}
	switch *format {
	case "bibtex", "csljson":
		warnIgnored(stderr, fs, "with -format "+*format, append([]string{"directed"}, filterNames()...)...)
		return exportReferences(stdout, *dataset, *format, *out)
	case "csv":
		if *out == "-" {
			return usagef("export", "-format csv writes two files, so -out cannot be -")
		}
	case "graphml", "gexf", "dot", "pajek":
	default:
		return usagef("export", "unknown -format %q, expected one of %s", *format, strings.Join(exportFormats, ", "))
	}
	g, s, err := loadDataset(*dataset, "export", filter(*directed))
	if err != nil {
		return err
	}
	warnSelfLoops(stderr, "export", g)
	d := export.Generic(g)
	if s.Network.Doc != nil {
		d = s.Network.Doc(g)
	}
	nf := export.Format(*format)
	if nf == export.CSV {
		base := strings.TrimSuffix(*out, ".csv")
		// Both names are checked first, so a refused one writes neither.
		if err := errors.Join(build.Replaceable(base+"-nodes.csv"), build.Replaceable(base+"-edges.csv")); err != nil {
			return err
		}
		return errors.Join(build.WriteWith(base+"-nodes.csv", func(w io.Writer) error { return csv.WriteNodes(w, d) }),
			build.WriteWith(base+"-edges.csv", func(w io.Writer) error { return csv.WriteLinks(w, d) }))
	}
	return writeOut(stdout, *out, func(w io.Writer) error { return export.Write(w, d, nf) })
}

// writeOut writes with write to the file out, atomically, or to stdout
// when out is "-". A file out that is not a regular file (a device such
// as /dev/null, a FIFO, a link, a directory) is refused and left as it
// is, with a hint at -out -.
func writeOut(stdout io.Writer, out string, write func(io.Writer) error) error {
	if out == "-" {
		return write(stdout)
	}
	err := build.WriteWith(out, write)
	if errors.Is(err, safefile.ErrNotRegular) {
		err = fmt.Errorf("%w (-out - writes to standard output)", err)
	}
	return err
}

// warnSelfLoops warns when building g dropped rows whose source is their
// target.
func warnSelfLoops(stderr io.Writer, cmd string, g *graph.Graph) {
	if g.SelfLoops > 0 {
		fmt.Fprintf(stderr, "nexus %s: warning: dropped %d self-loops (rows whose source is their target)\n", cmd, g.SelfLoops)
	}
}

// exportReferences writes the dataset's reference list as BibTeX or
// CSL-JSON.
func exportReferences(stdout io.Writer, dataset, format, out string) error {
	p, s, err := compendium.Open(dataset)
	if err != nil {
		return err
	}
	if p.Resource("references") == nil {
		return fmt.Errorf("%s: data package %q (study %s) has no references resource, so -format %s has nothing to export", p.Descriptor, p.Name, s.Name, format)
	}
	entries, err := bib.Load(dataset)
	if err != nil {
		return err
	}
	write := bib.WriteBibTeX
	if format == "csljson" {
		write = bib.WriteCSLJSON
	}
	return writeOut(stdout, out, func(w io.Writer) error { return write(w, entries) })
}
