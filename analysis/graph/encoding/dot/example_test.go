package dot_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/graph/encoding"
	"github.com/nexus-toolkit/nexus/analysis/graph/encoding/dot"
)

func ExampleWrite() {
	d := &encoding.Doc{
		Directed: true,
		LinkKeys: []encoding.Key{{Name: "kind", Type: "string"}},
		Nodes:    []encoding.Record{{ID: "a"}, {ID: "b \"B\""}},
		Links:    []encoding.Record{{ID: "0", Source: "a", Target: "b \"B\"", Values: []string{"pledge"}}},
	}
	dot.Write(os.Stdout, d)
	// Output:
	// digraph "network" {
	//   "a";
	//   "b \"B\"";
	//   "a" -> "b \"B\"" [kind="pledge"];
	// }
}

// Attributes the options do not list are read as strings.
func ExampleRead() {
	d, err := dot.Read(strings.NewReader("graph \"network\" {\n  \"a\" -- \"b\" [w=\"2\"];\n}\n"), dot.ReadOptions{})
	fmt.Println(d.LinkKeys, d.Links[0].Values, err)
	// Output:
	// [{w string}] [2] <nil>
}
