package paper_test

import (
	"fmt"

	"github.com/nexus-toolkit/nexus/analysis/paper"
	"github.com/nexus-toolkit/nexus/analysis/study"
)

// A relation prints only the period its passage gives: one dated attack,
// an open start, or the paper's own words.
func ExampleRowPeriod() {
	y := func(n int) study.Date { return study.Date{Year: n} }
	fmt.Println(paper.RowPeriod(study.Relation{Start: y(2009), End: y(2009)}))
	fmt.Println(paper.RowPeriod(study.Relation{Start: y(2021)}))
	fmt.Println(paper.RowPeriod(study.Relation{PeriodAsPrinted: "After 9/11"}))
	// Output:
	// 2009
	// from 2021
	// After 9/11
}
