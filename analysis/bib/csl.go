package bib

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"strings"
)

// CSLItem is one item of CSL-JSON, the input format of citation
// processors (CSL 1.0.2, schema csl-data.json): only the variables the
// dataset fills, in a fixed order.
type CSLItem struct {
	ID             string    `json:"id"`
	CitationKey    string    `json:"citation-key"`
	Type           string    `json:"type"`
	Author         []CSLName `json:"author,omitempty"`
	Title          string    `json:"title,omitempty"`
	ContainerTitle string    `json:"container-title,omitempty"`
	Volume         string    `json:"volume,omitempty"`
	Issue          string    `json:"issue,omitempty"`
	Page           string    `json:"page,omitempty"`
	Publisher      string    `json:"publisher,omitempty"`
	Issued         *CSLDate  `json:"issued,omitempty"`
	DOI            string    `json:"DOI,omitempty"`
	URL            string    `json:"URL,omitempty"`
}

// CSLName is a CSL name variable: family and given, or a literal.
type CSLName struct {
	Family  string `json:"family,omitempty"`
	Given   string `json:"given,omitempty"`
	Literal string `json:"literal,omitempty"`
}

// CSLDate is a CSL date variable: one [year, month, day] part with as
// many elements as the list prints.
type CSLDate struct {
	DateParts [][]int `json:"date-parts"`
}

// cslType maps the dataset's kinds to CSL item types.
var cslType = map[string]string{
	"journal-article": "article-journal",
	"book":            "book",
	"chapter":         "chapter",
	"news":            "article-newspaper",
	"report":          "report",
	// A web page is a "document": see CSL.
}

// CSL returns the CSL-JSON item of e. The id and citation-key are the
// dataset's key; page ranges use a hyphen; the title is kept as printed
// (see nocase).
//
// An entry that WriteBibTeX writes as a @misc (a web page, or a news item
// without an author: see bibType) is a CSL "document" published by its
// site or outlet, which is what a citation processor reads from that
// @misc (Pandoc reads a @misc as an item of no type and its howpublished
// as the publisher). A "webpage" or "article-newspaper" would be the
// finer type, but styles print those with a second, fuller date that the
// @misc cannot carry, so the two exports of one item would print
// differently; they print alike (TestCiteprocSame).
func (e Entry) CSL() CSLItem {
	it := CSLItem{
		ID: e.Key, CitationKey: e.Key, Type: cslType[e.Kind], Title: nocase(e.Title),
		ContainerTitle: e.Container, Volume: e.Volume, Issue: e.Issue,
		Page: pageRange(e.Pages, "-"), Publisher: e.Publisher, DOI: e.DOI, URL: e.URL,
	}
	if it.Type == "" {
		it.Type = "document"
	}
	if e.InPeriodical() {
		it.Type = "article-journal"
	}
	if typ, _ := bibType(e); typ == "misc" {
		it.Type = "document"
		if it.Publisher == "" {
			it.Publisher, it.ContainerTitle = it.ContainerTitle, ""
		}
	}
	for _, n := range e.Authors {
		it.Author = append(it.Author, CSLName(n))
	}
	if e.Year != 0 {
		parts := []int{e.Year}
		if e.Month != 0 {
			parts = append(parts, e.Month)
			if e.Day != 0 {
				parts = append(parts, e.Day)
			}
		}
		it.Issued = &CSLDate{DateParts: [][]int{parts}}
	}
	return it
}

// nocase returns title marked up, in CSL-JSON's rich text, as text that
// styles print as it is: <span class="nocase">title</span>. It is what
// BibTeX's double braces are in WriteBibTeX: the reference list prints
// titles in sentence case, which a style asking for title case (as
// Chicago does) would otherwise change, and then a CSL processor would
// print the CSL-JSON and the BibTeX differently. A title that holds a "<"
// is returned unchanged, as its own text could close the span (CSL-JSON
// has no escape for markup).
func nocase(title string) string {
	if title == "" || strings.Contains(title, "<") {
		return title
	}
	return `<span class="nocase">` + title + `</span>`
}

// WriteCSLJSON writes entries as a CSL-JSON array, indented, in the given
// order, with characters such as & and < written as they are. Items are
// encoded one at a time, so memory does not grow with the list.
func WriteCSLJSON(w io.Writer, entries []Entry) error {
	bw := bufio.NewWriter(w)
	if len(entries) == 0 {
		bw.WriteString("[]\n")
		return bw.Flush()
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("  ", "  ")
	bw.WriteString("[\n")
	for i, e := range entries {
		buf.Reset()
		if err := enc.Encode(e.CSL()); err != nil {
			return err
		}
		bw.WriteString("  ")
		bw.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		if i < len(entries)-1 {
			bw.WriteString(",")
		}
		bw.WriteString("\n")
	}
	bw.WriteString("]\n")
	return bw.Flush()
}
