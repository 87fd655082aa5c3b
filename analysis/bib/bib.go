package bib

import (
	"strconv"
	"strings"
)

// Name is an author: a family and given name, or a literal name (an
// organization) that must not be split.
type Name struct {
	Family, Given string
	Literal       string
}

// Entry is one reference of a bibliography.
type Entry struct {
	Key     string
	Kind    string // the dataset's kind: journal-article, book, chapter, news, report, web
	Authors []Name
	// AuthorsAsPrinted is the author list as the reference list prints
	// it, "Akhtar, S., & Ahmed, Z. S.", or the organization.
	AuthorsAsPrinted string
	// Surnames are the names a citation prints, in order: "Akhtar",
	// "Ahmed"; for an entry with no author, the words of the title that
	// stand for them.
	Surnames []string
	Year     int // 0 when the list prints no year ("n.d.")
	// DateAsPrinted is the parenthesised date as printed, "2018" or
	// "2020, October 5"; the reference list prints the year when it is
	// empty.
	DateAsPrinted string
	Month         int // 0 when the list prints no month
	Day           int // 0 when the list prints no day
	Title         string
	Container     string // journal, newspaper, site, series or edited book
	Volume        string
	Issue         string
	Pages         string // as printed, e.g. "285–306"
	Publisher     string
	DOI           string
	URL           string
}

// FromPrinted returns e completed from its printed fields: Authors split
// from AuthorsAsPrinted at the Surnames, and Month and Day read from
// DateAsPrinted ("2020, October 5"). Year stays as given; when it is 0,
// it is the printed date's year. Both loaders (FromPackage on the core
// side, study.Reference.Entry on the study side) build entries with it.
func FromPrinted(e Entry) Entry {
	e.Authors = names(e.AuthorsAsPrinted, e.Surnames)
	y, m, d := printedDate(e.DateAsPrinted)
	if e.Year == 0 {
		e.Year = y
	}
	if y == e.Year {
		e.Month, e.Day = m, d
	}
	return e
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

// InPeriodical reports whether e, listed as a report, is an issue of a
// periodical: it names its series (the container) with a volume or an
// issue, as "Terrorism Monitor, 16(12)". BibTeX writes it as an @article
// in that journal and CSL-JSON as article-journal, not as a report.
func (e Entry) InPeriodical() bool {
	return e.Kind == "report" && e.Container != "" && (e.Volume != "" || e.Issue != "")
}
