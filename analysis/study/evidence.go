package study

import (
	"github.com/nexus-toolkit/nexus/analysis/datapkg"
	"github.com/nexus-toolkit/nexus/analysis/quotes"
)

// textFields are the study's verbatim texts beyond the conventional
// quote/page pair: theme statements, interview excerpts (which may run
// over a page break), in-text citations as printed and the examples of
// Moghadam's typology.
var textFields = []quotes.Field{
	{Resource: "themes", Text: "statement", Page: "page"},
	{Resource: "excerpts", Text: "text", Page: "page", PageEnd: "page_end"},
	{Resource: "citations", Text: "as_printed", Page: "page"},
	{Resource: "typology", Text: "example", Page: "page"},
}

// QuoteFields returns every field of the study's package p that quotes the
// paper verbatim: each resource's quote (quotes.Conventional), then the
// theme statements, excerpt texts, printed citations and typology examples. Check them with
// quotes.Check.
func QuoteFields(p *datapkg.Package) []quotes.Field {
	return append(quotes.Conventional(p), textFields...)
}

// PageMark is the line that starts each page of the plain-text copy of the
// paper this study encodes (Vol. 3 No. 9 of the journal, September 2025).
const PageMark = "Vol. 3 No. 9 (September) (2025)"
