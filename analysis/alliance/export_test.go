package alliance

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/graph"
	"github.com/nexus-toolkit/nexus/analysis/graph/encoding"
	"github.com/nexus-toolkit/nexus/analysis/graph/encoding/csv"
	"github.com/nexus-toolkit/nexus/analysis/graph/encoding/dot"
	"github.com/nexus-toolkit/nexus/analysis/graph/encoding/gexf"
	"github.com/nexus-toolkit/nexus/analysis/graph/encoding/graphml"
	"github.com/nexus-toolkit/nexus/analysis/graph/encoding/pajek"
	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// fixture is a small alliance network with every kind of attribute,
// awkward characters included.
func fixture(t testing.TB, directed bool) *graph.Graph {
	t.Helper()
	nodes := []graph.Node{
		{ID: "aq", Name: "al-Qaeda", Group: "aq", Attrs: map[string]string{ScopeAttr: "study", KindAttr: "militant-group"}},
		{ID: "ttp", Name: "Tehreek-e-Taliban \"TTP\" <Pakistan> & co", Group: "ttp", Attrs: map[string]string{ScopeAttr: "study", KindAttr: "militant-group"}},
		{ID: "iskp", Name: "Islamic State Khorasan", Group: "is", Attrs: map[string]string{ScopeAttr: "study", KindAttr: "militant-group"}},
		{ID: "jua", Name: "Jamaat-ul-Ahrar", Group: "ttp", Attrs: map[string]string{ScopeAttr: "study", KindAttr: "faction"}},
		{ID: "lej", Name: "Lashkar-e-Jhangvi", Group: "other", Attrs: map[string]string{ScopeAttr: "example", KindAttr: ""}},
		{ID: "ata", Name: "Afghan Taliban", Group: "taliban", Attrs: map[string]string{ScopeAttr: "study", KindAttr: "militant-group"}},
	}
	edges := []graph.Edge{
		{ID: "r1", Source: "ttp", Target: "aq", Kind: "alliance", Start: "2007", Attrs: map[string]string{CodingAttr: "stated"}, Refs: []string{"a2019", "b2020"}},
		{ID: "r2", Source: "aq", Target: "ttp", Kind: "alliance", Start: "2009-05", End: "2014", Attrs: map[string]string{CodingAttr: "inferred"}, Refs: []string{"a2019"}},
		{ID: "r3", Source: "jua", Target: "iskp", Kind: "pledge", Directed: true, Start: "2014", End: "2015", Attrs: map[string]string{CodingAttr: "stated"}, Refs: []string{"c2021"}},
		{ID: "r4", Source: "jua", Target: "ttp", Kind: "split", Directed: true, Start: "2014", Attrs: map[string]string{CodingAttr: "stated"}},
		{ID: "r5", Source: "ttp", Target: "iskp", Kind: "rivalry", Attrs: map[string]string{CodingAttr: "stated"}, Refs: []string{"d2022"}},
		{ID: "r6", Source: "lej", Target: "ttp", Kind: "alliance", Attrs: map[string]string{CodingAttr: "inferred"}, Refs: []string{"a2019"}},
		{ID: "r7", Source: "ata", Target: "ttp", Kind: "sanctuary", Start: "2021", Attrs: map[string]string{CodingAttr: "stated"}, Refs: []string{"a2019", "e2023"}},
		{ID: "r8", Source: "ata", Target: "aq", Kind: "alliance", Start: "1996", Attrs: map[string]string{CodingAttr: "stated"}, Refs: []string{"e2023"}},
	}
	g, err := graph.Build(nodes, edges, BuildOptions(NetworkOptions{Directed: directed}))
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func roundTrip(t *testing.T, write func(*bytes.Buffer) error, read func(*bytes.Buffer) (*encoding.Doc, error)) *encoding.Doc {
	t.Helper()
	var b bytes.Buffer
	if err := write(&b); err != nil {
		t.Fatal(err)
	}
	first := b.String()
	d, err := read(&b)
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := write(&again); err != nil || again.String() != first {
		t.Errorf("output is not deterministic")
	}
	return d
}

func withoutSpells(d *encoding.Doc) *encoding.Doc {
	c := *d
	c.Links = nil
	for _, l := range d.Links {
		l.Spells = nil
		c.Links = append(c.Links, l)
	}
	return &c
}

func TestRoundTrip(t *testing.T) {
	for _, directed := range []bool{false, true} {
		g := fixture(t, directed)
		want := NewDoc(g)
		name := map[bool]string{false: "undirected", true: "directed"}[directed]
		t.Run(name+"/graphml", func(t *testing.T) {
			got := roundTrip(t, func(b *bytes.Buffer) error { return graphml.Write(b, want) },
				func(b *bytes.Buffer) (*encoding.Doc, error) { return graphml.Read(b) })
			if w := withoutSpells(want); !reflect.DeepEqual(got, w) {
				t.Errorf("got %+v\nwant %+v", got, w)
			}
		})
		t.Run(name+"/gexf", func(t *testing.T) {
			got := roundTrip(t, func(b *bytes.Buffer) error { return gexf.Write(b, want) },
				func(b *bytes.Buffer) (*encoding.Doc, error) { return gexf.Read(b) })
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got %+v\nwant %+v", got, want)
			}
		})
		t.Run(name+"/dot", func(t *testing.T) {
			got := roundTrip(t, func(b *bytes.Buffer) error { return dot.Write(b, want) },
				func(b *bytes.Buffer) (*encoding.Doc, error) {
					return dot.Read(b, dot.ReadOptions{NodeKeys: NodeKeys, LinkKeys: LinkKeys})
				})
			if w := withoutSpells(want); !reflect.DeepEqual(got, w) {
				t.Errorf("got %+v\nwant %+v", got, w)
			}
		})
		t.Run(name+"/pajek", func(t *testing.T) {
			got := roundTrip(t, func(b *bytes.Buffer) error { return pajek.Write(b, want) },
				func(b *bytes.Buffer) (*encoding.Doc, error) { return pajek.Read(b) })
			if got.Directed != directed || len(got.Nodes) != len(want.Nodes) || len(got.Links) != len(want.Links) {
				t.Fatalf("pajek: %d nodes %d links directed=%v", len(got.Nodes), len(got.Links), got.Directed)
			}
			wi := encoding.Index(want.LinkKeys, encoding.WeightKey)
			for i, n := range want.Nodes {
				if got.Nodes[i].ID != n.ID {
					t.Errorf("node %d: %q, want %q", i, got.Nodes[i].ID, n.ID)
				}
			}
			for i, l := range want.Links {
				gl := got.Links[i]
				if gl.Source != l.Source || gl.Target != l.Target || gl.Values[0] != l.Values[wi] {
					t.Errorf("link %d: %+v, want %s %s %s", i, gl, l.Source, l.Target, l.Values[wi])
				}
			}
		})
		t.Run(name+"/csv", func(t *testing.T) {
			var nb, lb bytes.Buffer
			if err := csv.WriteNodes(&nb, want); err != nil {
				t.Fatal(err)
			}
			if err := csv.WriteLinks(&lb, want); err != nil {
				t.Fatal(err)
			}
			got, err := csv.Read(&nb, &lb, csv.ReadOptions{Directed: directed, NodeKeys: NodeKeys, LinkKeys: LinkKeys})
			if err != nil {
				t.Fatal(err)
			}
			if w := withoutSpells(want); !reflect.DeepEqual(got, w) {
				t.Errorf("got %+v\nwant %+v", got, w)
			}
		})
	}
}

func TestDocAttributes(t *testing.T) {
	d := NewDoc(fixture(t, false))
	// aq-ttp collapses r1 and r2: refs a2019, b2020.
	l := d.Links[1]
	if l.Source != "aq" || l.Target != "ttp" {
		t.Fatalf("first link %s-%s", l.Source, l.Target)
	}
	want := []string{"r1;r2", "alliance", "inferred;stated", "a2019;b2020", "2007/..;2009-05/2014", "2007", "2014", "2", "2", "2", "0.5"}
	if !reflect.DeepEqual(l.Values, want) {
		t.Errorf("aq-ttp values %q, want %q", l.Values, want)
	}
	if !reflect.DeepEqual(l.Spells, []encoding.Spell{{Start: "2007"}, {Start: "2009", End: "2014"}}) {
		t.Errorf("spells %v", l.Spells)
	}
	// jua-ttp rests on a row without refs: one source, the paper itself.
	for _, l := range d.Links {
		if l.Source == "jua" && l.Target == "ttp" && l.Values[7] != "1" {
			t.Errorf("jua-ttp sources %s, want 1", l.Values[7])
		}
	}
}

// TestGraphMLNetworkX reads the GraphML back with NetworkX. CI installs
// Debian's python3-networkx; without it the test fails in CI.
func TestGraphMLNetworkX(t *testing.T) {
	const script = `
import json, sys
import networkx as nx
out = []
for path in sys.argv[1:]:
    G = nx.read_graphml(path)
    out.append({"directed": G.is_directed(),
        "nodes": [[n, G.nodes[n]] for n in sorted(G.nodes)],
        "edges": [[u, v, d] for u, v, d in G.edges(data=True)]})
print(json.dumps(out))
`
	dir := t.TempDir()
	var docs []*encoding.Doc
	args := []string{"-c", script}
	// The fixture both ways, and a study network with an isolate
	// ("lonely", no tie), which NetworkX must read as a node.
	nodes, edges := FromStudy(testStudy(), Filter{Isolates: true})
	isolated, err := graph.Build(nodes, edges, BuildOptions(NetworkOptions{}))
	if err != nil {
		t.Fatal(err)
	}
	for i, g := range []*graph.Graph{fixture(t, false), fixture(t, true), isolated} {
		d := NewDoc(g)
		if i == 2 && !strings.Contains(fmt.Sprint(d.Nodes), "lonely") {
			t.Fatal("the isolate is not in the export")
		}
		path := filepath.Join(dir, strconv.Itoa(i)+".graphml")
		var b bytes.Buffer
		if err := graphml.Write(&b, d); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
		args = append(args, path)
	}
	py := testenv.Python(t, "networkx", 0, "python3-networkx", "the GraphML read-back")
	out, err := exec.Command(py, args...).Output()
	if err != nil {
		t.Fatalf("networkx: %v", err)
	}
	compareNX(t, out, docs, nil, nil)
}

func checkAttrs(t *testing.T, what string, keys []encoding.Key, values []string, attrs map[string]any) {
	t.Helper()
	for i, k := range keys {
		v, ok := attrs[k.Name]
		if values[i] == "" {
			if ok {
				t.Errorf("%s: %s = %v, want missing", what, k.Name, v)
			}
			continue
		}
		var s string
		switch x := v.(type) {
		case string:
			if k.Type != "string" {
				t.Errorf("%s: %s read as string, want %s", what, k.Name, k.Type)
			}
			s = x
		case float64: // JSON numbers; NetworkX typed them int or float
			if k.Type == "string" {
				t.Errorf("%s: %s read as a number, want string", what, k.Name)
			}
			s = strconv.FormatFloat(x, 'g', -1, 64)
		default:
			t.Errorf("%s: %s = %v (%T)", what, k.Name, v, v)
		}
		if s != values[i] {
			t.Errorf("%s: %s = %q, want %q", what, k.Name, s, values[i])
		}
	}
}
