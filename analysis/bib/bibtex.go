package bib

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"
)

// texEscaper escapes the characters that are special to BibTeX and LaTeX
// in a field's text. It replaces in one pass, so the braces it writes
// are not escaped again. Braces of the text become \textbraceleft{} and
// \textbraceright{}, never \{ and \}: BibTeX counts every brace, escaped
// or not, to find where a field ends, so a title ending in "}}}" would
// otherwise close its entry and let the rest of it plant one of its own.
// The only braces in an escaped value are the balanced {} of commands.
var texEscaper = strings.NewReplacer(
	`\`, `\textbackslash{}`, `{`, `\textbraceleft{}`, `}`, `\textbraceright{}`, `#`, `\#`, `$`, `\$`,
	`%`, `\%`, `&`, `\&`, `_`, `\_`, `~`, `\textasciitilde{}`, `^`, `\textasciicircum{}`)

// Escape returns s with BibTeX's and LaTeX's special characters escaped,
// for a braced field value, in which every brace is balanced (see
// texEscaper). Other characters, non-ASCII ones included, are written as
// they are (UTF-8).
func Escape(s string) string { return texEscaper.Replace(s) }

// rawEscaper keeps a URL or DOI verbatim except for what would unbalance
// a braced BibTeX value, which it percent-encodes as a URL would.
var rawEscaper = strings.NewReplacer(`{`, "%7B", `}`, "%7D", `\`, "%5C")

var bibMonths = [...]string{"", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

// bibType returns the BibTeX entry type of a dataset kind, and the field
// that takes the container: a journal for articles and news, the book
// for a chapter, the site for a web page.
func bibType(kind string) (typ, container string) {
	switch kind {
	case "journal-article", "news":
		return "article", "journal"
	case "book":
		return "book", "series"
	case "chapter":
		return "incollection", "booktitle"
	case "report":
		return "techreport", "series"
	}
	return "misc", "howpublished"
}

// WriteBibTeX writes entries as a BibTeX database, one entry per
// reference in the given order, keyed by the dataset's keys. Titles (and
// book titles and series) are double-braced so that styles keep their
// capitals; a news item is an article with entrysubtype newspaper
// (Pandoc reads it as article-newspaper, as the CSL-JSON says); a report with a volume or issue
// of its series is an article in that periodical; organizations as
// authors and institutions are braced so that they are not split into
// names; an entry without an author gets a key (the words its citation
// prints) to sort by. Page ranges
// use "--". A report's institution is its publisher, or its container
// when it has no publisher.
func WriteBibTeX(w io.Writer, entries []Entry) error {
	for _, e := range entries {
		if e.Key == "" || strings.ContainsFunc(e.Key, badKeyRune) {
			return fmt.Errorf("bibtex: reference key %q: a BibTeX key must be non-empty, without white space, braces, quotes, commas, parentheses, =, #, %%, ~ or \\", e.Key)
		}
	}
	bw := bufio.NewWriter(w)
	for i, e := range entries {
		if i > 0 {
			bw.WriteString("\n")
		}
		typ, containerField := bibType(e.Kind)
		periodical := e.InPeriodical()
		if periodical {
			typ, containerField = "article", "journal"
		}
		fmt.Fprintf(bw, "@%s{%s,\n", typ, e.Key)
		field := func(name, value string) {
			if value != "" {
				fmt.Fprintf(bw, "  %s = {%s},\n", name, value)
			}
		}
		field("author", bibAuthors(e.Authors))
		field("title", "{"+Escape(e.Title)+"}")
		container, publisher := e.Container, e.Publisher
		if e.Kind == "report" && !periodical {
			// Braced, so that an institution whose name holds "and" is
			// not read as a list of names.
			if inst := firstOf(publisher, container); inst != "" {
				field("institution", "{"+Escape(inst)+"}")
			}
			if publisher == "" {
				container = ""
			}
			publisher = ""
		}
		if container != "" && (containerField == "booktitle" || containerField == "series") {
			field(containerField, "{"+Escape(container)+"}") // titles: keep capitals
		} else {
			field(containerField, Escape(container))
		}
		if e.Kind == "news" {
			field("entrysubtype", "newspaper") // biblatex's, and Pandoc's, newspaper article
		}
		if len(e.Authors) == 0 && len(e.Surnames) > 0 {
			// No author: the words a citation prints sort the entry.
			field("key", Escape(strings.Join(e.Surnames, " ")))
		}
		if e.Year != 0 {
			field("year", fmt.Sprint(e.Year))
		}
		if e.Month != 0 {
			fmt.Fprintf(bw, "  month = %s,\n", bibMonths[e.Month])
			date := fmt.Sprintf("%04d-%02d", e.Year, e.Month)
			if e.Day != 0 {
				date += fmt.Sprintf("-%02d", e.Day)
			}
			field("date", date)
		}
		field("volume", Escape(e.Volume))
		field("number", Escape(e.Issue))
		field("pages", Escape(pageRange(e.Pages, "--")))
		field("publisher", Escape(publisher))
		field("doi", rawEscaper.Replace(e.DOI))
		field("url", rawEscaper.Replace(e.URL))
		bw.WriteString("}\n")
	}
	return bw.Flush()
}

// badKeyRune reports a rune that may not stand in a BibTeX key: one that
// ends the key or the entry, starts a comment or a string, or escapes.
func badKeyRune(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsControl(r) || strings.ContainsRune("{}(),=\"#%~\\'", r)
}

// bibAuthors joins names with " and ": "Family, Given" for persons and
// the braced literal for organizations.
func bibAuthors(ns []Name) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		switch {
		case n.Literal != "":
			parts[i] = "{" + Escape(n.Literal) + "}"
		case n.Given == "":
			parts[i] = Escape(n.Family)
		default:
			parts[i] = Escape(n.Family) + ", " + Escape(n.Given)
		}
	}
	return strings.Join(parts, " and ")
}

func firstOf(xs ...string) string {
	for _, x := range xs {
		if x != "" {
			return x
		}
	}
	return ""
}
