package csv_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/graph"
	"github.com/nexus-toolkit/nexus/analysis/graph/encoding"
	"github.com/nexus-toolkit/nexus/analysis/graph/encoding/csv"
)

// An edge list of one's own becomes a graph; type, start, end and refs
// columns fill the matching fields of each row.
func ExampleReadEdges() {
	in := "source,target,type,refs\na,b,alliance,x;y\nb,c,split,\n"
	edges, err := csv.ReadEdges(strings.NewReader(in), "edges.csv", csv.EdgeOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	g, _ := graph.Build(nil, edges, graph.BuildOptions{})
	fmt.Println(g.N(), len(g.Links), edges[0].Kind, edges[0].Refs)
	// Output:
	// 3 2 alliance [x y]
}

// Every problem is reported at file:line:column.
func ExampleReadEdges_errors() {
	_, err := csv.ReadEdges(strings.NewReader("source,target,w\na,,1\nb,c,zero\n"), "edges.csv",
		csv.EdgeOptions{Weight: "w"})
	fmt.Println(err)
	// Output:
	// edges.csv:2:3: empty node id in column "target", expected a node id
	// edges.csv:3:5: bad weight: column "w" value "zero", expected a finite number > 0
}

func ExampleWriteLinks() {
	d := &encoding.Doc{
		LinkKeys: []encoding.Key{{Name: encoding.WeightKey, Type: "double"}},
		Links:    []encoding.Record{{ID: "0", Source: "a", Target: "b", Values: []string{"2"}}},
	}
	csv.WriteLinks(os.Stdout, d)
	// Output:
	// source,target,strength
	// a,b,2
}
