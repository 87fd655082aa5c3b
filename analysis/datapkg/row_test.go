package datapkg_test

import (
	"fmt"

	"github.com/nexus-toolkit/nexus/analysis/datapkg"
)

// Rows reads a resource's rows by field name; a missing value reads as
// the zero value, or as not valid for NInt.
func ExampleRows() {
	p, err := datapkg.Read("../../datasets/ttp-alliances/v1.1.0")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range datapkg.Rows(p.Resource("respondents"))[:2] {
		n, ok := r.NInt("n")
		fmt.Println(r.Line(), r.Str("category"), n, ok)
	}
	// Output:
	// 2 total 29 true
	// 3 academic-professionals 0 false
}
