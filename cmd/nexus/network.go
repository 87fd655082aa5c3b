package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"nexus/analysis/build"
	"nexus/analysis/network"
	"nexus/analysis/safefile"
	"nexus/analysis/study"
)

func init() {
	commands["network"] = command{summary: "compute network measures of an edge list or of a dataset's alliance network", run: cmdNetwork}
}

// filterFlags declares the dataset filter flags on fs.
func filterFlags(fs *flag.FlagSet) func() network.Filter {
	types := fs.String("type", "", "keep only these tie `types` (comma-separated)")
	scope := fs.String("scope", "", "keep only organizations of this `scope` (study or example)")
	coding := fs.String("coding", "", "keep only relations coded `stated` or inferred")
	from := fs.Int("from", 0, "keep only relations active in or after this `year`")
	to := fs.Int("to", 0, "keep only relations active in or before this `year`")
	return func() network.Filter {
		f := network.Filter{Scope: *scope, Coding: *coding, From: *from, To: *to}
		if *types != "" {
			f.TieTypes = strings.Split(*types, ",")
		}
		return f
	}
}

// printErrors prints every error joined in err, one per line.
func printErrors(w io.Writer, err error) {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			fmt.Fprintln(w, e)
		}
		return
	}
	fmt.Fprintln(w, err)
}

// loadDataset builds the alliance network of the dataset in dir.
func loadDataset(dir string, f network.Filter, directed bool) (*network.Graph, error) {
	s, err := study.Load(dir)
	if err != nil {
		return nil, err
	}
	nodes, edges := network.FromStudy(s, f)
	return network.Build(nodes, edges, network.BuildOptions{Directed: directed, Weighting: network.WeightSources})
}

func cmdNetwork(stdout, stderr io.Writer, args []string) error {
	fs := flag.NewFlagSet("network", flag.ContinueOnError)
	fs.SetOutput(stderr)
	edgesFile := fs.String("edges", "", "edge list `file` (CSV with source,target columns)")
	dataset := fs.String("dataset", "", "dataset version `dir`")
	directed := fs.Bool("directed", false, "treat ties as directed (edge lists: source -> target; datasets: directed relations one way, others both ways)")
	weight := fs.String("weight", "", "edge-list `column` of weights: lengths in shortest paths, strengths elsewhere (parallel rows add up)")
	seed := fs.Uint64("seed", 1, "Louvain `seed`")
	out := fs.String("out", "", "output `file` for metrics.csv (- for standard output)")
	filter := filterFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: nexus network (-edges FILE.csv [-weight COLUMN] | -dataset DIR [filters]) [-directed] [-seed N] -out metrics.csv")
		fmt.Fprintln(stderr, "Writes one row per node, sorted by node id: node,degree,in_degree,out_degree,strength,betweenness,")
		fmt.Fprintln(stderr, "betweenness_raw,closeness,harmonic,eigenvector,pagerank,core,coreness,community; with -dataset also the")
		fmt.Fprintln(stderr, "Gould-Fernandez brokerage roles by camp: coordinator,itinerant,representative,gatekeeper,liaison.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitError{2}
	}
	if (*edgesFile == "") == (*dataset == "") || *out == "" || fs.NArg() > 0 {
		fs.Usage()
		return exitError{2}
	}
	var g *network.Graph
	opt := network.Options{Seed: *seed}
	if *edgesFile != "" {
		// A regular file only, of at most 2 GiB: a FIFO or /dev/zero
		// would hang or never end.
		f, err := safefile.OpenRegular(*edgesFile, safefile.MaxSize)
		if err != nil {
			return fmt.Errorf("%s: %w", *edgesFile, err)
		}
		edges, err := network.ReadEdgeCSV(f, *edgesFile, network.EdgeCSVOptions{Directed: *directed, Weight: *weight})
		f.Close()
		if err != nil {
			printErrors(stderr, err)
			return exitError{1}
		}
		bo := network.BuildOptions{Directed: *directed, Weighting: network.WeightOne}
		if *weight != "" {
			bo.Weighting = network.WeightSum
			opt.Weighted = true
		}
		if g, err = network.Build(nil, edges, bo); err != nil {
			return err
		}
	} else {
		var err error
		if g, err = loadDataset(*dataset, filter(), *directed); err != nil {
			return err
		}
		opt.Brokerage = true
	}
	m, err := network.Compute(g, opt)
	if errors.Is(err, network.ErrOverflow) {
		// No metrics: writing Inf or NaN would pass them off as results.
		fmt.Fprintln(stderr, err)
		return exitError{1}
	}
	if err != nil {
		fmt.Fprintln(stderr, "nexus network: warning:", err)
	}
	if *out == "-" {
		return m.WriteCSV(stdout)
	}
	return build.WriteWith(*out, m.WriteCSV)
}
