package preview_test

import (
	"fmt"

	"github.com/nexus-toolkit/nexus/analysis/notebook/preview"
)

// The server refuses addresses other hosts can reach unless told to.
func ExampleCheckAddr() {
	fmt.Println(preview.CheckAddr("127.0.0.1:8080", false) == nil)
	fmt.Println(preview.CheckAddr("localhost:0", false) == nil)
	fmt.Println(preview.CheckAddr("0.0.0.0:8080", false))
	fmt.Println(preview.CheckAddr("0.0.0.0:8080", true) == nil)
	// Output:
	// true
	// true
	// preview: address "0.0.0.0:8080" is not a loopback address, expected 127.0.0.1, ::1 or localhost (allow other addresses explicitly, for example nexus preview -allow-remote)
	// true
}
