package network

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/nexus-toolkit/nexus/analysis/graph"
	"github.com/nexus-toolkit/nexus/analysis/graph/community"
)

// ComputeOptions controls Compute. The zero value counts every link once
// in every measure but Strength, which always sums the weights: the
// convention of the paper's T4.
type ComputeOptions struct {
	// Strength makes each link's weight its strength in eigenvector
	// centrality, PageRank, core-periphery coreness, Louvain and
	// modularity, as NetworkX's weight="weight" in those functions: a
	// link of weight 3 counts three times one of weight 1. Off, every
	// link counts 1 (NetworkX's weight=None). Degree and the k-core number
	// never use weights.
	Strength bool
	// Lengths gives each link its length in the shortest-path measures
	// (betweenness, closeness, harmonic): Hops (1, the default),
	// InverseWeight (1/weight, so that a strong tie is a short path) or
	// WeightLength (the weight itself, for weights that are distances).
	Lengths Lengths
	// Seed seeds Louvain's node order.
	Seed uint64
	// Brokerage computes Gould-Fernandez roles with each node's Group as
	// its group.
	Brokerage bool
}

// Metrics holds every node measure, in node order (sorted by ID).
type Metrics struct {
	Nodes                       []graph.Node
	Degree, InDegree, OutDegree []int
	Strength                    []float64
	Betweenness                 []float64 // NetworkX's normalised default
	BetweennessRaw              []float64 // igraph's raw count
	Closeness, Harmonic         []float64
	Eigenvector, PageRank       []float64
	// Core is the k-core number: NetworkX's core_number, igraph's
	// coreness() (column core_number).
	Core []int
	// Coreness is Borgatti and Everett's continuous core-periphery
	// coreness (UCINET's), not igraph's coreness() (column
	// core_periphery).
	Coreness   []float64
	Community  []int   // Louvain community
	Modularity float64 // of Community
	// Brokerage holds Gould-Fernandez roles by Node.Group; nil unless
	// ComputeOptions.Brokerage is set. WriteCSV then adds the columns
	// BrokerageColumns.
	Brokerage []Roles
}

// BrokerageColumns are the columns WriteCSV adds when Metrics.Brokerage
// is set.
var BrokerageColumns = []string{"coordinator", "itinerant", "representative", "gatekeeper", "liaison"}

// Compute returns every measure of g. See path.ShortestPaths, Eigenvector,
// PageRank (alpha 0.85), CoreNumbers, Coreness and community.Louvain for the
// conventions, and ComputeOptions for which measures use the weights:
// by default only Strength does. An eigenvector or PageRank that fails to converge is
// reported as an error together with the (unconverged) metrics.
//
// Weights whose sums overflow float64, or lengths so small that a
// reciprocal does, make Compute fail with an error wrapping graph.ErrOverflow
// that names the measure and a node, and return no metrics: no measure is
// ever Inf or NaN (see the doc of github.com/nexus-toolkit/nexus/analysis/graph).
func Compute(g *graph.Graph, opt ComputeOptions) (*Metrics, error) {
	m := &Metrics{Nodes: g.Nodes}
	m.Degree, m.InDegree, m.OutDegree = Degrees(g)
	m.Strength = Strengths(g)
	if err := checkStrengths(g, m.Strength); err != nil {
		return nil, err
	}
	p, err := shortestPaths(g, opt.Lengths)
	if err != nil {
		return nil, err
	}
	m.Betweenness, m.BetweennessRaw = p.Betweenness, p.BetweennessRaw
	m.Closeness, m.Harmonic = p.Closeness, p.Harmonic
	var errs []error
	if m.Eigenvector, err = Eigenvector(g, EigenvectorOptions{Weighted: opt.Strength}); err != nil {
		errs = append(errs, fmt.Errorf("eigenvector: %w", err))
	}
	if m.PageRank, err = PageRank(g, PageRankOptions{Damping: DefaultDamping, Weighted: opt.Strength}); err != nil {
		errs = append(errs, fmt.Errorf("pagerank: %w", err))
	}
	m.Core = CoreNumbers(g)
	m.Coreness = Coreness(g, CorenessOptions{Weighted: opt.Strength})
	m.Community = community.Louvain(g, community.LouvainOptions{Seed: opt.Seed, Weighted: opt.Strength})
	m.Modularity = community.Modularity(g, m.Community, community.ModularityOptions{Weighted: opt.Strength})
	if opt.Brokerage {
		groups := make([]string, g.N())
		for i, n := range g.Nodes {
			groups[i] = n.Group
		}
		m.Brokerage = Brokerage(g, groups)
	}
	if err := m.checkFinite(); err != nil {
		return nil, err
	}
	if len(errs) > 0 {
		return m, errs[0]
	}
	return m, nil
}

// Columns are the columns of WriteCSV, in order. They are named by
// NetworkX's functions where one computes the value: core_number is
// nx.core_number (igraph's coreness()); core_periphery is Borgatti and
// Everett's continuous coreness (Coreness), which neither library has.
var Columns = []string{"node", "degree", "in_degree", "out_degree", "strength",
	"betweenness", "betweenness_raw", "closeness", "harmonic", "eigenvector",
	"pagerank", "core_number", "core_periphery", "community"}

// FormatFloat formats a measure as the shortest decimal that reads back
// to the same float64 (strconv 'g', precision -1).
func FormatFloat(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// WriteCSV writes one row per node, sorted by node ID, with the Columns
// (and BrokerageColumns when computed). Floats are written by FormatFloat.
func (m *Metrics) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	head := Columns
	if m.Brokerage != nil {
		head = append(slices.Clone(Columns), BrokerageColumns...)
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	it := strconv.Itoa
	for i, n := range m.Nodes {
		rec := []string{n.ID, it(m.Degree[i]), it(m.InDegree[i]), it(m.OutDegree[i]),
			FormatFloat(m.Strength[i]), FormatFloat(m.Betweenness[i]), FormatFloat(m.BetweennessRaw[i]),
			FormatFloat(m.Closeness[i]), FormatFloat(m.Harmonic[i]), FormatFloat(m.Eigenvector[i]),
			FormatFloat(m.PageRank[i]), it(m.Core[i]), FormatFloat(m.Coreness[i]), it(m.Community[i])}
		if m.Brokerage != nil {
			b := m.Brokerage[i]
			rec = append(rec, it(b.Coordinator), it(b.Itinerant), it(b.Representative), it(b.Gatekeeper), it(b.Liaison))
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
