package alliance

import (
	"math"
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/graph/export"
	"github.com/nexus-toolkit/nexus/analysis/graph/network"
	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// igraphMeasures reads each export named on the command line
// (format:path) with python-igraph and prints, by node ID, betweenness
// (normalized as NetworkX normalizes it: divided by (n-1)(n-2)/2),
// closeness, eigenvector centrality (scaled to a maximum of 1, igraph's
// scale), PageRank and coreness, "none" without weights (igraph's
// default) and, for GraphML, "weighted" with the export's distance
// attribute for paths and strength for eigenvector and PageRank.
const igraphMeasures = `
import json, sys
import igraph
read = {'graphml': igraph.Graph.Read_GraphML, 'pajek': igraph.Graph.Read_Pajek}
out = {}
for arg in sys.argv[1:]:
    fmt, path = arg.split(':', 1)
    G = read[fmt](path)
    ids = G.vs['id'] if 'id' in G.vs.attributes() else G.vs['name']
    n = G.vcount()
    def by_id(xs):
        return dict(zip(ids, xs))
    def measures(dist, strength):
        b = [x * 2 / ((n - 1) * (n - 2)) for x in G.betweenness(directed=False, weights=dist)]
        return [by_id(b), by_id(G.closeness(weights=dist, normalized=True)),
                by_id(G.eigenvector_centrality(directed=False, scale=True, weights=strength)),
                by_id(G.pagerank(directed=False, damping=0.85, weights=strength)),
                by_id([float(c) for c in G.coreness()])]
    r = {'none': measures(None, None)}
    if fmt == 'graphml':
        r['weighted'] = measures('distance', 'strength')
    out[fmt] = r
print(json.dumps(out))
`

// TestExportMeasuresIgraph reads the GraphML and Pajek exports with
// python-igraph (Debian's python3-igraph, igraph 0.10) and checks what
// that consumer gets: without weights, igraph's default, T4's
// betweenness, closeness, eigenvector centrality, PageRank and k-core
// number (igraph's coreness(), T4's core_number); with the GraphML's
// distance and strength attributes, network.Compute's Strength with
// InverseWeight lengths.
func TestExportMeasuresIgraph(t *testing.T) {
	testenv.Short(t, "runs python-igraph")
	py := testenv.Python(t, "igraph", 0, "python3-igraph", "the igraph read-back of the measures")
	g := fixture(t, false)
	var got map[string]map[string][5]map[string]float64
	out := readBack(t, py, igraphMeasures, NewDoc(g), &got, export.GraphML, export.Pajek)
	compute := func(opt network.ComputeOptions) [5][]float64 {
		m, err := network.Compute(g, opt)
		if err != nil {
			t.Fatal(err)
		}
		ev := append([]float64(nil), m.Eigenvector...)
		top := 0.0
		for _, x := range ev {
			top = math.Max(top, x)
		}
		core := make([]float64, len(m.Core))
		for i, c := range m.Core {
			ev[i] /= top // igraph's scale: a maximum of 1
			core[i] = float64(c)
		}
		return [5][]float64{m.Betweenness, m.Closeness, ev, m.PageRank, core}
	}
	names := [5]string{"betweenness", "closeness", "eigenvector", "pagerank", "coreness"}
	check := func(what string, got [5]map[string]float64, want [5][]float64) {
		t.Helper()
		for k := range names {
			if len(got[k]) != len(g.Nodes) {
				t.Errorf("%s: igraph gives %s for %d nodes, want %d", what, names[k], len(got[k]), len(g.Nodes))
			}
			for i, n := range g.Nodes {
				if v, ok := got[k][n.ID]; !ok || math.Abs(v-want[k][i]) > 1e-9 {
					t.Errorf("%s: %s of %s: igraph %v, nexus %v", what, names[k], n.ID, v, want[k][i])
				}
			}
		}
	}
	plain := compute(network.ComputeOptions{})
	weighted := compute(network.ComputeOptions{Strength: true, Lengths: network.InverseWeight})
	check("graphml", got["graphml"]["none"], plain)
	check("pajek", got["pajek"]["none"], plain)
	check("graphml distance/strength", got["graphml"]["weighted"], weighted)
	same := true
	for k := range 4 {
		for i := range plain[k] {
			same = same && math.Abs(plain[k][i]-weighted[k][i]) < 1e-6
		}
	}
	if same {
		t.Error("the fixture's weighted measures equal the unweighted ones, so the test cannot tell them apart")
	}
	if !strings.Contains(string(out), "ttp") {
		t.Errorf("igraph's reading names no node by its ID: %s", out)
	}
}
