package paper

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/nexus-toolkit/nexus/analysis/alliance"
	"github.com/nexus-toolkit/nexus/analysis/bib"
	"github.com/nexus-toolkit/nexus/analysis/figure"
	"github.com/nexus-toolkit/nexus/analysis/figure/netplot"
	"github.com/nexus-toolkit/nexus/analysis/graph"
	"github.com/nexus-toolkit/nexus/analysis/graph/network"
	"github.com/nexus-toolkit/nexus/analysis/graph/robust"
	"github.com/nexus-toolkit/nexus/analysis/study"
	"github.com/nexus-toolkit/nexus/analysis/table"
)

// AllianceTies are the tie types of the alliance network: every kind of
// cooperation the paper describes. Splits, defections, rivalry and armed
// conflict link organizations too, but not as allies, so they stay out of
// the network measures (T3 lists them).
var AllianceTies = []study.TieType{study.Alliance, study.Affiliation, study.Merger, study.Pledge, study.Sanctuary, study.Support, study.JointOperation, study.Liaison}

// AllianceFilter selects the alliance network of the paper: the
// organizations of the South-Asian network under study and the cooperative
// ties between them, whether stated or inferred, over the whole period.
var AllianceFilter = alliance.Filter{TieTypes: AllianceTies, Scope: study.StudyScope}

// Seed is the Louvain seed of every community detection in the paper.
const Seed = 1

// AllianceNetwork builds the undirected alliance network of s, with each
// tie weighted by its number of independent sources.
func AllianceNetwork(s *study.Study) (*graph.Graph, error) {
	return alliance.Build(s, AllianceFilter, alliance.NetworkOptions{})
}

// AllianceMetrics computes every measure of the alliance network with
// network.ComputeOptions' defaults: strength sums the sources, and every
// other measure counts each tie once.
func AllianceMetrics(s *study.Study) (*graph.Graph, *network.Metrics, error) {
	g, err := AllianceNetwork(s)
	if err != nil {
		return nil, nil, err
	}
	m, err := network.Compute(g, network.ComputeOptions{Seed: Seed})
	return g, m, err
}

// NetworkMeasures is T4: the measures of every organization of the
// alliance network, sorted by betweenness, then degree, then ID.
func NetworkMeasures(s *study.Study) (*table.Table, error) {
	g, m, err := AllianceMetrics(s)
	if err != nil {
		return nil, err
	}
	t := table.New("Network measures of the alliance network",
		table.Column{Name: "organization", Header: "Organization"},
		table.Column{Name: "camp", Header: "Camp"},
		table.Column{Name: "degree", Header: "Degree", Kind: table.KindNumber},
		table.Column{Name: "strength", Header: "Strength", Kind: table.KindNumber},
		table.Column{Name: "betweenness", Header: "Betweenness", Kind: table.KindNumber},
		table.Column{Name: "closeness", Header: "Closeness", Kind: table.KindNumber},
		table.Column{Name: "eigenvector", Header: "Eigenvector", Kind: table.KindNumber},
		table.Column{Name: "pagerank", Header: "PageRank", Kind: table.KindNumber},
		table.Column{Name: "core_number", Header: "k-core", Kind: table.KindNumber},
		table.Column{Name: "core_periphery", Header: "Core–periphery", Kind: table.KindNumber},
		table.Column{Name: "community", Header: "Community", Kind: table.KindNumber},
	)
	t.Label = "tbl:network-measures"
	t.Caption = fmt.Sprintf("The %d organizations and %d ties of the alliance network (scope: study; tie types: %s).",
		len(g.Nodes), len(g.Links), study.JoinCodes(AllianceTies, ", "))
	t.Long = true
	t.Notes = []string{
		"Strength sums each tie's independent sources (distinct references cited, plus one for passages citing none); it is the only measure that uses them. Every other measure counts each tie once, however many sources or passages support it: NetworkX's weight=None, R igraph's weights=NA.",
		"Betweenness is normalised as NetworkX's default, 2/((n-1)(n-2)); closeness uses Wasserman and Faust's correction for disconnected graphs (NetworkX wf_improved); eigenvector centrality has unit L2 norm; PageRank uses alpha 0.85.",
		"k-core is each organization's k-core number (NetworkX's core_number, igraph's coreness()); core–periphery is Borgatti and Everett's continuous coreness (UCINET's), which is not igraph's coreness(); communities are Louvain's (resolution 1, seed " + strconv.Itoa(Seed) + ").",
	}
	idx := make([]int, len(g.Nodes))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		i, j := idx[a], idx[b]
		if m.Betweenness[i] != m.Betweenness[j] {
			return m.Betweenness[i] > m.Betweenness[j]
		}
		if m.Degree[i] != m.Degree[j] {
			return m.Degree[i] > m.Degree[j]
		}
		return g.Nodes[i].ID < g.Nodes[j].ID
	})
	orgs := orgIndex(s)
	incident := incidentRows(g)
	for _, i := range idx {
		org := table.Ref{Resource: "organizations", Key: g.Nodes[i].ID}
		// Local measures rest on the node's own ties; global ones
		// (betweenness, closeness, eigenvector, PageRank, cores,
		// communities) on the whole network, so they too name only the
		// rows that tie this organization, the ones a reader checks first.
		ties := table.Refs("relations", incident[i]...)
		t.Append(
			table.Str(orgLabel(orgs[g.Nodes[i].ID])).From(org),
			table.Str(g.Nodes[i].Group).From(org),
			table.Int(m.Degree[i]).From(ties...),
			table.Float(m.Strength[i], 0).From(ties...),
			table.Float(m.Betweenness[i], 4).From(ties...),
			table.Float(m.Closeness[i], 4).From(ties...),
			table.Float(m.Eigenvector[i], 4).From(ties...),
			table.Float(m.PageRank[i], 4).From(ties...),
			table.Int(m.Core[i]).From(ties...),
			table.Float(m.Coreness[i], 4).From(ties...),
			table.Int(m.Community[i]+1).From(ties...),
		)
	}
	return t, nil
}

// incidentRows returns, for each node of g, the IDs of the rows behind
// its links, in link order.
func incidentRows(g *graph.Graph) [][]string {
	out := make([][]string, len(g.Nodes))
	edges := g.Edges()
	for _, l := range g.Links {
		for _, r := range l.Rows {
			out[l.U] = append(out[l.U], edges[r].ID)
			out[l.V] = append(out[l.V], edges[r].ID)
		}
	}
	return out
}

// Robustness runs the leave-one-source-out analysis on the alliance
// network of s.
func Robustness(s *study.Study) (*robust.Result, error) {
	nodes, edges := alliance.FromStudy(s, AllianceFilter)
	return robust.LeaveOneOut(nodes, edges, robust.Options{
		Build:   alliance.BuildOptions(alliance.NetworkOptions{}),
		Compute: network.ComputeOptions{Seed: Seed},
	})
}

func labelList(ids []string, orgs map[string]study.Organization) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = orgLabel(orgs[id])
	}
	return strings.Join(out, ", ")
}

// RobustnessTable is T7: for each reference that supports ties of the
// alliance network, what changes when the ties resting on it alone are
// dropped: the top five organizations by each measure, the main core and
// the communities.
func RobustnessTable(s *study.Study) (*table.Table, error) {
	r, err := Robustness(s)
	if err != nil {
		return nil, err
	}
	t := table.New("Leave-one-source-out robustness of the alliance network",
		table.Column{Name: "source", Header: "Source left out"},
		table.Column{Name: "ties_removed", Header: "Ties removed", Kind: table.KindNumber},
		table.Column{Name: "links_lost", Header: "Links lost", Kind: table.KindNumber},
		table.Column{Name: "top5_changes", Header: "Top-5 changes"},
		table.Column{Name: "core_changes", Header: "Main core"},
		table.Column{Name: "community_moves", Header: "Community moves"},
	)
	t.Label = "tbl:robustness"
	t.Long = true
	orgs := orgIndex(s)
	refs := newRefIndex(s)
	unchanged := 0
	for _, d := range r.Drops {
		var tops []string
		for _, c := range d.Top {
			if !c.Changed() {
				continue
			}
			var parts []string
			if len(c.Entered) > 0 {
				parts = append(parts, "+"+labelList(c.Entered, orgs))
			}
			if len(c.Exits) > 0 {
				parts = append(parts, "−"+labelList(c.Exits, orgs))
			}
			if len(parts) == 0 && c.Reordered {
				parts = append(parts, "reordered")
			}
			tops = append(tops, c.Measure+": "+strings.Join(parts, " "))
		}
		var core []string
		if len(d.CoreLeft) > 0 {
			core = append(core, "left: "+labelList(d.CoreLeft, orgs))
		}
		if len(d.CoreJoined) > 0 {
			core = append(core, "joined: "+labelList(d.CoreJoined, orgs))
		}
		name := d.Source
		if ref, ok := refs[d.Source]; ok {
			name = bib.AuthorYear(ref)
		}
		topCell, coreCell, moveCell := strings.Join(tops, "; "), strings.Join(core, "; "), labelList(d.Moved, orgs)
		if topCell == "" && coreCell == "" && moveCell == "" {
			unchanged++
		}
		if topCell == "" {
			topCell = "none"
		}
		if coreCell == "" {
			coreCell = "none"
		}
		if moveCell == "" {
			moveCell = "none"
		}
		if d.Err != nil {
			topCell += " (" + d.Err.Error() + ")"
		}
		src, rows := table.Refs("references", d.Source), table.Refs("relations", d.Rows...)
		t.Append(table.Str(name).From(src...), table.Int(len(d.Rows)).From(rows...), table.Int(len(d.Links)).From(rows...),
			table.Str(topCell).From(rows...), table.Str(coreCell).From(rows...), table.Str(moveCell).From(rows...))
	}
	t.Caption = fmt.Sprintf("Each of the %d references that support ties of the alliance network is left out in turn, with the ties that rest on it alone; %d of them change none of the conclusions.", len(r.Drops), unchanged)
	t.Notes = []string{
		"Top-5 changes lists, per measure (" + strings.Join(r.Measures, ", ") + "), the organizations that enter (+) or leave (−) the five most central. Main core: organizations that leave or join the highest k-core. Community moves: organizations whose Louvain co-members change.",
		"Ties resting on the paper itself (no citation) and on several references are never removed.",
	}
	return t, nil
}

var camps = []string{"ttp", "aq", "is", "taliban", "state", "other"}

var campLabels = map[string]string{"ttp": "TTP and factions", "aq": "al-Qaeda camp", "is": "Islamic State camp", "taliban": "Afghan Taliban", "state": "states", "other": "other groups"}

// campColors are the colours of camps, in order: six Okabe-Ito hues,
// never the greys of the tie types (netplot.KindStyle), so that no colour
// of F1 has two meanings.
var campColors = []color.Color{figure.Vermillion, figure.Blue, figure.ReddishPurple, figure.BluishGreen, figure.Orange, figure.SkyBlue}

// linkType is the dominant tie type of the k-th link of g: the most
// frequent one among its rows, ties broken in the order of AllianceTies.
func linkType(g *graph.Graph, k int) study.TieType {
	count := map[study.TieType]int{}
	for _, e := range g.LinkEdges(k) {
		count[study.TieType(e.Kind)]++
	}
	best := study.TieType("")
	for _, t := range AllianceTies {
		if count[t] > count[best] {
			best = t
		}
	}
	return best
}

// AllianceNetworkPlot is the network plotter of F1, its legend added:
// the alliance network in the stress layout (alliance.Layout), nodes
// sized by degree, coloured by camp and labelled, links styled by their
// dominant tie type (linkType) in greys and dash patterns and widened by
// their number of independent sources.
func AllianceNetworkPlot(s *study.Study) (*netplot.Network, error) {
	g, m, err := AllianceMetrics(s)
	if err != nil {
		return nil, err
	}
	pos, err := alliance.Layout(g)
	if err != nil {
		return nil, err
	}
	orgs := orgIndex(s)
	opt := netplot.Options{
		Size: make([]float64, g.N()), Group: make([]string, g.N()), Labels: make([]string, g.N()),
		LinkKind:   make([]string, len(g.Links)),
		GroupTitle: "Camp", KindTitle: "Tie type (most frequent)", GroupLabels: campLabels,
	}
	present := map[string]bool{}
	for i, node := range g.Nodes {
		opt.Size[i], opt.Group[i], opt.Labels[i] = float64(m.Degree[i]), node.Group, orgLabel(orgs[node.ID])
		present[node.Group] = true
	}
	for k, c := range camps {
		if present[c] {
			opt.Groups, opt.Colors = append(opt.Groups, c), append(opt.Colors, campColors[k])
		}
	}
	for k := range g.Links {
		opt.LinkKind[k] = string(linkType(g, k))
		present[opt.LinkKind[k]] = true
	}
	for _, t := range AllianceTies {
		if present[string(t)] {
			opt.Kinds = append(opt.Kinds, string(t))
		}
	}
	net, err := netplot.New(g, pos, opt)
	if err != nil {
		return nil, err
	}
	net.MinWidth, net.MaxWidth = vg.Points(0.8), vg.Points(3)
	net.Pad = 0.7 // room for the long labels of the outermost nodes
	return net, nil
}

// AllianceNetworkFigure is F1: the alliance network (AllianceNetworkPlot).
// A link that carries several tie types is drawn in its most frequent
// one, as the legend's heading says; T3 lists every tie.
func AllianceNetworkFigure(s *study.Study) (*plot.Plot, error) {
	p, _, err := allianceNetworkFigure(s)
	return p, err
}

// F1Height is the height of F1 (it is FullWidth wide).
const F1Height = 15 * vg.Centimeter

// allianceNetworkFigure is F1 and its network plotter.
func allianceNetworkFigure(s *study.Study) (*plot.Plot, *netplot.Network, error) {
	net, err := AllianceNetworkPlot(s)
	if err != nil {
		return nil, nil, err
	}
	g, err := AllianceNetwork(s)
	if err != nil {
		return nil, nil, err
	}
	p := figure.New()
	p.Title.Text = fmt.Sprintf("The alliance network: %d organizations, %d ties; node size = degree, line width = sources", g.N(), len(g.Links))
	p.HideAxes()
	p.Add(net)
	net.AddLegend(p)
	return p, net, nil
}

// rankRange is a plotter of one horizontal segment per row, from the best
// to the worst rank a node takes when one source is left out, with a dot
// at its rank in the full network.
type rankRange struct {
	lo, hi, base []float64
}

func (r rankRange) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	n := len(r.base)
	for i := range r.base {
		y := ty(float64(n - 1 - i))
		c.StrokeLines(draw.LineStyle{Color: figure.SkyBlue, Width: vg.Points(3)},
			[]vg.Point{{X: tx(r.lo[i]) - vg.Points(1), Y: y}, {X: tx(r.hi[i]) + vg.Points(1), Y: y}})
		c.DrawGlyph(draw.GlyphStyle{Color: figure.Vermillion, Radius: vg.Points(2), Shape: draw.CircleGlyph{}}, vg.Point{X: tx(r.base[i]), Y: y})
	}
}

func (r rankRange) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmax = 1
	for _, v := range r.hi {
		xmax = math.Max(xmax, v)
	}
	return 0.5, xmax + 0.5, -0.5, float64(len(r.base)) - 0.5
}

// RankStabilityMeasure is the measure F5 shows.
const RankStabilityMeasure = "betweenness"

// rankRows returns F5's rows (top row last in rr, as drawn from the
// bottom), their names top first, the largest rank drawn and the
// robustness run they come from.
func rankRows(s *study.Study) (rr rankRange, names []string, maxRank int, r *robust.Result, err error) {
	r, err = Robustness(s)
	if err != nil {
		return rankRange{}, nil, 0, nil, err
	}
	mi := -1
	for i, m := range r.Measures {
		if m == RankStabilityMeasure {
			mi = i
		}
	}
	if mi < 0 {
		return rankRange{}, nil, 0, nil, fmt.Errorf("measure %q is not among the robustness measures %v", RankStabilityMeasure, r.Measures)
	}
	base := r.BaseRank[mi]
	idx := make([]int, len(base))
	for i := range idx {
		idx[i] = i
	}
	nodes := r.Base.Nodes
	sort.SliceStable(idx, func(a, b int) bool {
		if base[idx[a]] != base[idx[b]] {
			return base[idx[a]] < base[idx[b]]
		}
		return nodes[idx[a]].ID < nodes[idx[b]].ID
	})
	orgs := orgIndex(s)
	type row struct {
		lo, hi, base float64
		name         string
	}
	var rows []row
	for _, i := range idx {
		lo, hi := float64(base[i]), float64(base[i])
		for _, d := range r.Drops {
			v := float64(d.Rank[mi][i])
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
		rows = append(rows, row{lo, hi, float64(base[i]), orgLabel(orgs[nodes[i].ID])})
	}
	// Three or more organizations whose rank and range are the same (they
	// follow each other in rank order) are drawn as one row that counts
	// them, rather than as a column of identical rows.
	for k := 0; k < len(rows); {
		j := k + 1
		for j < len(rows) && rows[j].lo == rows[k].lo && rows[j].hi == rows[k].hi && rows[j].base == rows[k].base {
			j++
		}
		name := rows[k].name
		if j-k > 2 {
			name = fmt.Sprintf("%d organizations ranked %d", j-k, int(rows[k].base))
		} else {
			j = k + 1
		}
		rr.lo, rr.hi, rr.base = append(rr.lo, rows[k].lo), append(rr.hi, rows[k].hi), append(rr.base, rows[k].base)
		names = append(names, name)
		k = j
	}
	slices.Reverse(names)
	maxRank = 1
	for _, v := range rr.hi {
		maxRank = max(maxRank, int(v))
	}
	return rr, names, maxRank, r, nil
}

// RankStability is F5: for every organization of the alliance network, its
// rank by betweenness in the full network (dot) and the range of ranks it
// takes when each supporting source is left out in turn (bar). A short bar
// means the organization's position does not hang on any one source.
func RankStability(s *study.Study) (*plot.Plot, error) {
	rr, names, maxRank, r, err := rankRows(s)
	if err != nil {
		return nil, err
	}
	p := figure.New()
	p.Title.Text = fmt.Sprintf("Rank by betweenness in the full network (dot) and its range when each of %d sources is left out (bar)", len(r.Drops))
	g := plotter.NewGrid()
	g.Vertical = figure.GridStyle()
	g.Horizontal.Color = nil
	p.Add(g, rr)
	figure.Nominal(&p.Y, names...)
	figure.IntegerTicks(&p.X, 1, maxRank)
	p.X.Label.Text = "Rank (1 = most central; equal values share the best rank)"
	return p, nil
}
