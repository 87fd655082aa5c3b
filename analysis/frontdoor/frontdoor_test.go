package frontdoor

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// fixture is a small page with every part: a table, a figure with a
// trace and one without, claims, quoted fields, a notebook, and text
// that must be escaped.
func fixture() *Page {
	return &Page{
		Title: "A <small> study & its data",
		Dataset: Dataset{Name: "ties", Version: "0.1.0", Title: "Ties \"between\" nodes", Hash: "sha256:" + strings.Repeat("ab", 32),
			Dir: "datasets/ties/v0.1.0", Files: []string{"datapackage.json", "nodes.csv", "ties.csv"}},
		Outputs: []Output{
			{ID: "T1", Name: "tbl-nodes", Title: "Nodes", Func: "study.NodeTable", Inputs: []string{"nodes", "ties"},
				Files: []File{{"tbl-nodes.csv", strings.Repeat("1", 64)}, {"tbl-nodes.trace.csv", strings.Repeat("2", 64)}},
				Trace: "tbl-nodes.trace.csv", Table: &Grid{Header: []string{"node", "degree"}, Rows: [][]string{{"a<b>", "2"}, {"c", "n.r."}}}},
			{ID: "F1", Name: "fig-network", Title: "The network", Func: "study.Network", Inputs: []string{"ties"},
				Files: []File{{"fig-network.png", strings.Repeat("3", 64)}, {"fig-network.trace.csv", strings.Repeat("4", 64)}},
				Trace: "fig-network.trace.csv", Image: &Image{Src: "fig-network.png", Width: 2008, Height: 1181}},
			{ID: "F2", Name: "fig-bars", Title: "Bars", Func: "study.Bars",
				Files: []File{{"fig-bars.png", strings.Repeat("5", 64)}}, Image: &Image{Src: "fig-bars.png", Width: 1000, Height: 500}},
		},
		Claims:    []Claim{{Notebook: "notebooks/01-start.md", Line: 12, Text: "every tie joins two nodes", Rendered: "notebooks/01-start.html"}},
		ClaimsCSV: "claims.csv",
		Quotes:    Quotes{Fields: []string{"ties.quote (its page: ties.page)"}, PageMark: "Journal 1 (2025)"},
		Notebooks: []Notebook{{Title: "01 · Start", Source: "notebooks/01-start.md", Assets: 1,
			Files: []File{{"notebooks/01-start.md", strings.Repeat("6", 64)}, {"notebooks/01-start.html", strings.Repeat("7", 64)}, {"notebooks/01-start.ipynb", strings.Repeat("8", 64)}}}},
		Formats: "make formats",
		Env:     Env{Go: "go1.26.8", OS: "linux/amd64"},
	}
}

func render(t *testing.T, p *Page) []byte {
	t.Helper()
	var b bytes.Buffer
	if _, err := p.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestPageGolden compares the fixture's page with testdata/page.golden
// (go test -update rewrites it) and checks what the page must hold and
// must not: no script, escaped text, the thumbnail's size.
func TestPageGolden(t *testing.T) {
	got := render(t, fixture())
	golden := filepath.Join("testdata", "page.golden")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the page differs from %s (go test -update rewrites it):\n%s", golden, got)
	}
	if !bytes.Equal(render(t, fixture()), got) {
		t.Error("two writes of the same page differ")
	}
	s := string(got)
	for _, want := range []string{
		"<h1>A &lt;small&gt; study &amp; its data</h1>",
		"<td>a&lt;b&gt;</td>",
		`<img src="fig-network.png" width="480" height="282"`, // 1181 × 480 / 2008 = 282.3
		"cat datapackage.json nodes.csv ties.csv | sha256sum",
		`<a href="notebooks/01-start.html">notebooks/01-start.md</a></td><td>12</td>`,
		"No trace file",
		"<dt>Go</dt><dd>go1.26.8</dd>",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if strings.Contains(strings.ToLower(s), "<script") {
		t.Error("the page has a script")
	}
}

// TestEnvironment: Environment reads the block's entries and masks them,
// so that pages that differ only there mask to the same bytes, and pages
// that differ elsewhere do not; WithEnvironment makes one page read as
// the other.
func TestEnvironment(t *testing.T) {
	a := render(t, fixture())
	p := fixture()
	p.Env = Env{Go: "go1.26.999", OS: "darwin/arm64"}
	b := render(t, p)
	envA, ma, ok := Environment(a)
	if !ok {
		t.Fatal("no environment block")
	}
	envB, mb, _ := Environment(b)
	if want := [][2]string{{"go", "go1.26.8"}, {"os", "linux/amd64"}}; len(envA) != 2 || envA[0] != want[0] || envA[1] != want[1] {
		t.Errorf("environment %v, want %v", envA, want)
	}
	if envB[0][1] != "go1.26.999" || envB[1][1] != "darwin/arm64" {
		t.Errorf("environment %v", envB)
	}
	if !bytes.Equal(ma, mb) {
		t.Error("pages that differ only in their environment mask differently")
	}
	if bytes.Contains(ma, []byte("go1.26.8")) {
		t.Error("the masked page still names the Go release")
	}
	if got, ok := WithEnvironment(b, a); !ok || !bytes.Equal(got, a) {
		t.Error("WithEnvironment did not give the page with the other's environment")
	}
	p.Title = "Another study"
	_, mc, _ := Environment(render(t, p))
	if bytes.Equal(ma, mc) {
		t.Error("pages that differ outside their environment mask alike")
	}
	if _, _, ok := Environment([]byte("<html></html>")); ok {
		t.Error("a page without a block has an environment")
	}
}
