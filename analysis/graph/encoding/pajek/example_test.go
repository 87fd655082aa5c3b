package pajek_test

import (
	"bytes"
	"fmt"
	"os"

	"github.com/nexus-toolkit/nexus/analysis/graph/encoding"
	"github.com/nexus-toolkit/nexus/analysis/graph/encoding/pajek"
)

// The link weight (encoding.WeightKey) is the line value; a link without
// one weighs 1.
func Example() {
	d := &encoding.Doc{
		LinkKeys: []encoding.Key{{Name: encoding.WeightKey, Type: "double"}},
		Nodes:    []encoding.Record{{ID: "a"}, {ID: "b"}, {ID: "c"}},
		Links: []encoding.Record{{ID: "0", Source: "a", Target: "b", Values: []string{"2.5"}},
			{ID: "1", Source: "b", Target: "c", Values: []string{""}}},
	}
	var b bytes.Buffer
	pajek.Write(&b, d)
	os.Stdout.Write(b.Bytes())
	back, err := pajek.Read(&b)
	fmt.Println(len(back.Nodes), back.Links[1].Values, err)
	// Output:
	// *Vertices 3
	// 1 "a"
	// 2 "b"
	// 3 "c"
	// *Edges
	// 1 2 2.5
	// 2 3 1
	// 3 [1] <nil>
}
