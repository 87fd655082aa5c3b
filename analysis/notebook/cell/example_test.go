package cell_test

import (
	"github.com/nexus-toolkit/nexus/analysis/notebook/cell"
)

// Outside a notebook run, the cell functions print plain text, so a
// cell's code can be tried as an ordinary program.
func ExampleRows() {
	cell.Rows([]string{"organization", "ties"}, [][]string{
		{"TTP", "12"},
		{"AQ | AQIS", "7"},
	})
	// Output:
	// | organization | ties |
	// | :-- | :-- |
	// | TTP | 12 |
	// | AQ \| AQIS | 7 |
}

func ExampleMarkdown() {
	cell.Markdownf("The network has **%d** ties.", 42)
	// Output:
	// The network has **42** ties.
}

// A cell checks each statement the prose makes about the data; outside a
// notebook run a claim that holds is printed, and in a run it is listed
// under "Claims checked". A claim that does not hold stops the notebook at
// the line of the call.
func ExampleClaim() {
	categories, counted := 5, 0
	cell.Claim("no respondent category has a count", counted == 0)
	cell.Claim("the paper names five categories", categories == 5)
	// Output:
	// claim holds: no respondent category has a count
	// claim holds: the paper names five categories
}

// The generated program evaluates each `{go} EXPR` of the prose with
// Inline; outside a run the value is printed.
func ExampleInline() {
	ties := []string{"r001", "r002", "r003"}
	cell.Inline(0, len(ties))
	// Output:
	// inline value 1: 3
}
