package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"nexus/analysis/build"
	"nexus/analysis/network"
)

func init() {
	commands["export"] = command{summary: "export a dataset's alliance network as GraphML, GEXF, DOT, Pajek or CSV", run: cmdExport}
}

func cmdExport(stdout, stderr io.Writer, args []string) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dataset := fs.String("dataset", "", "dataset version `dir`")
	format := fs.String("format", "graphml", "`format`: graphml, gexf, dot, pajek or csv")
	directed := fs.Bool("directed", false, "export the directed view")
	out := fs.String("out", "", "output `file`; for csv, FILE-nodes.csv and FILE-edges.csv (a .csv suffix of FILE is dropped)")
	filter := filterFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: nexus export -dataset DIR -format graphml|gexf|dot|pajek|csv [-directed] [filters] -out FILE")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitError{2}
	}
	if *dataset == "" || *out == "" || fs.NArg() > 0 {
		fs.Usage()
		return exitError{2}
	}
	g, err := loadDataset(*dataset, filter(), *directed)
	if err != nil {
		return err
	}
	d := network.NewDoc(g)
	f := network.Format(*format)
	if f == network.CSV {
		base := strings.TrimSuffix(*out, ".csv")
		return errors.Join(build.WriteWith(base+"-nodes.csv", d.WriteNodesCSV),
			build.WriteWith(base+"-edges.csv", d.WriteLinksCSV))
	}
	if err := d.Write(io.Discard, f); err != nil {
		return err
	}
	return build.WriteWith(*out, func(w io.Writer) error { return d.Write(w, f) })
}
