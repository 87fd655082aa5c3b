package notebook_test

import (
	"fmt"

	"github.com/nexus-toolkit/nexus/analysis/notebook"
)

// A notebook rendered with -unconfined carries UnconfinedNote under its
// title; RanUnconfined finds it, as the MANIFEST step does.
func ExampleRanUnconfined() {
	confined := []byte("# Findings\n\nThe network has 12 organizations.\n")
	unconfined := []byte("# Findings\n\n" + notebook.UnconfinedNote + "\n\nThe network has 12 organizations.\n")
	fmt.Println(notebook.RanUnconfined(confined), notebook.RanUnconfined(unconfined))
	// Output: false true
}
