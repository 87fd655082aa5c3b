package cell_test

import (
	"nexus/analysis/notebook/cell"
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
