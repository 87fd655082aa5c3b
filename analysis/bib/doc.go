// Package bib is the one home of a study's reference list: the entry
// model, author–date citations ("Bacon 2018", "Horowitz & Potter 2014",
// "Asal et al. 2016"), the reference list's order, year suffixes and
// entry text, and the bibliography writers for LaTeX (BibTeX) and for
// reference managers and citation processors (CSL-JSON, as Zotero,
// Pandoc and citeproc read it).
//
// # Layering
//
// bib is part of the core: it imports datapkg and nothing of a study
// (not analysis/study, paper, compendium or alliance), so a researcher
// can cite from any data package with a references resource. The study
// layer converts its records to entries (study.Reference.Entry) and the
// paper labels its tables with AuthorYear; the notebook renderer cites
// with Names, NarrativeNames and Item.CitedYear and prints the list with
// Sort and Item.Format. TestLayering (internal/layering) fails if a core
// package imports the study layer.
//
// # Loading
//
// Load and FromPackage read the references resource of a data package
// through datapkg, so the rows are validated against the package's own
// schema and never parsed from CSV a second time. Columns are found by
// name: key (required), authors, surnames (a list, in order), year,
// date_as_printed, title, container, volume, issue, pages, publisher,
// doi, url and kind; a column the schema lacks leaves its field empty.
//
// # Entries
//
// Entries keep the dataset's keys as citation keys, the list's order,
// and every DOI and URL. Both writers are deterministic.
//
// # BibTeX and CSL-JSON
//
// Each entry's BibTeX type is one whose required fields the data has,
// so that BibTeX (plain.bst, apalike.bst) and biber --tool
// --validate-datamodel read the file with no warning; the reasons are at
// bibType. Titles are kept as printed in both files (double braces,
// CSL-JSON nocase markup), so that Pandoc's citeproc prints the two
// alike; entries that BibTeX can only hold as a @misc (web pages, news
// items without an author) are the exception, as Pandoc reads a @misc
// without a type. A biblatex-apa document adds BiblatexAPASourcemap to
// its preamble.
//
// Authors are split with the surnames the dataset records: in "Akhtar,
// S., & Ahmed, Z. S." with surnames Akhtar;Ahmed, each surname's given
// names are the text that follows it up to the next surname. An author
// without initials (an organization, "Jamestown Foundation") is kept as
// one literal name; an entry without authors has none.
package bib
