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

// bibType returns the BibTeX entry type of e, and the field that takes
// its container. Each choice is one whose required fields the data has,
// both in BibTeX's standard styles (plain.bst) and in biblatex's data
// model (biber --tool --validate-datamodel), so that neither warns:
//
//   - A journal article or a news item is an @article in its journal.
//   - A news item without an author is a @misc, published (howpublished)
//     by its outlet: @article requires an author in plain.bst and in
//     biblatex, and the reference list prints none (it lists such an item
//     by its title); the outlet is not made its author, as the list does
//     not give it as one.
//   - A report with a volume or issue of its series is an @article in
//     that periodical (InPeriodical); any other report a @techreport.
//   - A chapter is an @inbook with the book as booktitle: biblatex's
//     @incollection requires an editor, which the reference list does
//     not print, while @inbook requires only author, title and
//     booktitle (and plain.bst's @inbook author, title, pages, publisher
//     and year). plain.bst prints an @inbook's title as the book's and
//     ignores booktitle; biblatex and Pandoc read the booktitle.
//   - A web page is a @misc, published (howpublished) by its site:
//     BibTeX's standard styles have no type for web pages (@online is
//     biblatex's, and plain.bst warns that it is not defined).
func bibType(e Entry) (typ, container string) {
	switch {
	case e.Kind == "news" && len(e.Authors) == 0:
		return "misc", "howpublished"
	case e.Kind == "journal-article", e.Kind == "news", e.InPeriodical():
		return "article", "journal"
	case e.Kind == "book":
		return "book", "series"
	case e.Kind == "chapter":
		return "inbook", "booktitle"
	case e.Kind == "report":
		return "techreport", "series"
	}
	return "misc", "howpublished"
}

// WriteBibTeX writes entries as a BibTeX database, one entry per
// reference in the given order, keyed by the dataset's keys, with the
// entry types bibType gives. Titles (and book titles and series) are
// double-braced so that styles keep their capitals; a news item in an
// @article has entrysubtype newspaper (see newspaperSubtype); organizations
// as authors and institutions are braced so that they are not split into
// names; an entry without an author gets a key (the words its citation
// prints) to sort by. Page ranges use "--". A report's institution is its
// publisher, or its container when it has no publisher; its volume is
// its number (see reportNumber).
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
		writeEntry(bw, e)
	}
	return bw.Flush()
}

// newspaperSubtype is the entrysubtype of a news item written as an
// @article. Pandoc reads an @article with entrysubtype newspaper as
// article-newspaper, as the CSL-JSON says (with any other value it reads
// article-journal, and its styles then drop the day of the date).
// biblatex-apa prints any entrysubtype but its own "nonacademic" in
// brackets after the title ("[newspaper]"), and gives an article the
// month and day of its date only with "nonacademic". No one value serves
// both, so the file keeps Pandoc's, and a biblatex-apa document maps it
// to biblatex-apa's with the source map BiblatexAPASourcemap.
const newspaperSubtype = "newspaper"

// BiblatexAPASourcemap is the preamble line a document using
// biblatex-apa (style=apa) puts after loading biblatex, so that the news
// items of a WriteBibTeX database are biblatex-apa's non-academic
// articles: printed with the full date and without a bracketed
// "[newspaper]" after the title.
const BiblatexAPASourcemap = `\DeclareSourcemap{\maps[datatype=bibtex]{\map{\step[fieldsource=entrysubtype, match=newspaper, replace=nonacademic]}}}`

// reportNumber returns the type and number fields of a report outside a
// periodical. biblatex's @report has no volume field (biber reports it
// as invalid) but a number and a type that names it; the reference list
// prints the volume as "Vol. 6", so the volume is the number and "Vol."
// its type (without a type, plain.bst would print "Technical Report 6",
// a label the list does not give). An issue as well is written after the
// volume, "6(2)".
func reportNumber(e Entry) (typ, number string) {
	switch {
	case e.Volume != "" && e.Issue != "":
		return "Vol.", e.Volume + "(" + e.Issue + ")"
	case e.Volume != "":
		return "Vol.", e.Volume
	}
	return "", e.Issue
}

// writeEntry writes one entry of WriteBibTeX.
func writeEntry(bw *bufio.Writer, e Entry) {
	typ, containerField := bibType(e)
	fmt.Fprintf(bw, "@%s{%s,\n", typ, e.Key)
	field := func(name, value string) {
		if value != "" {
			fmt.Fprintf(bw, "  %s = {%s},\n", name, value)
		}
	}
	field("author", bibAuthors(e.Authors))
	field("title", "{"+Escape(e.Title)+"}")
	container, publisher := e.Container, e.Publisher
	volume, numType, number := e.Volume, "", e.Issue
	if typ == "techreport" {
		// Braced, so that an institution whose name holds "and" is
		// not read as a list of names.
		if inst := firstOf(publisher, container); inst != "" {
			field("institution", "{"+Escape(inst)+"}")
		}
		if publisher == "" {
			container = ""
		}
		publisher = ""
		volume = ""
		numType, number = reportNumber(e)
	}
	if container != "" && (containerField == "booktitle" || containerField == "series") {
		field(containerField, "{"+Escape(container)+"}") // titles: keep capitals
	} else {
		field(containerField, Escape(container))
	}
	if e.Kind == "news" && typ == "article" {
		field("entrysubtype", newspaperSubtype)
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
	field("volume", Escape(volume))
	field("type", numType)
	field("number", Escape(number))
	field("pages", Escape(pageRange(e.Pages, "--")))
	field("publisher", Escape(publisher))
	field("doi", rawEscaper.Replace(e.DOI))
	field("url", rawEscaper.Replace(e.URL))
	bw.WriteString("}\n")
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
