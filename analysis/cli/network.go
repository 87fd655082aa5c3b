package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/compendium"
	"github.com/nexus-toolkit/nexus/analysis/graph"
	"github.com/nexus-toolkit/nexus/analysis/graph/encoding/csv"
	"github.com/nexus-toolkit/nexus/analysis/graph/network"
	"github.com/nexus-toolkit/nexus/analysis/safefile"
)

func init() {
	commands["network"] = command{summary: "compute network measures of an edge list or of a dataset's network", run: cmdNetwork}
}

// filterFlags declares on fs -isolates (isolates is its default) and the
// filter flags of every registered study's network
// (compendium.NetworkFilters), and returns the function that reads their
// values into the options of a network: only the filters given.
func filterFlags(fs *flag.FlagSet, isolates bool) func(directed bool) compendium.NetworkOptions {
	filters := compendium.NetworkFilters()
	vals := make([]*string, len(filters))
	for i, f := range filters {
		vals[i] = fs.String(f.Name, "", f.Usage)
	}
	iso := fs.Bool("isolates", isolates, "keep the nodes that have no kept tie")
	return func(directed bool) compendium.NetworkOptions {
		opt := compendium.NetworkOptions{Directed: directed, Isolates: *iso, Filters: map[string]string{}}
		set := map[string]bool{}
		fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
		for i, f := range filters {
			if set[f.Name] {
				opt.Filters[f.Name] = *vals[i]
			}
		}
		return opt
	}
}

// filterNames returns the flags filterFlags declares.
func filterNames() []string {
	names := []string{"isolates"}
	for _, f := range compendium.NetworkFilters() {
		names = append(names, f.Name)
	}
	return names
}

// printErrors prints every error joined in err (errors.Join, nested
// too), one line each, after prefix.
func printErrors(w io.Writer, err error, prefix string) {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			printErrors(w, e, prefix)
		}
		return
	}
	for _, line := range strings.Split(repoRelative(err.Error()), "\n") {
		fmt.Fprintln(w, prefix+line)
	}
}

// repoRelative rewrites the absolute paths under the repository in msg
// (the directory of go.mod, from the working directory upwards) as paths
// relative to it, so messages read the same in every checkout.
func repoRelative(msg string) string {
	wd, err := os.Getwd()
	if err != nil {
		return msg
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return strings.ReplaceAll(msg, d+string(filepath.Separator), "")
		}
		if filepath.Dir(d) == d {
			return msg
		}
	}
}

// loadDataset builds the network of the data package in dir, by its
// study (compendium.OpenNetwork), for the command cmd. It returns the
// study too.
func loadDataset(dir, cmd string, opt compendium.NetworkOptions) (*graph.Graph, *compendium.Study, error) {
	p, s, err := compendium.OpenNetwork(dir, "nexus "+cmd)
	if err != nil {
		return nil, nil, err
	}
	g, err := s.Graph(p, opt)
	if err != nil {
		return nil, nil, err
	}
	if g.N() == 0 {
		return nil, nil, fmt.Errorf("%s: the network of study %s has no node%s, so there is nothing to write", p.Descriptor, s.Name, filtersText(opt))
	}
	return g, s, nil
}

// filtersText names the filters given, for an error: " with -from 3000".
func filtersText(opt compendium.NetworkOptions) string {
	var fs []string
	for _, f := range compendium.NetworkFilters() {
		if v, ok := opt.Filters[f.Name]; ok {
			fs = append(fs, "-"+f.Name+" "+v)
		}
	}
	if len(fs) == 0 {
		return ""
	}
	return " with " + strings.Join(fs, " ")
}

var networkSpec = spec{
	name: "network",
	synopsis: []string{
		"network -edges FILE.csv [-weight COLUMN [-parallel max|sum]] [-weighted strength,distance|length] [-directed] [-seed N] -out metrics.csv",
		"network -dataset DIR [filters] [-weighted strength,distance|length] [-directed] [-seed N] -out metrics.csv",
	},
	about: `Writes one row per node, sorted by node id: node,degree,in_degree,out_degree,
strength,betweenness,betweenness_raw,closeness,harmonic,eigenvector,pagerank,
core_number,core_periphery,community; with -dataset also the Gould-Fernandez
brokerage roles by camp: coordinator,itinerant,representative,gatekeeper,liaison.
core_number is the k-core number (NetworkX's core_number, igraph's coreness());
core_periphery is Borgatti and Everett's continuous coreness.
Weights are tie strengths: an edge-list -weight column, or with -dataset each
tie's number of independent sources. strength always sums them; every other
measure counts each tie once (as the paper's T4) unless -weighted names it:
strength uses the weight as a strength in eigenvector, PageRank,
core_periphery and the communities; distance gives shortest paths
(betweenness, closeness, harmonic) the length 1/weight, so a strong tie is a
short path; length gives them the weight itself as the length (for weights
that are distances). Rows between the same pair of nodes (a tie stored twice,
or in both directions of an undirected list) count once: -parallel max keeps
the largest weight, -parallel sum adds them.
The filters (-type, -scope, -coding, -from, -to, -isolates) apply to
-dataset only; by default the network has the organizations with a kept
relation, as the paper's T4.
-out - writes to standard output.`,
}

func cmdNetwork(stdout, stderr io.Writer, args []string) error {
	fs := networkSpec.flags()
	edgesFile := fs.String("edges", "", "edge list `file` (CSV with source,target columns)")
	dataset := fs.String("dataset", "", "dataset version `dir`")
	directed := fs.Bool("directed", false, "treat ties as directed (edge lists: source -> target; datasets: directed relations one way, others both ways)")
	weight := fs.String("weight", "", "edge-list `column` of weights, tie strengths (strength sums them; -weighted says which other measures use them)")
	parallel := fs.String("parallel", "max", "how the weights of rows between the same pair combine: `max` (a tie stored twice counts once) or sum")
	weighted := fs.String("weighted", "", "`measures` that use the weights besides strength: strength, distance (lengths 1/weight) or length (lengths = weight), comma-separated; none by default")
	seed := fs.Uint64("seed", 1, "Louvain `seed`")
	out := fs.String("out", "", "output `file` for metrics.csv (- for standard output)")
	filter := filterFlags(fs, false)
	if err := networkSpec.parse(fs, stdout, args); err != nil {
		return err
	}
	switch {
	case fs.NArg() > 0:
		return usagef("network", "unexpected argument %q", fs.Arg(0))
	case *edgesFile == "" && *dataset == "":
		return usagef("network", "-edges or -dataset is required")
	case *edgesFile != "" && *dataset != "":
		return usagef("network", "-edges and -dataset exclude each other; give one")
	case *parallel != "max" && *parallel != "sum":
		return usagef("network", "-parallel %q: expected max or sum", *parallel)
	}
	if err := networkSpec.require("out", *out); err != nil {
		return err
	}
	opt, err := weightedOptions(*weighted)
	if err != nil {
		return err
	}
	opt.Seed = *seed
	var g *graph.Graph
	if *edgesFile != "" {
		warnIgnored(stderr, fs, "with -edges (filters apply to -dataset)", filterNames()...)
		if *weight == "" {
			warnIgnored(stderr, fs, "without -weight", "parallel")
		}
		if g, err = readEdges(stderr, *edgesFile, *directed, *weight, *parallel); err != nil {
			return err
		}
	} else {
		warnIgnored(stderr, fs, "with -dataset (weights are sources)", "weight", "parallel")
		var s *compendium.Study
		if g, s, err = loadDataset(*dataset, "network", filter(*directed)); err != nil {
			return err
		}
		opt.Brokerage = s.Network.Groups
	}
	warnSelfLoops(stderr, "network", g)
	m, err := network.Compute(g, opt)
	if errors.Is(err, graph.ErrOverflow) {
		// No metrics: writing Inf or NaN would pass them off as results.
		fmt.Fprintln(stderr, err)
		return exitError{1}
	}
	if err != nil {
		fmt.Fprintln(stderr, "nexus network: warning:", err)
	}
	return writeOut(stdout, *out, m.WriteCSV)
}

// weightedOptions reads -weighted: a comma-separated list of strength,
// distance and length (or none), into the options of Compute.
func weightedOptions(list string) (network.ComputeOptions, error) {
	var opt network.ComputeOptions
	for _, w := range strings.Split(list, ",") {
		switch strings.TrimSpace(w) {
		case "", "none":
		case "strength":
			opt.Strength = true
		case "distance", "length":
			l := network.InverseWeight
			if strings.TrimSpace(w) == "length" {
				l = network.WeightLength
			}
			if opt.Lengths != network.Hops && opt.Lengths != l {
				return opt, usagef("network", "-weighted %q: distance and length exclude each other; give one", list)
			}
			opt.Lengths = l
		default:
			return opt, usagef("network", "-weighted %q: unknown %q, expected strength, distance, length or none", list, w)
		}
	}
	return opt, nil
}

// readEdges reads and builds an edge-list graph, printing every problem
// of the file.
func readEdges(stderr io.Writer, file string, directed bool, weight, parallel string) (*graph.Graph, error) {
	// A regular file only, of at most 2 GiB: a FIFO or /dev/zero would
	// hang or never end.
	f, err := safefile.OpenRegular(file, safefile.MaxSize)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	edges, err := csv.ReadEdges(f, file, csv.EdgeOptions{Directed: directed, Weight: weight})
	f.Close()
	if err != nil {
		printErrors(stderr, err, "nexus: ")
		return nil, exitError{1}
	}
	bo := graph.BuildOptions{Directed: directed, Weighting: graph.WeightOne}
	if weight != "" {
		bo.Weighting = graph.WeightMax
		if parallel == "sum" {
			bo.Weighting = graph.WeightSum
		}
	}
	return graph.Build(nil, edges, bo)
}
