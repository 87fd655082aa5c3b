package study_test

import (
	"fmt"

	"github.com/nexus-toolkit/nexus/analysis/study"
)

// Each classification of a stated row names the phrase of its quote that
// makes it: here the support AQ gave TTP in 2007 (relation r031), and who
// says the passage.
func ExamplePhrase() {
	s, err := study.Load("../../datasets/ttp-alliances/v1.2.0")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range s.Relations {
		if r.ID == "r031" {
			fmt.Println(r.ID, r.Coding, r.Voice)
		}
	}
	for _, ph := range s.Phrases {
		if ph.Relation == "r031" {
			fmt.Printf("%s %s: %q\n", ph.Field, ph.Value, ph.Phrase)
		}
	}
	// Output:
	// r031 stated cited
	// tie_type support: "providing it with"
	// dimensions dim-advice: "strategic advice"
	// dimensions dim-training: "training"
	// dimensions dim-logistics: "logistical support"
	// period_start 2007: "establishing the TTP in 2007"
	// period_end 2007: "establishing the TTP in 2007"
}
