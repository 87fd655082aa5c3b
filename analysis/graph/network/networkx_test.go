package network

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"testing"

	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// nxWeighted computes the weighted measures with NetworkX from a JSON
// graph on standard input, with the weight as two attributes: strength =
// weight and distance = 1/weight (as the exports write them). Paths use
// distance, eigenvector centrality and PageRank strength, each with a
// tolerance of 1e-15 (pure Python: no NumPy needed).
const nxWeighted = `
import json, sys
import networkx as nx
from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python
d = json.load(sys.stdin)
G = nx.DiGraph() if d['directed'] else nx.Graph()
G.add_nodes_from(d['nodes'])
for (u, v), w in zip(d['edges'], d['weights']):
    G.add_edge(u, v, strength=w, distance=1 / w)
col = lambda x: [x[n] for n in d['nodes']]
print(json.dumps({
    'nx': nx.__version__,
    'betweenness': col(nx.betweenness_centrality(G, weight='distance')),
    'betweennessRaw': col(nx.betweenness_centrality(G, weight='distance', normalized=False)),
    'closeness': col(nx.closeness_centrality(G, distance='distance')),
    'harmonic': col(nx.harmonic_centrality(G, distance='distance')),
    'eigenvector': col(nx.eigenvector_centrality(G, weight='strength', tol=1e-15, max_iter=100000)),
    'pagerank': col(_pagerank_python(G, alpha=0.85, weight='strength', tol=1e-15, max_iter=100000)),
}))
`

// networkx returns a python3 that imports NetworkX, or stops the test
// through testenv.Missing.
func networkx(t *testing.T) string {
	t.Helper()
	for _, py := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(py, "-c", "import networkx").Run() == nil {
			return py
		}
	}
	testenv.Missing(t, "a python3 with NetworkX (apt-get install python3-networkx)")
	return ""
}

// weightedDirected is refDirected's graph with weights of its own.
var weightedDirected = reference{nodes: refDirected.nodes, directed: true, edges: refDirected.edges,
	weights: []float64{1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2}}

// TestWeightedNetworkX: with ComputeOptions{Strength: true, Lengths:
// InverseWeight}, betweenness, closeness and harmonic centrality equal
// NetworkX's with weight="distance" (an attribute 1/weight), and
// eigenvector centrality and PageRank NetworkX's with weight="strength"
// (the weight), on the weighted karate club and a weighted directed graph.
// NetworkX computes them when the test runs.
func TestWeightedNetworkX(t *testing.T) {
	py := networkx(t)
	for _, c := range []struct {
		name string
		ref  reference
	}{{"karate", refKarate}, {"directed", weightedDirected}} {
		t.Run(c.name, func(t *testing.T) {
			in, _ := json.Marshal(map[string]any{"nodes": c.ref.nodes, "edges": c.ref.edges, "weights": c.ref.weights, "directed": c.ref.directed})
			cmd := exec.Command(py, "-c", nxWeighted)
			cmd.Stdin = bytes.NewReader(in)
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("networkx: %v", err)
			}
			var want struct {
				NX                          string
				Betweenness, BetweennessRaw []float64
				Closeness, Harmonic         []float64
				Eigenvector, PageRank       []float64
			}
			if err := json.Unmarshal(out, &want); err != nil {
				t.Fatalf("%v: %s", err, out)
			}
			m, err := Compute(c.ref.graph(t), ComputeOptions{Strength: true, Lengths: InverseWeight, Seed: 1})
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("NetworkX %s", want.NX)
			checkFloats(t, "betweenness", m.Betweenness, want.Betweenness)
			checkFloats(t, "betweenness raw", m.BetweennessRaw, want.BetweennessRaw)
			checkFloats(t, "closeness", m.Closeness, want.Closeness)
			checkFloats(t, "harmonic", m.Harmonic, want.Harmonic)
			checkFloats(t, "eigenvector", m.Eigenvector, want.Eigenvector)
			checkFloats(t, "pagerank", m.PageRank, want.PageRank)
		})
	}
}
