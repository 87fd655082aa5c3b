// Package bib writes a study's reference list as a bibliography for
// LaTeX (BibTeX) and for reference managers and citation processors
// (CSL-JSON, as Zotero, Pandoc and citeproc read it).
//
// Entries keep the dataset's keys as citation keys, the list's order,
// and every DOI and URL. They are built from study.Reference records, so
// the references are read, typed and validated by the study loader, never
// parsed from CSV a second time. Both writers are deterministic.
//
// Authors are split with the surnames the dataset records: in "Akhtar, S.,
// & Ahmed, Z. S." with surnames Akhtar;Ahmed, each surname's given names
// are the text that follows it up to the next surname. An author without
// initials (an organization, "Jamestown Foundation") is kept as one
// literal name; an entry without authors has none.
package bib

import (
	"strconv"
	"strings"

	"nexus/analysis/study"
)

// Name is an author: a family and given name, or a literal name (an
// organization) that must not be split.
type Name struct {
	Family, Given string
	Literal       string
}

// Entry is one reference of a bibliography.
type Entry struct {
	Key       string
	Kind      string // the dataset's kind: journal-article, book, chapter, news, report, web
	Authors   []Name
	Year      int
	Month     int // 0 when the list prints no month
	Day       int // 0 when the list prints no day
	Title     string
	Container string // journal, newspaper, site, series or edited book
	Volume    string
	Issue     string
	Pages     string // as printed, e.g. "285–306"
	Publisher string
	DOI       string
	URL       string
}

// FromStudy returns the entries of s's reference list in its printed
// order.
func FromStudy(s *study.Study) []Entry {
	out := make([]Entry, 0, len(s.References))
	for _, r := range s.References {
		y, m, d := printedDate(r.DateAsPrinted)
		if y == 0 {
			y = r.Year
		}
		out = append(out, Entry{
			Key: r.Key, Kind: r.Kind, Authors: names(r.Authors, r.Surnames),
			Year: y, Month: m, Day: d, Title: r.Title, Container: r.Container,
			Volume: r.Volume, Issue: r.Issue, Pages: r.Pages, Publisher: r.Publisher,
			DOI: r.DOI, URL: r.URL,
		})
	}
	return out
}

// names splits authors as printed in APA style ("Surname, I. I., Other,
// J., & Last, K.") at the recorded surnames.
func names(authors string, surnames []string) []Name {
	authors = strings.TrimSpace(authors)
	if authors == "" {
		return nil
	}
	if len(surnames) == 0 || !strings.Contains(authors, ",") {
		return []Name{{Literal: authors}}
	}
	var out []Name
	rest := authors
	for i, s := range surnames {
		at := strings.Index(rest, s)
		if at < 0 {
			return []Name{{Literal: authors}} // not as recorded: keep it whole
		}
		rest = rest[at+len(s):]
		given := rest
		if i+1 < len(surnames) {
			if next := strings.Index(rest, surnames[i+1]); next >= 0 {
				given = rest[:next]
			}
		}
		given = strings.TrimSpace(given)
		given = strings.TrimPrefix(given, ",")
		given = strings.TrimSuffix(strings.TrimSpace(given), "&")
		given = strings.TrimSuffix(strings.TrimSpace(given), ",")
		out = append(out, Name{Family: s, Given: strings.TrimSpace(given)})
	}
	return out
}

var months = map[string]int{"January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6,
	"July": 7, "August": 8, "September": 9, "October": 10, "November": 11, "December": 12}

// printedDate reads a date as APA prints it: "2020", "2020, October" or
// "2020, October 5". Anything else gives zeros.
func printedDate(s string) (year, month, day int) {
	y, md, _ := strings.Cut(s, ", ")
	year, err := strconv.Atoi(strings.TrimSpace(y))
	if err != nil {
		return 0, 0, 0
	}
	if md == "" {
		return year, 0, 0
	}
	m, d, _ := strings.Cut(strings.TrimSpace(md), " ")
	month = months[m]
	if month == 0 {
		return year, 0, 0
	}
	if d != "" {
		if day, err = strconv.Atoi(d); err != nil {
			day = 0
		}
	}
	return year, month, day
}

// pageRange returns pages with an en dash or hyphen between the two
// numbers replaced by sep.
func pageRange(pages, sep string) string {
	for _, dash := range []string{"–", "—", "-"} {
		if a, b, ok := strings.Cut(pages, dash); ok {
			return strings.TrimSpace(a) + sep + strings.TrimSpace(b)
		}
	}
	return pages
}
