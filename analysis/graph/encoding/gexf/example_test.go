package gexf_test

import (
	"bytes"
	"fmt"

	"github.com/nexus-toolkit/nexus/analysis/graph/encoding"
	"github.com/nexus-toolkit/nexus/analysis/graph/encoding/gexf"
)

// A link with two spells, one open at its end: GEXF writes the open end
// as INF, and Read gives it back as an empty end.
func Example() {
	d := &encoding.Doc{
		Directed: true,
		NodeKeys: []encoding.Key{{Name: encoding.NameKey, Type: "string"}},
		LinkKeys: []encoding.Key{{Name: encoding.WeightKey, Type: "double"}},
		Nodes:    []encoding.Record{{ID: "a", Values: []string{"Alpha"}}, {ID: "b", Values: []string{""}}},
		Links: []encoding.Record{{ID: "0", Source: "a", Target: "b", Values: []string{"2"},
			Spells: []encoding.Spell{{Start: "2007", End: "2014"}, {Start: "2021"}}}},
	}
	var b bytes.Buffer
	if err := gexf.Write(&b, d); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(bytes.Contains(b.Bytes(), []byte(`<spell start="2021" end="INF"/>`)))
	back, err := gexf.Read(&b)
	fmt.Println(back.Directed, back.Links[0].Spells, err)
	// Output:
	// true
	// true [{2007 2014} {2021 }] <nil>
}
