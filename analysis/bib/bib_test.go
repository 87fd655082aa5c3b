package bib

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/datapkg"
	"github.com/nexus-toolkit/nexus/internal/testenv"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

const dataset = "../../datasets/ttp-alliances/v1.0.0"

func loadEntries(t testing.TB) []Entry {
	t.Helper()
	es, err := Load(dataset)
	if err != nil {
		t.Fatal(err)
	}
	return es
}

// golden compares got with testdata/name.golden, or rewrites it with
// -update (go test ./analysis/bib -update).
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./analysis/bib -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from %s; run go test ./analysis/bib -update after an intended change\n%s", name, path, got)
	}
}

// write runs a writer twice and fails when the outputs differ.
func write(t *testing.T, f func(*bytes.Buffer) error) []byte {
	t.Helper()
	var a, b bytes.Buffer
	if err := f(&a); err != nil {
		t.Fatal(err)
	}
	if err := f(&b); err != nil || !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatalf("output not deterministic (%v)", err)
	}
	return a.Bytes()
}

func TestGolden(t *testing.T) {
	es := loadEntries(t)
	golden(t, "references.bib", write(t, func(b *bytes.Buffer) error { return WriteBibTeX(b, es) }))
	golden(t, "references.json", write(t, func(b *bytes.Buffer) error { return WriteCSLJSON(b, es) }))
}

// ref is a row of the references resource, read by datapkg alone.
type ref struct{ Key, DOI, URL string }

// datasetRows reads key, doi and url of every row of the dataset's
// references with datapkg's accessors, independently of FromPackage.
func datasetRows(t *testing.T) []ref {
	p, err := datapkg.Read(dataset)
	if err != nil {
		t.Fatal(err)
	}
	tb := p.Resource("references").Table
	out := make([]ref, tb.Len())
	for i := range out {
		out[i] = ref{tb.Text(i, tb.Field("key")), tb.Text(i, tb.Field("doi")), tb.Text(i, tb.Field("url"))}
	}
	return out
}

// TestKeysDOIsURLs checks, against the rows as datapkg reads them, that
// every reference is written with its key, DOI and URL, in the list's
// order.
func TestKeysDOIsURLs(t *testing.T) {
	refs := datasetRows(t)
	es := loadEntries(t)
	bib := string(write(t, func(b *bytes.Buffer) error { return WriteBibTeX(b, es) }))
	var items []map[string]any
	if err := json.Unmarshal(write(t, func(b *bytes.Buffer) error { return WriteCSLJSON(b, es) }), &items); err != nil {
		t.Fatal(err)
	}
	if len(items) != len(refs) || len(refs) == 0 {
		t.Fatalf("%d CSL items for %d references", len(items), len(refs))
	}
	last := -1
	for i, r := range refs {
		at := strings.Index(bib, "{"+r.Key+",\n")
		if at <= last {
			t.Errorf("%s: missing from the BibTeX or out of order", r.Key)
		}
		last = at
		if r.DOI != "" && !strings.Contains(bib, "  doi = {"+r.DOI+"},\n") {
			t.Errorf("%s: BibTeX lacks doi %s", r.Key, r.DOI)
		}
		if r.URL != "" && !strings.Contains(bib, "  url = {"+r.URL+"},\n") {
			t.Errorf("%s: BibTeX lacks url %s", r.Key, r.URL)
		}
		it := items[i]
		if it["id"] != r.Key || it["citation-key"] != r.Key {
			t.Errorf("CSL item %d: id %v, want %s", i, it["id"], r.Key)
		}
		if (r.DOI != "" || it["DOI"] != nil) && it["DOI"] != r.DOI {
			t.Errorf("%s: CSL DOI %v, want %s", r.Key, it["DOI"], r.DOI)
		}
		if (r.URL != "" || it["URL"] != nil) && it["URL"] != r.URL {
			t.Errorf("%s: CSL URL %v, want %s", r.Key, it["URL"], r.URL)
		}
	}
}

func TestNames(t *testing.T) {
	for _, c := range []struct {
		authors  string
		surnames []string
		want     []Name
	}{
		{"Abbas, H.", []string{"Abbas"}, []Name{{Family: "Abbas", Given: "H."}}},
		{"Akhtar, S., & Ahmed, Z. S.", []string{"Akhtar", "Ahmed"},
			[]Name{{Family: "Akhtar", Given: "S."}, {Family: "Ahmed", Given: "Z. S."}}},
		{"Chuang, Y. L., Ben-Asher, N., & D’Orsogna, M. R.", []string{"Chuang", "Ben-Asher", "D’Orsogna"},
			[]Name{{Family: "Chuang", Given: "Y. L."}, {Family: "Ben-Asher", Given: "N."}, {Family: "D’Orsogna", Given: "M. R."}}},
		{"Jamestown Foundation", []string{"Jamestown Foundation"}, []Name{{Literal: "Jamestown Foundation"}}},
		{"", []string{"Pakistan mourns"}, nil},
		// Surnames that do not match the printed authors: keep them whole.
		{"Smith, J., & Jones, K.", []string{"Smyth", "Jones"}, []Name{{Literal: "Smith, J., & Jones, K."}}},
	} {
		if got := names(c.authors, c.surnames); !reflect.DeepEqual(got, c.want) {
			t.Errorf("names(%q) = %+v, want %+v", c.authors, got, c.want)
		}
	}
}

func TestPrintedDate(t *testing.T) {
	for _, c := range []struct {
		in      string
		y, m, d int
	}{
		{"2014", 2014, 0, 0}, {"2020, October 5", 2020, 10, 5}, {"2025, February", 2025, 2, 0},
		{"2019, Spring", 2019, 0, 0}, {"n.d.", 0, 0, 0},
	} {
		if y, m, d := printedDate(c.in); y != c.y || m != c.m || d != c.d {
			t.Errorf("printedDate(%q) = %d %d %d, want %d %d %d", c.in, y, m, d, c.y, c.m, c.d)
		}
	}
}

func TestEscape(t *testing.T) {
	e := Entry{Key: "x2020", Kind: "report", Authors: []Name{{Literal: "R&D {Unit} #1"}},
		Year: 2020, Title: `50% of $5_000 ~ ^up \ down`, Publisher: "A & B",
		URL: `https://example.org/a_b%20c#d{e}\f`}
	var b bytes.Buffer
	if err := WriteBibTeX(&b, []Entry{e}); err != nil {
		t.Fatal(err)
	}
	want := `@techreport{x2020,
  author = {{R\&D \textbraceleft{}Unit\textbraceright{} \#1}},
  title = {{50\% of \$5\_000 \textasciitilde{} \textasciicircum{}up \textbackslash{} down}},
  institution = {{A \& B}},
  year = {2020},
  url = {https://example.org/a_b%20c#d%7Be%7D%5Cf},
}
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	// Braces must balance in every field, counted as BibTeX counts them
	// (escaped or not), or BibTeX misreads the rest.
	if strings.Count(b.String(), "{") != strings.Count(b.String(), "}") {
		t.Error("unbalanced braces")
	}
}

// TestPandoc reads our BibTeX with Pandoc's BibTeX reader, an independent
// parser, and compares what it finds with our CSL-JSON: keys, authors,
// titles, dates, volumes, pages, DOIs and URLs must agree.
func TestPandoc(t *testing.T) {
	testenv.Short(t, "runs pandoc")
	pandoc := testenv.LookPath(t, "pandoc", "pandoc")
	es := loadEntries(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "refs.bib")
	os.WriteFile(path, write(t, func(b *bytes.Buffer) error { return WriteBibTeX(b, es) }), 0o644)
	out, err := exec.Command(pandoc, "-f", "bibtex", "-t", "csljson", path).Output()
	if err != nil {
		t.Fatalf("pandoc: %v", err)
	}
	var theirs []map[string]any
	if err := json.Unmarshal(out, &theirs); err != nil {
		t.Fatal(err)
	}
	var ours []map[string]any
	json.Unmarshal(write(t, func(b *bytes.Buffer) error { return WriteCSLJSON(b, es) }), &ours)
	if len(theirs) != len(ours) {
		t.Fatalf("pandoc read %d entries, we wrote %d", len(theirs), len(ours))
	}
	byID := map[string]map[string]any{}
	for _, it := range theirs {
		byID[it["id"].(string)] = it
	}
	// Pandoc's smart typography turns ' into ’ and ‘…’ into “…”.
	norm := strings.NewReplacer("’", "'", "‘", "'", "“", "'", "”", "'")
	// Types differ where BibTeX has none: what WriteBibTeX writes as a
	// @misc (a web page, a news item without an author) Pandoc reads as
	// untyped. A report's volume is its number (reportNumber).
	untitled := strings.NewReplacer(`<span class="nocase">`, "", `</span>`, "")
	for i, o := range ours {
		id := o["id"].(string)
		p, ok := byID[id]
		if !ok {
			t.Errorf("pandoc lacks %s", id)
			continue
		}
		typ, _ := bibType(es[i])
		if want := o["type"]; typ == "misc" && p["type"] != "" || typ != "misc" && p["type"] != want {
			t.Errorf("%s: pandoc type %v, ours %v (@%s)", id, p["type"], want, typ)
		}
		if typ == "techreport" {
			p["volume"] = p["number"]
		}
		o["title"] = untitled.Replace(o["title"].(string))
		for _, k := range []string{"author", "title", "issued", "volume", "page", "DOI", "URL"} {
			a, _ := json.Marshal(o[k])
			b, _ := json.Marshal(p[k])
			if norm.Replace(string(a)) != norm.Replace(string(b)) {
				t.Errorf("%s: %s: pandoc %s, ours %s", id, k, b, a)
			}
		}
	}
}

// TestFromPackageSchema: a references resource without a key field, or
// with a year that is not an integer, is refused with one problem each.
func TestFromPackageSchema(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "references.csv"), []byte("name,year\nx,2020\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "datapackage.json"), []byte(`{"name":"d","resources":[{"name":"references","path":"references.csv",
"schema":{"fields":[{"name":"name","type":"string"},{"name":"year","type":"string"}]}}]}`), 0o644)
	_, err := Load(dir)
	ps := datapkg.AsProblems(err)
	if len(ps) != 2 || !errors.Is(err, datapkg.ErrDescriptor) {
		t.Fatalf("got %v, want two descriptor problems", err)
	}
	for i, want := range []string{`no field "key"`, `field "year" has type "string"`} {
		if !strings.Contains(ps[i].Error(), want) || !strings.Contains(ps[i].Error(), "references.csv") {
			t.Errorf("problem %d: %v, want the file and %s", i, ps[i], want)
		}
	}
	// A package without a references resource has no entries.
	os.WriteFile(filepath.Join(dir, "datapackage.json"), []byte(`{"name":"d","resources":[{"name":"other","path":"references.csv",
"schema":{"fields":[{"name":"name","type":"string"},{"name":"year","type":"string"}]}}]}`), 0o644)
	if es, err := Load(dir); es != nil || err != nil {
		t.Errorf("no references resource: %v, %v", es, err)
	}
}
