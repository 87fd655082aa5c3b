package layering_test

import (
	"fmt"

	"github.com/nexus-toolkit/nexus/internal/layering"
)

// A core package whose test runs `go list` on a study package reaches the
// study layer through a string, and the check says so.
func ExampleCheck() {
	src := []byte(`package table

import "os/exec"

var cmd = exec.Command("go", "list", "-deps", "github.com/nexus-toolkit/nexus/analysis/study")
`)
	paths, _ := layering.PathsInSource("table_test.go", src)
	pkgs := []layering.Package{
		{ImportPath: "github.com/nexus-toolkit/nexus/analysis/table", Imports: []string{"strings"}, Strings: paths},
		{ImportPath: "github.com/nexus-toolkit/nexus/analysis/study", Imports: []string{"github.com/nexus-toolkit/nexus/analysis/table"}},
	}
	violations, _ := layering.Check(pkgs)
	for _, v := range violations {
		fmt.Println(v)
	}
	// Output:
	// github.com/nexus-toolkit/nexus/analysis/table -> github.com/nexus-toolkit/nexus/analysis/study (string)
}
