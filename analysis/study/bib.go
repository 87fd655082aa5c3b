package study

import "github.com/nexus-toolkit/nexus/analysis/bib"

// Entry returns the reference as a bibliography entry (package bib, the
// one home of author–year citations and of the bibliography writers).
func (r Reference) Entry() bib.Entry {
	return bib.FromPrinted(bib.Entry{
		Key: r.Key, Kind: string(r.Kind), AuthorsAsPrinted: r.Authors, Surnames: r.Surnames,
		Year: r.Year, DateAsPrinted: r.DateAsPrinted, Title: r.Title, Container: r.Container,
		Volume: r.Volume, Issue: r.Issue, Pages: r.Pages, Publisher: r.Publisher, DOI: r.DOI, URL: r.URL,
	})
}
