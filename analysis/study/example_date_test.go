package study_test

import (
	"fmt"

	"github.com/nexus-toolkit/nexus/analysis/study"
)

// The paper dates the rebirth of the TTP "after 2020" (page 4): the date
// keeps the qualifier instead of claiming the year 2020.
func ExampleEvent_DateLabel() {
	rebirth := study.Event{Date: study.Date{Year: 2020}, DateQualifier: "after"}
	attacks := study.Event{Date: study.Date{Year: 2022}, End: study.Date{Year: 2023}}
	fmt.Println(rebirth.DateLabel())
	fmt.Println(attacks.DateLabel())
	fmt.Println(study.Qualified(study.Date{Year: 2007}, study.By))
	// Output:
	// after 2020
	// 2022–2023
	// by 2007
}

// A nullable number prints as the empty string when the paper gives none.
func ExampleInt_String() {
	fmt.Printf("%q %v\n", study.Int{}.String(), study.Int{Value: 29, Valid: true})
	// Output:
	// "" 29
}
