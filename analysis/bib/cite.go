package bib

import (
	"sort"
	"strconv"
	"strings"
)

// Names returns the author part of a parenthetical citation: "Abbas",
// "Akhtar & Ahmed", "Allan et al.". An entry without surnames gives its
// printed authors, or else its title.
func Names(e Entry) string { return authorPart(e, " & ") }

// NarrativeNames returns the author part of a narrative citation, where
// two authors are joined by "and": "Akhtar and Ahmed".
func NarrativeNames(e Entry) string { return authorPart(e, " and ") }

func authorPart(e Entry, and string) string {
	s := e.Surnames
	switch {
	case len(s) == 0 && e.AuthorsAsPrinted != "":
		return e.AuthorsAsPrinted
	case len(s) == 0:
		return e.Title
	case len(s) == 1:
		return s[0]
	case len(s) == 2:
		return s[0] + and + s[1]
	}
	return s[0] + " et al."
}

// year returns y as printed, or "n.d." when it is 0.
func year(y int) string {
	if y == 0 {
		return "n.d."
	}
	return strconv.Itoa(y)
}

// AuthorYear returns the short author–year label of an entry, as the
// paper's tables print it: "Bacon 2018", "Horowitz & Potter 2014", "Asal
// et al. 2016".
func AuthorYear(e Entry) string { return Names(e) + " " + year(e.Year) }

// Item is an entry of a reference list, with the suffix that tells apart
// the list's entries of the same authors and year.
type Item struct {
	Entry
	Suffix string // "a", "b", ... when entries of the list share authors and year
}

// CitedYear returns the year as a citation prints it: with the item's
// suffix, "2018a", or "n.d.".
func (it *Item) CitedYear() string { return year(it.Year) + it.Suffix }

// sortKey orders a reference list: by surnames (or printed authors),
// year, title and key.
func (it *Item) sortKey() string {
	first := it.AuthorsAsPrinted
	if len(it.Surnames) > 0 {
		first = strings.Join(it.Surnames, " ")
	}
	y := ""
	if it.Year != 0 {
		y = strconv.Itoa(it.Year)
	}
	return strings.ToLower(first) + "\x00" + y + "\x00" + strings.ToLower(it.Title) + "\x00" + it.Key
}

// Sort sorts the items of a reference list by surnames, year, title and
// key, and gives items with the same authors (as Names prints them) and
// year the suffixes a, b, ... in list order.
func Sort(items []*Item) {
	sort.Slice(items, func(i, j int) bool { return items[i].sortKey() < items[j].sortKey() })
	id := func(it *Item) string { return Names(it.Entry) + "\x00" + strconv.Itoa(it.Year) }
	for i := 0; i < len(items); {
		j := i + 1
		for j < len(items) && id(items[j]) == id(items[i]) {
			j++
		}
		for k := i; k < j; k++ {
			items[k].Suffix = ""
			if j-i > 1 {
				items[k].Suffix = string(rune('a' + k - i))
			}
		}
		i = j
	}
}

// Span is a run of a formatted reference list entry: plain text, text in
// italics, or a link. A renderer escapes Text for its markup.
type Span struct {
	Text   string
	Italic bool
	Link   string // the address Text links to, or ""
}

// Format returns the item as a reference list prints it, in an
// author–date style close to APA:
//
//	Authors. (Date). Title. *Container*, *Volume*(Issue), Pages. Publisher. https://doi.org/DOI
//
// A title without a container is in italics. The date is as printed, or
// the cited year when the item has a suffix or no printed date. The link
// is the DOI's address, or else the URL.
func (it *Item) Format() []Span {
	var out []Span
	text := func(s string) { out = append(out, Span{Text: s}) }
	italic := func(s string) { out = append(out, Span{Text: s, Italic: true}) }
	if it.AuthorsAsPrinted != "" {
		text(sentence(it.AuthorsAsPrinted) + " ")
	}
	date := it.DateAsPrinted
	if date == "" || it.Suffix != "" {
		date = it.CitedYear()
	}
	text("(" + date + "). ")
	title := it.Title
	if it.Container != "" {
		text(sentence(title) + " ")
		italic(it.Container)
		if it.Volume != "" {
			text(", ")
			italic(it.Volume)
		}
		if it.Issue != "" {
			text("(" + it.Issue + ")")
		}
		if it.Pages != "" {
			text(", " + it.Pages)
		}
		if it.Volume != "" || it.Issue != "" || it.Pages != "" || !endsSentence(it.Container) {
			text(".")
		}
	} else if title != "" {
		title = strings.TrimSuffix(title, ".")
		italic(title)
		if !endsSentence(title) {
			text(".")
		}
	}
	if it.Publisher != "" {
		text(" " + sentence(it.Publisher))
	}
	switch {
	case it.DOI != "":
		text(" ")
		u := "https://doi.org/" + it.DOI
		out = append(out, Span{Text: u, Link: u})
	case it.URL != "":
		text(" ")
		out = append(out, Span{Text: it.URL, Link: it.URL})
	}
	return out
}

// sentence returns s ended as a sentence of a reference list entry: with
// a full stop added, unless s already ends with one, a question mark or
// an exclamation mark (before any closing quotes or brackets), so that
// "examples?" stays "examples?" and never becomes "examples?.".
func sentence(s string) string {
	if s == "" || endsSentence(s) {
		return s
	}
	return s + "."
}

// endsSentence reports whether s ends with ".", "?" or "!", before any
// closing quotes, brackets or parentheses.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'’”)]»")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!")
}
