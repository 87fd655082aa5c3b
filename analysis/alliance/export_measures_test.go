package alliance

import (
	"encoding/json"
	"math"
	"os/exec"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/graph/encoding"
	"github.com/nexus-toolkit/nexus/analysis/graph/export"
	"github.com/nexus-toolkit/nexus/analysis/graph/network"
	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// nxMeasures reads each export named on the command line (format:path)
// with NetworkX and prints, by node ID, betweenness, closeness,
// eigenvector centrality and PageRank three ways: "default" with
// NetworkX's defaults (pagerank's weight="weight", none elsewhere),
// "none" with weight=None throughout, and "weighted" with the exports'
// distance attribute for paths and strength for the others (GraphML and
// GEXF; Pajek has no attribute but its line value).
const nxMeasures = `
import json, sys
import networkx as nx
from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python
read = {'graphml': nx.read_graphml, 'gexf': nx.read_gexf, 'pajek': nx.read_pajek}
def ev(G, w):
    return nx.eigenvector_centrality(G, weight=w, tol=1e-15, max_iter=100000)
out = {}
for arg in sys.argv[1:]:
    fmt, path = arg.split(':', 1)
    G = read[fmt](path)
    if G.is_multigraph():
        G = nx.Graph(G)
    r = {'default': [nx.betweenness_centrality(G), nx.closeness_centrality(G), ev(G, None),
                     _pagerank_python(G, tol=1e-15, max_iter=100000)],
         'none': [nx.betweenness_centrality(G, weight=None), nx.closeness_centrality(G, distance=None),
                  ev(G, None), _pagerank_python(G, weight=None, tol=1e-15, max_iter=100000)]}
    if fmt != 'pajek':
        r['weighted'] = [nx.betweenness_centrality(G, weight='distance'), nx.closeness_centrality(G, distance='distance'),
                         ev(G, 'strength'), _pagerank_python(G, weight='strength', tol=1e-15, max_iter=100000)]
    out[fmt] = r
print(json.dumps(out))
`

// readBack writes d in each format to a temporary directory, runs the
// Python script on them (arguments format:path) and decodes the JSON it
// prints into got; it returns what the script printed.
func readBack(t *testing.T, py, script string, d *encoding.Doc, got any, formats ...export.Format) []byte {
	t.Helper()
	dir := t.TempDir()
	var args []string
	for _, f := range formats {
		args = append(args, string(f)+":"+writeTemp(t, dir, "net."+string(f), d, f))
	}
	out, err := exec.Command(py, append([]string{"-c", script}, args...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", py, err, out)
	}
	if err := json.Unmarshal(out, got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	return out
}

// TestExportMeasuresNetworkX reads the GraphML, GEXF and Pajek exports
// with NetworkX and checks what a consumer gets: with weight=None the
// measures of network.Compute's default (T4's convention); with the
// distance and strength attributes those of Compute with Strength and
// InverseWeight; and with NetworkX's defaults T4's values everywhere but
// PageRank from GEXF and Pajek, whose weight (the strength) nx.pagerank
// uses by default.
func TestExportMeasuresNetworkX(t *testing.T) {
	py := testenv.Python(t, "networkx", 3, "python3-networkx", "the NetworkX read-back of the measures")
	g := fixture(t, false)
	var got map[string]map[string][4]map[string]float64
	readBack(t, py, nxMeasures, NewDoc(g), &got, export.GraphML, export.GEXF, export.Pajek)
	compute := func(opt network.ComputeOptions) [4][]float64 {
		m, err := network.Compute(g, opt)
		if err != nil {
			t.Fatal(err)
		}
		return [4][]float64{m.Betweenness, m.Closeness, m.Eigenvector, m.PageRank}
	}
	plain := compute(network.ComputeOptions{})
	weighted := compute(network.ComputeOptions{Strength: true, Lengths: network.InverseWeight})
	strengthPR := compute(network.ComputeOptions{Strength: true})[3]
	names := [4]string{"betweenness", "closeness", "eigenvector", "pagerank"}
	check := func(what string, got [4]map[string]float64, want [4][]float64) {
		t.Helper()
		for k := range names {
			for i, n := range g.Nodes {
				if math.Abs(got[k][n.ID]-want[k][i]) > 1e-9 {
					t.Errorf("%s: %s of %s: NetworkX %v, nexus %v", what, names[k], n.ID, got[k][n.ID], want[k][i])
				}
			}
		}
	}
	for _, f := range []string{"graphml", "gexf", "pajek"} {
		check(f+" weight=None", got[f]["none"], plain)
		def := plain
		if f != "graphml" {
			def[3] = strengthPR // GEXF's and Pajek's weight is the strength
		}
		check(f+" defaults", got[f]["default"], def)
		if f != "pajek" {
			check(f+" distance/strength", got[f]["weighted"], weighted)
		}
	}
	if differ := func() bool {
		for i := range plain[3] {
			if math.Abs(plain[3][i]-strengthPR[i]) > 1e-6 {
				return true
			}
		}
		return false
	}(); !differ {
		t.Error("the fixture's strength-weighted PageRank equals the unweighted one, so the test cannot tell them apart")
	}
}
