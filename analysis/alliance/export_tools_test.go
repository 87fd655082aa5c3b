package alliance

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/graph/encoding"
	"github.com/nexus-toolkit/nexus/analysis/graph/export"
	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// gexfSchema is our restatement of the GEXF 1.3 schema for the elements
// WriteGEXF uses; its header names the specification it follows.
const gexfSchema = "../graph/encoding/gexf/testdata/gexf-1.3-subset.xsd"

// writeTemp writes d in format f to a file in dir and returns its path.
func writeTemp(t *testing.T, dir, name string, d *encoding.Doc, f export.Format) string {
	t.Helper()
	var b bytes.Buffer
	if err := export.Write(&b, d, f); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestGEXFSchema validates gexf.Write's output against the GEXF 1.3 schema
// with xmllint, and checks that the schema rejects what GEXF forbids, so
// the check can fail.
func TestGEXFSchema(t *testing.T) {
	xmllint := testenv.LookPath(t, "xmllint", "libxml2-utils")
	dir := t.TempDir()
	validate := func(path string) (string, error) {
		out, err := exec.Command(xmllint, "--noout", "--schema", gexfSchema, path).CombinedOutput()
		return string(out), err
	}
	var good string
	for _, directed := range []bool{false, true} {
		path := writeTemp(t, dir, strconv.FormatBool(directed)+".gexf", NewDoc(fixture(t, directed)), export.GEXF)
		if out, err := validate(path); err != nil {
			t.Errorf("directed=%v: not valid GEXF 1.3: %v\n%s", directed, err, out)
		}
		good = path
	}
	b, _ := os.ReadFile(good)
	for _, bad := range []struct{ old, new string }{
		{`end="INF"`, `end="Infinity"`},      // not an xs:double
		{`start="2014"`, `start="2014-05"`},  // a year-month is no GEXF time
		{`version="1.3"`, `version="1.2"`},   // wrong version
		{`<attvalue for="0" `, `<attvalue `}, // for is required
		{`class="edge" `, `class="link" `},   // unknown class
		{`<edges>`, `<edges count="-1">`},    // negative count
		{`defaultedgetype="directed"`, `defaultedgetype="both"`},
	} {
		if !bytes.Contains(b, []byte(bad.old)) {
			t.Fatalf("fixture output lacks %s", bad.old)
		}
		path := filepath.Join(dir, "bad.gexf")
		os.WriteFile(path, bytes.Replace(b, []byte(bad.old), []byte(bad.new), 1), 0o644)
		if out, err := validate(path); err == nil {
			t.Errorf("schema accepts %s:\n%s", bad.new, out)
		}
	}
}

// TestGEXFNetworkX reads WriteGEXF's output with NetworkX 3's read_gexf and
// compares every node, link, attribute and spell, open ends included (they
// come back as infinities).
func TestGEXFNetworkX(t *testing.T) {
	py := testenv.Python(t, "networkx", 3, "python3-networkx", "reading GEXF 1.3 back with NetworkX")
	const script = `
import json, math, sys
import networkx as nx
def bound(x):
    return None if math.isinf(x) else x
out = []
for path in sys.argv[1:]:
    G = nx.read_gexf(path)
    out.append({"directed": G.is_directed(),
        "nodes": [[n, G.nodes[n]] for n in sorted(G.nodes)],
        "edges": [[u, v, {k: ([[bound(s), bound(e)] for s, e in x] if k == "spells" else x)
                          for k, x in d.items()}] for u, v, d in G.edges(data=True)]})
print(json.dumps(out))
`
	dir := t.TempDir()
	args := []string{"-c", script}
	var docs []*encoding.Doc
	for _, directed := range []bool{false, true} {
		d := NewDoc(fixture(t, directed))
		docs = append(docs, d)
		args = append(args, writeTemp(t, dir, strconv.FormatBool(directed)+".gexf", d, export.GEXF))
	}
	out, err := exec.Command(py, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("networkx read_gexf: %v\n%s", err, out)
	}
	compareNX(t, out, docs, []string{"label", "spells", "id", "weight"}, func(what string, l encoding.Record, attrs map[string]any) {
		if s := spellText(attrs["spells"]); s != spellsOf(l) {
			t.Errorf("%s: spells %s, want %s", what, s, spellsOf(l))
		}
	})
}

// compareNX compares the graphs a NetworkX script printed as JSON (a list
// of {directed, nodes: [[id, attrs]], edges: [[u, v, attrs]]}) with docs:
// every node and link and every attribute value. The attributes in skip
// are NetworkX's own and not compared; edge, when set, checks more of each
// link.
func compareNX(t *testing.T, out []byte, docs []*encoding.Doc, skip []string, edge func(what string, l encoding.Record, attrs map[string]any)) {
	t.Helper()
	var graphs []struct {
		Directed bool
		Nodes    [][2]json.RawMessage
		Edges    [][3]json.RawMessage
	}
	if err := json.Unmarshal(out, &graphs); err != nil || len(graphs) != len(docs) {
		t.Fatalf("%v: %s", err, out)
	}
	drop := func(attrs map[string]any) {
		for _, k := range skip {
			delete(attrs, k)
		}
	}
	for k, got := range graphs {
		d := docs[k]
		if got.Directed != d.Directed || len(got.Nodes) != len(d.Nodes) || len(got.Edges) != len(d.Links) {
			t.Fatalf("networkx read %d nodes, %d edges, directed=%v", len(got.Nodes), len(got.Edges), got.Directed)
		}
		for i, n := range d.Nodes {
			var id string
			var attrs map[string]any
			json.Unmarshal(got.Nodes[i][0], &id)
			json.Unmarshal(got.Nodes[i][1], &attrs)
			if id != n.ID {
				t.Errorf("node %d: %q, want %q", i, id, n.ID)
			}
			drop(attrs)
			checkAttrs(t, n.ID, d.NodeKeys, n.Values, attrs)
		}
		edges := map[[2]string]map[string]any{}
		for _, e := range got.Edges {
			var u, v string
			var attrs map[string]any
			json.Unmarshal(e[0], &u)
			json.Unmarshal(e[1], &v)
			json.Unmarshal(e[2], &attrs)
			if !d.Directed && u > v {
				u, v = v, u
			}
			edges[[2]string{u, v}] = attrs
		}
		for _, l := range d.Links {
			u, v := l.Source, l.Target
			if !d.Directed && u > v {
				u, v = v, u
			}
			attrs, ok := edges[[2]string{u, v}]
			if !ok {
				t.Errorf("networkx lost link %s-%s", l.Source, l.Target)
				continue
			}
			what := l.Source + "-" + l.Target
			if edge != nil {
				edge(what, l, attrs)
			}
			drop(attrs)
			checkAttrs(t, what, d.LinkKeys, l.Values, attrs)
		}
	}
}

// spellText prints NetworkX's spells ([[start, end], ...], null for an
// open bound) as "start/end;...", with ".." for open.
func spellText(v any) string {
	list, _ := v.([]any)
	var parts []string
	for _, s := range list {
		pair, _ := s.([]any)
		var ends []string
		for _, x := range pair {
			if f, ok := x.(float64); ok {
				ends = append(ends, strconv.FormatFloat(f, 'g', -1, 64))
			} else {
				ends = append(ends, "..")
			}
		}
		parts = append(parts, strings.Join(ends, "/"))
	}
	return strings.Join(parts, ";")
}

func spellsOf(l encoding.Record) string {
	var parts []string
	for _, s := range l.Spells {
		parts = append(parts, orOpen(s.Start)+"/"+orOpen(s.End))
	}
	return strings.Join(parts, ";")
}

// TestDOTGraphviz lays the DOT export out with Graphviz (dot -Tplain)
// and checks that Graphviz labels each node with its name, not its ID,
// and draws every link.
func TestDOTGraphviz(t *testing.T) {
	dot := testenv.LookPath(t, "dot", "graphviz")
	for _, directed := range []bool{false, true} {
		d := NewDoc(fixture(t, directed))
		path := writeTemp(t, t.TempDir(), "net.dot", d, export.DOT)
		out, err := exec.Command(dot, "-Tplain", path).CombinedOutput()
		if err != nil {
			t.Fatalf("dot: %v\n%s", err, out)
		}
		labels := map[string]string{}
		edges := 0
		for _, l := range strings.Split(string(out), "\n") {
			f := strings.Fields(l)
			switch {
			case len(f) > 6 && f[0] == "node":
				// node name x y width height label ...: the label is
				// quoted when it has spaces.
				rest := strings.TrimSpace(strings.SplitN(l, " ", 7)[6])
				if strings.HasPrefix(rest, `"`) {
					if end := strings.Index(rest[1:], `"`); end >= 0 {
						rest = rest[1 : end+1]
					}
				} else {
					rest = strings.Fields(rest)[0]
				}
				labels[strings.Trim(f[1], `"`)] = rest
			case len(f) > 0 && f[0] == "edge":
				edges++
			}
		}
		for _, n := range d.Nodes {
			name := n.Values[encoding.Index(d.NodeKeys, encoding.NameKey)]
			if got := labels[n.ID]; got == n.ID || !strings.HasPrefix(name, strings.SplitN(got, `\`, 2)[0]) {
				t.Errorf("directed=%v: Graphviz labels %s %q, want its name %q", directed, n.ID, got, name)
			}
		}
		if edges != len(d.Links) {
			t.Errorf("directed=%v: Graphviz drew %d edges, the export has %d links", directed, edges, len(d.Links))
		}
	}
}
