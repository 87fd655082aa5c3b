package study_test

import (
	"fmt"

	"github.com/nexus-toolkit/nexus/analysis/study"
)

// Command-line filters are checked against the schema's codes.
func ExampleParseCodes() {
	types, err := study.ParseCodes("alliance,pledge", study.TieTypeValues)
	fmt.Println(types, err)
	_, err = study.ParseCodes("alliance,allience", study.TieTypeValues)
	fmt.Println(err)
	// Output:
	// [alliance pledge] <nil>
	// unknown code "allience", expected one of alliance, affiliation, merger, split, pledge, defection, sanctuary, support, joint-operation, liaison, rivalry, conflict
}
