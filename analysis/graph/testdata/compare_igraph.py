"""Time `nexus network --edges` against igraph on one random graph and
compare every value the two compute.

    python3 analysis/graph/testdata/compare_igraph.py [--nodes 5000] [--edges 20000] [--seed 1] [--nexus bin/nexus]

Run from the repository root after `make` (which builds bin/nexus), with a
python3 that has igraph (Debian: apt-get install python3-igraph). The
graph is G(n, m): m distinct pairs drawn with Python's random.seed(seed),
written as n<i> node ids. Exit status 1 when a value differs by more than
the tolerance of its measure: 1e-9 (relative) for the exact measures,
1e-6 for eigenvector and PageRank, which both tools compute iteratively.
The Go tests never run this script; it is the reviewer's check.
"""
import argparse, csv, math, os, random, subprocess, sys, tempfile, time

import igraph

p = argparse.ArgumentParser()
p.add_argument("--nodes", type=int, default=5000)
p.add_argument("--edges", type=int, default=20000)
p.add_argument("--seed", type=int, default=1)
p.add_argument("--nexus", default="bin/nexus")
a = p.parse_args()

random.seed(a.seed)
pairs = set()
while len(pairs) < a.edges:
    u, v = random.randrange(a.nodes), random.randrange(a.nodes)
    if u != v:
        pairs.add((min(u, v), max(u, v)))
tmp = tempfile.mkdtemp()
edges_csv, metrics_csv = os.path.join(tmp, "edges.csv"), os.path.join(tmp, "metrics.csv")
with open(edges_csv, "w") as f:
    f.write("source,target\n")
    for u, v in sorted(pairs):
        f.write(f"n{u},n{v}\n")

t0 = time.perf_counter()
subprocess.run([a.nexus, "network", "--edges", edges_csv, "--out", metrics_csv], check=True)
t_nexus = time.perf_counter() - t0

t0 = time.perf_counter()
with open(edges_csv) as f:
    g = igraph.Graph.TupleList(list(csv.reader(f))[1:], directed=False)
t_read = time.perf_counter() - t0
times, ref = {}, {}
def timed(name, fn):
    t = time.perf_counter()
    ref[name] = fn()
    times[name] = time.perf_counter() - t
n = g.vcount()
timed("betweenness", lambda: [b * 2 / ((n - 1) * (n - 2)) for b in g.betweenness(directed=False)])
# NetworkX's wf_improved closeness: igraph's closeness among the reachable
# nodes times (r-1)/(n-1), r the size of the node's component.
size = {}
for comp in g.connected_components():
    for v in comp:
        size[v] = len(comp)
timed("closeness", lambda: [0.0 if math.isnan(c) else c * (size[v] - 1) / (n - 1) for v, c in enumerate(g.closeness())])
timed("harmonic", lambda: g.harmonic_centrality(normalized=False))
timed("eigenvector", lambda: g.eigenvector_centrality(scale=False))
timed("pagerank", lambda: g.pagerank(damping=0.85))
timed("core_number", lambda: g.coreness())  # igraph coreness() = k-core number
timed("degree", lambda: g.degree())
t_igraph = t_read + sum(times.values())

def unit(x):
    s = math.sqrt(sum(v * v for v in x))
    return [v / s for v in x]
ref["eigenvector"] = unit(ref["eigenvector"])

ours = {r["node"]: r for r in csv.DictReader(open(metrics_csv))}
names = g.vs["name"]
ok = True
print(f"G({n}, {g.ecount()}) seed {a.seed}")
print(f"nexus network --edges (everything, CSV out): {t_nexus:.2f} s wall")
print(f"igraph {igraph.__version__}: read {t_read:.2f} s, " + ", ".join(f"{k} {v:.2f} s" for k, v in times.items()) + f"; total {t_igraph:.2f} s")
for col, vals in ref.items():
    tol = 1e-6 if col in ("eigenvector", "pagerank") else 1e-9
    got = [float(ours[nm][col]) for nm in names]
    if col == "eigenvector":
        got = unit(got)
    worst = max(abs(x - y) / max(abs(y), 1e-300) if y else abs(x) for x, y in zip(got, vals))
    flag = "ok" if worst <= tol else "DIFFERS"
    ok &= worst <= tol
    print(f"  {col:12s} max relative difference {worst:.2e} (tolerance {tol:g}) {flag}")
sys.exit(0 if ok else 1)
