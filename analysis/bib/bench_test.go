package bib

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// synthetic returns n entries shaped like the dataset's: three authors,
// a journal, pages, a DOI and a URL with characters BibTeX must escape.
func synthetic(n int) []Entry {
	es := make([]Entry, n)
	for i := range es {
		es[i] = Entry{
			Key: fmt.Sprintf("author%d-other%d", i, i), Kind: "journal-article",
			Authors: []Name{{Family: "Author", Given: "A. B."}, {Family: "D’Other", Given: "C."}, {Literal: "R&D Unit #" + fmt.Sprint(i)}},
			Year:    1990 + i%35, Month: 1 + i%12, Day: 1 + i%28,
			Title:     fmt.Sprintf("On 50%% of the $cost_%d: alliances & rivalries", i),
			Container: "Journal of Conflict Resolution", Volume: "58", Issue: "2", Pages: "199–225",
			DOI: fmt.Sprintf("10.1177/%d", i), URL: fmt.Sprintf("https://example.org/a_%d?x=1#y", i),
		}
	}
	return es
}

// BenchmarkWriteBibTeX100k writes 100,000 entries as BibTeX.
func BenchmarkWriteBibTeX100k(b *testing.B) {
	es := synthetic(100_000)
	for b.Loop() {
		if err := WriteBibTeX(io.Discard, es); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteCSLJSON100k writes 100,000 entries as CSL-JSON.
func BenchmarkWriteCSLJSON100k(b *testing.B) {
	es := synthetic(100_000)
	for b.Loop() {
		if err := WriteCSLJSON(io.Discard, es); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDataset writes the dataset's 42 references in both formats.
func BenchmarkDataset(b *testing.B) {
	es := loadEntries(b)
	for b.Loop() {
		WriteBibTeX(io.Discard, es)
		WriteCSLJSON(io.Discard, es)
	}
}

// BenchmarkLoadDataset reads and validates the dataset (every resource,
// as a notebook render and nexus export do) and converts its 42
// references.
func BenchmarkLoadDataset(b *testing.B) {
	for b.Loop() {
		if _, err := Load(dataset); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoad100k reads a package whose references resource has
// 100,000 rows shaped like the dataset's.
func BenchmarkLoad100k(b *testing.B) {
	dir := b.TempDir()
	var csv strings.Builder
	csv.WriteString("key,authors,surnames,year,date_as_printed,title,container,volume,issue,pages,publisher,doi,url,kind\n")
	for i := range 100_000 {
		fmt.Fprintf(&csv, "author%d-other%d,\"Author, A. B., & D’Other, C.\",Author;D’Other,%d,\"%d, May 1\",On alliances %d,Journal of Conflict Resolution,58,2,199–225,,10.1177/%d,https://example.org/a_%d,journal-article\n",
			i, i, 1990+i%35, 1990+i%35, i, i, i)
	}
	os.WriteFile(filepath.Join(dir, "references.csv"), []byte(csv.String()), 0o644)
	desc := `{"name":"synthetic","resources":[{"name":"references","path":"references.csv","schema":{"fields":[
{"name":"key","type":"string","constraints":{"required":true,"unique":true}},{"name":"authors","type":"string"},
{"name":"surnames","type":"list","delimiter":";","itemType":"string"},{"name":"year","type":"integer"},
{"name":"date_as_printed","type":"string"},{"name":"title","type":"string"},{"name":"container","type":"string"},
{"name":"volume","type":"string"},{"name":"issue","type":"string"},{"name":"pages","type":"string"},
{"name":"publisher","type":"string"},{"name":"doi","type":"string"},{"name":"url","type":"string"},{"name":"kind","type":"string"}],
"primaryKey":["key"]}}]}`
	os.WriteFile(filepath.Join(dir, "datapackage.json"), []byte(desc), 0o644)
	for b.Loop() {
		es, err := Load(dir)
		if err != nil || len(es) != 100_000 {
			b.Fatal(len(es), err)
		}
	}
}
