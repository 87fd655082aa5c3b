package quotes_test

import (
	"fmt"

	"nexus/analysis/quotes"
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
