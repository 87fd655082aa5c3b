package network

import (
	"errors"
	"math"
	"strconv"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/graph"
)

// disconnectedCase is a disconnected graph with NetworkX 3.6.1's
// eigenvector_centrality (power iteration, max_iter=10**6, tol=1e-15)
// and pagerank (_pagerank_python, alpha=0.85, tol=1e-15), computed by:
//
//	import networkx as nx
//	from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python
//	e = nx.eigenvector_centrality(G, max_iter=10**6, tol=1e-15, weight=w)
//	p = _pagerank_python(G, alpha=0.85, tol=1e-15, max_iter=10**6, weight=w)
//
// over the nodes in sorted order. NetworkX's iteration leaves the
// components of a smaller leading eigenvalue at about 1e-15 on their way
// to 0; Eigenvector computes that limit, so they compare within 1e-9.
type disconnectedCase struct {
	name        string
	directed    bool
	weighted    bool
	nodes       []string
	edges       [][2]string
	weights     []float64
	eigenvector []float64 // nil: NetworkX raises PowerIterationFailedConvergence
	pagerank    []float64
}

var disconnectedCases = []disconnectedCase{
	{name: "triangle with a pendant, an edge, an isolated node",
		nodes:       []string{"a", "b", "c", "d", "x", "y", "z"},
		edges:       [][2]string{{"a", "b"}, {"a", "c"}, {"b", "c"}, {"c", "d"}, {"x", "y"}},
		eigenvector: []float64{0.5227207256439815, 0.5227207256439815, 0.6116284573553772, 0.2818451988548684, 5.123457555217049e-15, 5.123457555217049e-15, 4.339737353127809e-36},
		pagerank:    []float64{0.15995305274036484, 0.15995305274036484, 0.23852739325860067, 0.09197300532571018, 0.16260162601626016, 0.16260162601626016, 0.02439024390243903}},
	{name: "two triangles and a K4",
		nodes:       []string{"a", "b", "c", "p", "q", "r", "s", "u", "v", "w"},
		edges:       [][2]string{{"a", "b"}, {"b", "c"}, {"a", "c"}, {"p", "q"}, {"p", "r"}, {"p", "s"}, {"q", "r"}, {"q", "s"}, {"r", "s"}, {"u", "v"}, {"v", "w"}, {"u", "w"}},
		eigenvector: []float64{3.809717453870171e-15, 3.809717453870171e-15, 3.809717453870171e-15, 0.5, 0.5, 0.5, 0.5, 3.809717453870171e-15, 3.809717453870171e-15, 3.809717453870171e-15},
		pagerank:    []float64{0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1}},
	{name: "two equal triangles share the leading eigenvalue",
		nodes:       []string{"a", "b", "c", "x", "y", "z"},
		edges:       [][2]string{{"a", "b"}, {"b", "c"}, {"a", "c"}, {"x", "y"}, {"y", "z"}, {"x", "z"}},
		eigenvector: []float64{0.408248290463863, 0.408248290463863, 0.408248290463863, 0.408248290463863, 0.408248290463863, 0.408248290463863},
		pagerank:    []float64{0.16666666666666666, 0.16666666666666666, 0.16666666666666666, 0.16666666666666666, 0.16666666666666666, 0.16666666666666666}},
	{name: "weighted: a heavy edge outweighs a path", weighted: true,
		nodes: []string{"a", "b", "c", "x", "y"},
		edges: [][2]string{{"a", "b"}, {"b", "c"}, {"x", "y"}}, weights: []float64{1, 1, 3},
		eigenvector: []float64{2.0321300531190844e-15, 2.873865881626967e-15, 2.0321300531190844e-15, 0.7071067811865476, 0.7071067811865476},
		pagerank:    []float64{0.1540540540540535, 0.291891891891893, 0.1540540540540535, 0.2, 0.2}},
	{name: "directed: a cycle with a tail, and an arc", directed: true,
		nodes:       []string{"a", "b", "c", "d", "e", "f"},
		edges:       [][2]string{{"a", "b"}, {"b", "c"}, {"c", "a"}, {"c", "d"}, {"e", "f"}},
		eigenvector: []float64{0.5, 0.5, 0.5, 0.5, 1.1102230246251565e-16, 5.88418203051333e-15},
		pagerank:    []float64{0.17289990589719983, 0.21403774214985777, 0.2490049029646152, 0.17289990589719983, 0.0670728221372377, 0.12408472095388956}},
	{name: "directed without a cycle", directed: true,
		nodes:    []string{"a", "b", "c", "d", "e"},
		edges:    [][2]string{{"a", "b"}, {"b", "c"}, {"d", "e"}},
		pagerank: []float64{0.12088244182532498, 0.22363251737685075, 0.31097008159564854, 0.12088244182532498, 0.22363251737685075}},
}

func (c disconnectedCase) graph(t testing.TB) *graph.Graph {
	t.Helper()
	nodes := make([]graph.Node, len(c.nodes))
	for i, id := range c.nodes {
		nodes[i] = graph.Node{ID: id}
	}
	edges := make([]graph.Edge, len(c.edges))
	for i, e := range c.edges {
		edges[i] = graph.Edge{Source: e[0], Target: e[1], Directed: c.directed, Weight: 1}
		if c.weights != nil {
			edges[i].Weight = c.weights[i]
		}
	}
	g, err := graph.Build(nodes, edges, graph.BuildOptions{Directed: c.directed, Weighting: graph.WeightSum})
	if err != nil {
		t.Fatal(err)
	}
	for i, id := range c.nodes {
		if g.Nodes[i].ID != id {
			t.Fatalf("node %d is %q, want %q", i, g.Nodes[i].ID, id)
		}
	}
	return g
}

// TestDisconnectedAgainstNetworkX: eigenvector centrality and PageRank
// of disconnected graphs equal NetworkX's within 1e-9; a directed graph
// without a cycle, where NetworkX fails to converge, is ErrUndefined.
func TestDisconnectedAgainstNetworkX(t *testing.T) {
	for _, c := range disconnectedCases {
		t.Run(c.name, func(t *testing.T) {
			g := c.graph(t)
			ev, err := Eigenvector(g, EigenvectorOptions{Weighted: c.weighted})
			if c.eigenvector == nil {
				if !errors.Is(err, ErrUndefined) {
					t.Errorf("Eigenvector: err = %v, want ErrUndefined", err)
				}
			} else {
				if err != nil {
					t.Fatal(err)
				}
				checkFloats(t, "eigenvector", ev, c.eigenvector)
			}
			pr, err := PageRank(g, PageRankOptions{Weighted: c.weighted})
			if err != nil {
				t.Fatal(err)
			}
			checkFloats(t, "pagerank", pr, c.pagerank)
		})
	}
}

// TestEigenvectorEdgeless: a graph with no link gives every node
// 1/sqrt(n), as NetworkX's iteration from the uniform vector does.
func TestEigenvectorEdgeless(t *testing.T) {
	g, err := graph.Build([]graph.Node{{ID: "a"}, {ID: "b"}, {ID: "c"}, {ID: "d"}}, nil, graph.BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ev, err := Eigenvector(g, EigenvectorOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range ev {
		if math.Abs(v-0.5) > 1e-15 {
			t.Errorf("node %d: %v, want 0.5", i, v)
		}
	}
}

// disjointEdges is a perfect matching of 2m nodes in random order, and
// with directed, the same as arcs.
func disjointEdges(m int, directed bool) []graph.Edge {
	edges := make([]graph.Edge, m)
	for i := range edges {
		edges[i] = graph.Edge{Source: "u" + strconv.Itoa(2*i), Target: "u" + strconv.Itoa(2*i+1), Directed: directed, Weight: 1}
	}
	return edges
}

// benchmarkDisjoint measures Eigenvector and PageRank on m disjoint
// links plus a triangle, whose larger eigenvalue the links must decay
// against: the graph that ran to the
// iteration cap before components were solved one at a time.
func benchmarkDisjoint(b *testing.B, m int, directed bool) {
	edges := append(disjointEdges(m, directed),
		graph.Edge{Source: "p0", Target: "p1", Directed: directed, Weight: 1},
		graph.Edge{Source: "p1", Target: "p2", Directed: directed, Weight: 1},
		graph.Edge{Source: "p2", Target: "p0", Directed: directed, Weight: 1})
	g, err := graph.Build(nil, edges, graph.BuildOptions{Directed: directed})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Eigenvector(g, EigenvectorOptions{}); err != nil {
			b.Fatal(err)
		}
		if _, err := PageRank(g, PageRankOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDisjoint20k(b *testing.B)         { benchmarkDisjoint(b, 20_000, false) }
func BenchmarkDisjoint2M(b *testing.B)          { benchmarkDisjoint(b, 2_000_000, false) }
func BenchmarkDisjointDirected20k(b *testing.B) { benchmarkDisjoint(b, 20_000, true) }
func BenchmarkDisjointDirected2M(b *testing.B)  { benchmarkDisjoint(b, 2_000_000, true) }
