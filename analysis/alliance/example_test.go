package alliance_test

import (
	"fmt"
	"os"

	"github.com/nexus-toolkit/nexus/analysis/alliance"
	"github.com/nexus-toolkit/nexus/analysis/graph/encoding/csv"
	"github.com/nexus-toolkit/nexus/analysis/study"
)

func example() *study.Study {
	ev := func(refs ...string) study.Evidence { return study.Evidence{Page: 1, Refs: refs} }
	return &study.Study{
		Organizations: []study.Organization{
			{ID: "ttp", Name: "TTP", Scope: study.StudyScope, Camp: "ttp"},
			{ID: "aq", Name: "al-Qaeda", Scope: study.StudyScope, Camp: "aq"},
			{ID: "iskp", Name: "ISKP", Scope: study.StudyScope, Camp: "is"},
		},
		Relations: []study.Relation{
			{ID: "r1", Source: "ttp", Target: "aq", TieType: study.Alliance, Coding: "stated", Evidence: ev("a2019", "b2020")},
			{ID: "r2", Source: "aq", Target: "ttp", TieType: study.Alliance, Coding: "inferred", Evidence: ev("a2019")},
			{ID: "r3", Source: "ttp", Target: "iskp", TieType: study.Rivalry, Coding: "stated", Evidence: ev()},
		},
	}
}

// Two relations between the TTP and al-Qaeda rest on two references: the
// link weighs 2. A relation that cites nothing rests on the paper itself,
// one source.
func ExampleBuild() {
	g, err := alliance.Build(example(), alliance.Filter{}, alliance.NetworkOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range g.Links {
		fmt.Println(g.Nodes[l.U].ID, g.Nodes[l.V].ID, l.Weight)
	}
	// Output:
	// aq ttp 2
	// iskp ttp 1
}

// The filter keeps alliances only; the rivalry drops out, and ISKP with
// it.
func ExampleFromStudy() {
	nodes, edges := alliance.FromStudy(example(), alliance.Filter{TieTypes: []study.TieType{study.Alliance}})
	fmt.Println(len(nodes), len(edges), nodes[0].ID, nodes[0].Group)
	// Output:
	// 2 2 ttp ttp
}

func ExampleSources() {
	fmt.Printf("%q\n", alliance.Sources([]string{"a2019"}, []string{"a2019", "b2020"}, nil))
	// Output:
	// ["" "a2019" "b2020"]
}

// The export keeps the study's attributes: camp, scope, the tie types and
// codings of the rows behind each link, and its sources.
func ExampleNewDoc() {
	g, _ := alliance.Build(example(), alliance.Filter{}, alliance.NetworkOptions{})
	csv.WriteLinks(os.Stdout, alliance.NewDoc(g))
	// Output:
	// source,target,relations,tie_type,coding,refs,periods,start,end,sources,rows,strength,distance
	// aq,ttp,r1;r2,alliance,inferred;stated,a2019;b2020,../..;../..,,,2,2,2,0.5
	// iskp,ttp,r3,rivalry,stated,,../..,,,1,1,1,1
}
