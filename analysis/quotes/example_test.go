package quotes_test

import (
	"fmt"

	"github.com/nexus-toolkit/nexus/analysis/datapkg"
	"github.com/nexus-toolkit/nexus/analysis/quotes"
	"github.com/nexus-toolkit/nexus/analysis/table"
)

// A text copy of a paper with pages separated by form feeds, as pdftotext
// writes it; quotes are compared up to runs of white space.
func ExampleSplit() {
	paper, err := quotes.Split("Tribal lands\nof Pakistan.\fA coalition of militants.\f", quotes.SplitOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(paper.Pages())
	fmt.Println(paper.Contains("lands of Pakistan", 1, 1))
	fmt.Println(paper.Contains("A coalition", 1, 1))
	fmt.Println(paper.Find("A coalition"))
	// Output:
	// 2
	// true
	// false
	// 2
}

// An Index gives the evidence of a row named by resource and key: its
// file and line, page and verbatim quote.
func ExampleIndex() {
	p, err := datapkg.Read("../../datasets/ttp-alliances/v1.1.0")
	if err != nil {
		fmt.Println(err)
		return
	}
	ix := quotes.NewIndex(p, quotes.Conventional(p))
	e, err := ix.Lookup(table.Ref{Resource: "relations", Key: "r015"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(e.File, e.Line, e.Page)
	fmt.Println(e.Quote[:45])
	// Output:
	// ../../datasets/ttp-alliances/v1.1.0/relations.csv 16 3
	// the cooperation between AQ and its affiliates
}
