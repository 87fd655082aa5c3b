package frontdoor_test

import (
	"fmt"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/frontdoor"
)

// A page built with one Go release and the same page built with another
// agree once their environment blocks are masked.
func ExampleEnvironment() {
	page := func(goVersion string) []byte {
		var b strings.Builder
		p := &frontdoor.Page{Title: "My study", Env: frontdoor.Env{Go: goVersion, OS: "linux/amd64"}}
		p.WriteTo(&b)
		return []byte(b.String())
	}
	envA, a, _ := frontdoor.Environment(page("go1.26.8"))
	envB, b, _ := frontdoor.Environment(page("go1.26.9"))
	fmt.Println(envA[0], envB[0], string(a) == string(b))
	// Output: [go go1.26.8] [go go1.26.9] true
}
