package bib

import (
	"fmt"
	"io"
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
