"""Print network/reference_test.go: reference values for package network's tests.

Run from analysis/graph with the pyenv python3 that has NetworkX 3.6.1,
and with Debian's /usr/bin/python3 for igraph 0.10.2 (python3-igraph):

    python3 testdata/reference.py > network/reference_test.go && gofmt -w network/reference_test.go

The script is kept for provenance; the Go tests never run it.
"""
import subprocess, sys, json
import networkx as nx
from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

def karate():
    G = nx.karate_club_graph()
    H = nx.relabel_nodes(G, {i: "n%02d" % i for i in G})
    return H

def florentine():
    return nx.florentine_families_graph()

def small_directed():
    G = nx.DiGraph()
    G.add_edges_from([("a","b"),("b","c"),("c","a"),("c","d"),("d","e"),("e","c"),
                      ("b","e"),("e","f"),("f","a"),("d","b"),("a","g")])
    return G

def disconnected():
    G = nx.Graph()
    G.add_edges_from([("a","b"),("a","c"),("a","d"),("b","c"),("d","e"),
                      ("x","y"),("y","z"),("x","z")])
    return G

DEBIAN = r"""
import igraph, json, sys
import networkx as nx
from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python
import numpy as np
d = json.load(sys.stdin)
G = nx.DiGraph() if d['directed'] else nx.Graph()
G.add_nodes_from(d['nodes'])
for (u, v), w in zip(d['edges'], d['weights']):
    G.add_edge(u, v, weight=w)
nodes = d['nodes']
def exact_pagerank(weight):
    M = nx.google_matrix(G, alpha=0.85, nodelist=nodes, weight=weight)
    w, v = np.linalg.eig(np.asarray(M).T)
    k = int(np.argmax(w.real))
    x = v[:, k].real
    return list(x / x.sum())
idx = {n: i for i, n in enumerate(nodes)}
g = igraph.Graph(n=len(nodes), edges=[(idx[u], idx[v]) for u, v in d['edges']], directed=d['directed'])
out = {'igraph': igraph.__version__, 'nx': nx.__version__, 'numpy': np.__version__,
       'betweenness': g.betweenness(directed=d['directed']),
       'pagerank_igraph': g.pagerank(damping=0.85, directed=d['directed']),
       'core': g.coreness(mode='all'),
       'pagerank': exact_pagerank(None), 'pagerankW': exact_pagerank('weight')}
if d['eigen']:
    e = nx.eigenvector_centrality_numpy(G); out['eigenvector'] = [e[n] for n in nodes]
    e = nx.eigenvector_centrality_numpy(G, weight='weight'); out['eigenvectorW'] = [e[n] for n in nodes]
print(json.dumps(out))
"""

def debian_values(G, eigen):
    nodes = sorted(G)
    edges = [[u, v] for u, v in G.edges()]
    weights = [d.get("weight", 1) for _, _, d in G.edges(data=True)]
    out = subprocess.run(["/usr/bin/python3", "-c", DEBIAN],
                         input=json.dumps({"nodes": nodes, "edges": edges, "weights": weights,
                                           "directed": G.is_directed(), "eigen": eigen}),
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)

def lit(xs):
    return "[]float64{" + ", ".join(repr(float(x)) for x in xs) + "}"

def ilit(xs):
    return "[]int{" + ", ".join(str(int(x)) for x in xs) + "}"

def slit(xs):
    return "[]string{" + ", ".join(json.dumps(x) for x in xs) + "}"

def emit(name, G, weighted_edges=False):
    nodes = sorted(G)
    directed = G.is_directed()
    col = lambda d: [d[n] for n in nodes]
    bc = nx.betweenness_centrality(G)
    bcraw = nx.betweenness_centrality(G, normalized=False)
    eigen = name != "Disconnected"
    ig = debian_values(G, eigen)
    for a, b in zip(col(bcraw), ig["betweenness"]):
        assert abs(a - b) < 1e-9, (name, a, b)
    pr = ig["pagerank"]
    prnx = _pagerank_python(G, weight=None, tol=1e-15, max_iter=100000)
    for a, b in zip(pr, col(prnx)):
        assert abs(a - b) < 1e-12, (name, a, b)
    for a, b in zip(pr, ig["pagerank_igraph"]):
        assert abs(a - b) < 1e-9, (name, a, b)
    if eigen:
        ev = nx.eigenvector_centrality(G, max_iter=100000, tol=1e-15)
        for a, b in zip(col(ev), ig["eigenvector"]):
            assert abs(a - b) < 1e-12, (name, a, b)
    core = nx.core_number(G)
    if not directed:
        assert col(core) == ig["core"], name
    print("// %s: NetworkX %s (Python %s); exact eigenvectors with NetworkX %s and NumPy %s, and igraph %s\n// (python-igraph), all from Debian bookworm." % (name, nx.__version__, sys.version.split()[0], ig["nx"], ig["numpy"], ig["igraph"]))
    print("var ref%s = reference{" % name)
    print("\tnodes: %s," % slit(nodes))
    print("\tdirected: %s," % ("true" if directed else "false"))
    print("\tedges: [][2]string{" + ", ".join("{%s, %s}" % (json.dumps(u), json.dumps(v)) for u, v in G.edges()) + "},")
    if weighted_edges:
        print("\tweights: " + lit([d["weight"] for _, _, d in G.edges(data=True)]) + ",")
    print("\t// nx.degree(G), and in_degree/out_degree for a DiGraph")
    print("\tdegree: %s," % ilit(col(dict(G.degree()))))
    if directed:
        print("\tinDegree: %s," % ilit(col(dict(G.in_degree()))))
        print("\toutDegree: %s," % ilit(col(dict(G.out_degree()))))
    print("\t// nx.betweenness_centrality(G)")
    print("\tbetweenness: %s," % lit(col(bc)))
    print("\t// nx.betweenness_centrality(G, normalized=False); equals igraph Graph.betweenness() to 1e-9")
    print("\tbetweennessRaw: %s," % lit(col(bcraw)))
    print("\t// nx.closeness_centrality(G) (wf_improved=True)")
    print("\tcloseness: %s," % lit(col(nx.closeness_centrality(G))))
    print("\t// nx.harmonic_centrality(G)")
    print("\tharmonic: %s," % lit(col(nx.harmonic_centrality(G))))
    if name != "Disconnected":
        print("\t// nx.eigenvector_centrality_numpy(G); equals nx.eigenvector_centrality(G, tol=1e-15) to 1e-12")
        print("\teigenvector: %s," % lit(ig["eigenvector"]))
    print("\t// exact: leading eigenvector of nx.google_matrix(G, alpha=0.85, weight=None); equals")
    print("\t// NetworkX's pure-Python pagerank (tol=1e-15) to 1e-12 and igraph Graph.pagerank() to 1e-9")
    print("\tpagerank: %s," % lit(pr))
    print("\t// nx.core_number(G)")
    print("\tcore: %s," % ilit(col(core)))
    if weighted_edges:
        print("\t// nx.betweenness_centrality(G, weight='weight')")
        print("\tbetweennessW: %s," % lit(col(nx.betweenness_centrality(G, weight="weight"))))
        print("\t// nx.closeness_centrality(G, distance='weight')")
        print("\tclosenessW: %s," % lit(col(nx.closeness_centrality(G, distance="weight"))))
        print("\t// exact: leading eigenvector of nx.google_matrix(G, alpha=0.85, weight='weight')")
        print("\tpagerankW: %s," % lit(ig["pagerankW"]))
        print("\t// nx.eigenvector_centrality_numpy(G, weight='weight')")
        print("\teigenvectorW: %s," % lit(ig["eigenvectorW"]))
    if not directed:
        comms = nx.community.louvain_communities(G, seed=1)
        print("\t// nx.community.modularity(G, nx.community.louvain_communities(G, seed=1))")
        print("\tlouvainModularity: %r," % nx.community.modularity(G, comms))
    print("}")
    print()

print("// Code generated by ../testdata/reference.py; DO NOT EDIT.")
print()
print("package network")
print()
emit("Karate", karate(), weighted_edges=True)
emit("Florentine", florentine())
emit("Directed", small_directed())
emit("Disconnected", disconnected())
G = karate()
club = {}
for n, d in G.nodes(data=True):
    club.setdefault(d["club"], []).append(n)
part = [sorted(v) for k, v in sorted(club.items())]
print("// karateClub is the karate club's split by the node attribute 'club' (NetworkX %s)." % nx.__version__)
print("var karateClub = [][]string{" + ", ".join(slit(p) for p in part) + "}")
print()
print("// karateClubModularity is nx.community.modularity(G, karateClub) and the same with weight=None.")
print("const karateClubModularityW = %r" % nx.community.modularity(G, part))
print("const karateClubModularity = %r" % nx.community.modularity(G, part, weight=None))
