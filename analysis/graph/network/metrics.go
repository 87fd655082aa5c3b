package network

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/nexus-toolkit/nexus/analysis/graph"
	"github.com/nexus-toolkit/nexus/analysis/graph/community"
	"github.com/nexus-toolkit/nexus/analysis/graph/path"
)

// ComputeOptions controls Compute.
type ComputeOptions struct {
	// Weighted makes link weights lengths in shortest paths (betweenness,
	// closeness, harmonic) and strengths in eigenvector, PageRank,
	// coreness and Louvain, as NetworkX's weight="weight". Strength always
	// uses the weights.
	Weighted bool
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
	Core                        []int     // k-core number
	Coreness                    []float64 // Borgatti-Everett continuous coreness
	Community                   []int     // Louvain community
	Modularity                  float64   // of Community
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
// conventions. An eigenvector or PageRank that fails to converge is
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
	p := path.ShortestPaths(g, path.Options{Weighted: opt.Weighted})
	m.Betweenness, m.BetweennessRaw = p.Betweenness, p.BetweennessRaw
	m.Closeness, m.Harmonic = p.Closeness, p.Harmonic
	var errs []error
	var err error
	if m.Eigenvector, err = Eigenvector(g, EigenvectorOptions{Weighted: opt.Weighted}); err != nil {
		errs = append(errs, fmt.Errorf("eigenvector: %w", err))
	}
	if m.PageRank, err = PageRank(g, PageRankOptions{Damping: DefaultDamping, Weighted: opt.Weighted}); err != nil {
		errs = append(errs, fmt.Errorf("pagerank: %w", err))
	}
	m.Core = CoreNumbers(g)
	m.Coreness = Coreness(g, CorenessOptions{Weighted: opt.Weighted})
	m.Community = community.Louvain(g, community.LouvainOptions{Seed: opt.Seed, Weighted: opt.Weighted})
	m.Modularity = community.Modularity(g, m.Community, community.ModularityOptions{Weighted: opt.Weighted})
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

// Columns are the columns of WriteCSV, in order.
var Columns = []string{"node", "degree", "in_degree", "out_degree", "strength",
	"betweenness", "betweenness_raw", "closeness", "harmonic", "eigenvector",
	"pagerank", "core", "coreness", "community"}

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
