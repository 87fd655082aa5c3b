package cli

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/alliance"
	"github.com/nexus-toolkit/nexus/analysis/graph/encoding"
	"github.com/nexus-toolkit/nexus/analysis/graph/encoding/dot"
	"github.com/nexus-toolkit/nexus/analysis/graph/encoding/gexf"
	"github.com/nexus-toolkit/nexus/analysis/graph/encoding/graphml"
	"github.com/nexus-toolkit/nexus/analysis/graph/encoding/pajek"
	"github.com/nexus-toolkit/nexus/analysis/graph/network"

	"github.com/nexus-toolkit/nexus/internal/testenv"
)

const datasetDir = "../../datasets/ttp-alliances/v1.0.0"

func TestNetworkEdges(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "edges.csv")
	// A triangle a-b-c with a tail c-d; the duplicate b,a row collapses.
	os.WriteFile(in, []byte("source,target,w\na,b,1\nb,c,1\nc,a,1\nc,d,2\nb,a,1\n"), 0o644)
	out := filepath.Join(dir, "metrics.csv")
	var stdout, stderr bytes.Buffer
	if err := run(&stdout, &stderr, []string{"network", "--edges", in, "--out", out}); err != nil {
		t.Fatalf("%v: %s", err, stderr.String())
	}
	got, _ := os.ReadFile(out)
	// Reference: NetworkX 3.6.1 on nx.Graph([(a,b),(b,c),(c,a),(c,d)]):
	// betweenness_centrality c = 2/3 (raw 2), closeness a = 3/4, c = 1,
	// harmonic a = 2.5, core_number 2,2,2,1.
	want := `node,degree,in_degree,out_degree,strength,betweenness,betweenness_raw,closeness,harmonic,eigenvector,pagerank,core_number,core_periphery,community
a,2,2,2,2,0,0,0.75,2.5,`
	if !strings.HasPrefix(string(got), want) {
		t.Errorf("metrics.csv starts\n%s\nwant\n%s", got, want)
	}
	lines := strings.Split(strings.TrimSpace(string(got)), "\n")
	if len(lines) != 5 || !strings.HasPrefix(lines[3], "c,3,3,3,3,0.6666666666666666,2,1,3,") {
		t.Errorf("metrics.csv:\n%s", got)
	}
	// With --weight the duplicate b,a row counts once (strength of a is
	// 2); --parallel sum adds the duplicate rows' weights (3).
	for _, c := range []struct {
		args []string
		want string
	}{{nil, "\na,2,2,2,2,"}, {[]string{"--parallel", "sum"}, "\na,2,2,2,3,"}} {
		stdout.Reset()
		if err := run(&stdout, &stderr, append([]string{"network", "--edges", in, "--weight", "w", "--out", "-"}, c.args...)); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(stdout.String(), c.want) {
			t.Errorf("%v: want a row starting %q:\n%s", c.args, c.want[1:], stdout.String())
		}
	}
}

// TestNetworkWeighted: -weighted distance makes a strong tie a short
// path and -weighted length a long one. On the triangle a-b (3), b-c (3),
// a-c (1) the shortest a-c path runs through b only with lengths
// 1/weight (2/3 < 1), so b's raw betweenness is 1 there and 0 otherwise.
// A tie stored in both directions counts once.
func TestNetworkWeighted(t *testing.T) {
	in := filepath.Join(t.TempDir(), "edges.csv")
	os.WriteFile(in, []byte("source,target,w\na,b,3\nb,a,3\nb,c,3\na,c,1\n"), 0o644)
	for _, c := range []struct {
		weighted, want string
	}{{"none", "b,2,2,2,6,0,0,"}, {"distance", "b,2,2,2,6,1,1,"}, {"length", "b,2,2,2,6,0,0,"}, {"strength,distance", "b,2,2,2,6,1,1,"}} {
		var stdout, stderr bytes.Buffer
		if err := run(&stdout, &stderr, []string{"network", "--edges", in, "--weight", "w", "--weighted", c.weighted, "--out", "-"}); err != nil {
			t.Fatalf("%s: %v: %s", c.weighted, err, stderr.String())
		}
		if !strings.Contains(stdout.String(), "\n"+c.want) {
			t.Errorf("-weighted %s: want a row starting %q:\n%s", c.weighted, c.want, stdout.String())
		}
	}
	var stdout, stderr bytes.Buffer
	err := run(&stdout, &stderr, []string{"network", "--edges", in, "--weight", "w", "--weighted", "distance,length", "--out", "-"})
	if err == nil || !strings.Contains(err.Error(), "distance and length exclude each other") {
		t.Errorf("distance,length: %v", err)
	}
}

func TestNetworkBadRows(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "bad.csv")
	os.WriteFile(in, []byte("source,target,weight\na,b,1\nb,,1\nc,d,x\nd,e,-1\n"), 0o644)
	var stdout, stderr bytes.Buffer
	err := run(&stdout, &stderr, []string{"network", "--edges", in, "--weight", "weight", "--out", filepath.Join(dir, "m.csv")})
	var ee exitError
	if !errors.As(err, &ee) || ee.code != 1 {
		t.Fatalf("err = %v, want exit status 1", err)
	}
	for _, want := range []string{
		in + `:3:3: empty node id in column "target", expected a node id`,
		in + `:4:5: bad weight: column "weight" value "x", expected a finite number > 0`,
		in + `:5:5: bad weight: column "weight" value "-1", expected a finite number > 0`,
	} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "m.csv")); err == nil {
		t.Error("metrics written despite errors")
	}
	os.WriteFile(in, []byte("from,to\na,b\n"), 0o644)
	stderr.Reset()
	run(&stdout, &stderr, []string{"network", "--edges", in, "--out", "-"})
	if !strings.Contains(stderr.String(), in+`:1: missing column "source"`) {
		t.Errorf("stderr: %s", stderr.String())
	}
}

func TestNetworkDataset(t *testing.T) {
	testenv.File(t, filepath.Join(datasetDir, "relations.csv"), "the dataset's relations")
	var a, b, stderr bytes.Buffer
	for _, out := range []*bytes.Buffer{&a, &b} {
		if err := run(out, &stderr, []string{"network", "--dataset", datasetDir, "--out", "-"}); err != nil {
			t.Fatalf("%v: %s", err, stderr.String())
		}
	}
	if a.String() != b.String() {
		t.Error("output differs between runs")
	}
	lines := strings.Split(strings.TrimSpace(a.String()), "\n")
	head := append(network.Columns, network.BrokerageColumns...)
	if lines[0] != strings.Join(head, ",") || len(lines) < 3 {
		t.Errorf("metrics:\n%s", a.String())
	}
}

func TestExport(t *testing.T) {
	testenv.File(t, filepath.Join(datasetDir, "relations.csv"), "the dataset's relations")
	dir := t.TempDir()
	readers := map[string]func(*os.File) (*encoding.Doc, error){
		"graphml": func(f *os.File) (*encoding.Doc, error) { return graphml.Read(f) },
		"gexf":    func(f *os.File) (*encoding.Doc, error) { return gexf.Read(f) },
		"dot": func(f *os.File) (*encoding.Doc, error) {
			return dot.Read(f, dot.ReadOptions{NodeKeys: alliance.NodeKeys, LinkKeys: alliance.LinkKeys})
		},
		"pajek": func(f *os.File) (*encoding.Doc, error) { return pajek.Read(f) },
	}
	var nodes, links int
	for _, format := range []string{"graphml", "gexf", "dot", "pajek"} {
		out := filepath.Join(dir, "net."+format)
		var stdout, stderr bytes.Buffer
		if err := run(&stdout, &stderr, []string{"export", "--dataset", datasetDir, "--format", format, "--out", out}); err != nil {
			t.Fatalf("%s: %v: %s", format, err, stderr.String())
		}
		f, err := os.Open(out)
		if err != nil {
			t.Fatal(err)
		}
		d, err := readers[format](f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if nodes == 0 {
			nodes, links = len(d.Nodes), len(d.Links)
		}
		if len(d.Nodes) != nodes || len(d.Links) != links || nodes == 0 {
			t.Errorf("%s: %d nodes, %d links; graphml has %d, %d", format, len(d.Nodes), len(d.Links), nodes, links)
		}
	}
	var stdout, stderr bytes.Buffer
	if err := run(&stdout, &stderr, []string{"export", "--dataset", datasetDir, "--format", "csv", "--out", filepath.Join(dir, "net.csv")}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"net-nodes.csv", "net-edges.csv"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Error(err)
		}
	}
	err := run(&stdout, &stderr, []string{"export", "--dataset", datasetDir, "--format", "svg", "--out", filepath.Join(dir, "x")})
	if err == nil || !strings.Contains(err.Error(), `unknown -format "svg", expected one of graphml, gexf, dot, pajek, csv, bibtex, csljson`) {
		t.Errorf("unknown format: %v", err)
	}
}
