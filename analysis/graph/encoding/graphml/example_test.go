package graphml_test

import (
	"bytes"
	"fmt"
	"os"

	"github.com/nexus-toolkit/nexus/analysis/graph/encoding"
	"github.com/nexus-toolkit/nexus/analysis/graph/encoding/graphml"
)

// A Doc of two nodes and one weighted link, written and read back.
func Example() {
	d := &encoding.Doc{
		NodeKeys: []encoding.Key{{Name: "name", Type: "string"}},
		LinkKeys: []encoding.Key{{Name: encoding.WeightKey, Type: "double"}},
		Nodes:    []encoding.Record{{ID: "a", Values: []string{"A & co"}}, {ID: "b", Values: []string{""}}},
		Links:    []encoding.Record{{ID: "0", Source: "a", Target: "b", Values: []string{"2"}}},
	}
	var b bytes.Buffer
	graphml.Write(&b, d)
	os.Stdout.Write(b.Bytes())
	back, err := graphml.Read(&b)
	fmt.Println(back.Nodes[0].Values, back.Links[0].Values, err)
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
	//   <key id="d0" for="node" attr.name="name" attr.type="string"/>
	//   <key id="e0" for="edge" attr.name="strength" attr.type="double"/>
	//   <graph id="G" edgedefault="undirected">
	//     <node id="a">
	//       <data key="d0">A &amp; co</data>
	//     </node>
	//     <node id="b">
	//     </node>
	//     <edge id="e0" source="a" target="b">
	//       <data key="e0">2</data>
	//     </edge>
	//   </graph>
	// </graphml>
	// [A & co] [2] <nil>
}
