package datapkg_test

import (
	"errors"
	"fmt"

	"github.com/nexus-toolkit/nexus/analysis/datapkg"
)

func ExampleRead() {
	p, err := datapkg.Read("testdata/good")
	if err != nil {
		fmt.Println(err)
		return
	}
	people := p.Resource("people").Table
	name, height := people.Field("name"), people.Field("height")
	for row := range people.Len() {
		h, ok := people.Float(row, height)
		fmt.Println(people.Line(row), people.Text(row, name), h, ok)
	}
	// Output:
	// 2 Ann 1.7 true
	// 3 Bo 1.85 true
	// 5 Ćirić 0 false
}

func ExampleProblems() {
	_, err := datapkg.Read("testdata/rules/enum")
	for _, p := range datapkg.AsProblems(err) {
		fmt.Println(p)
	}
	fmt.Println(errors.Is(err, datapkg.ErrEnum))
	// Output:
	// testdata/rules/enum/teams.csv:2:29: field "league": value "east": not in enum, want one of "north", "south"
	// true
}

func ExampleDiff() {
	old, _ := datapkg.Read("testdata/diff/v1.0.0")
	new, _ := datapkg.Read("testdata/diff/v1.1.0")
	for _, c := range datapkg.Diff(old, new)[:4] {
		fmt.Println(c)
	}
	// Output:
	// ~ version: "1.0.0" -> "1.1.0"
	// - resource replays
	// + field teams.city
	// ~ row teams[BCD]: field "founded": "1850" -> "1851"
}

// Published finds the entry of a version in its dataset's changelog; the
// shipped dataset's version 1.0.0 is published.
func ExamplePublished() {
	rel, err := datapkg.Published("../../datasets/ttp-alliances/v1.0.0")
	if err != nil || rel == nil {
		fmt.Println("not published", err)
		return
	}
	fmt.Println(rel.Version, rel.Heading)
	_, _, err = datapkg.Rehash("../../datasets/ttp-alliances/v1.0.0", datapkg.RehashOptions{})
	fmt.Println(errors.Is(err, datapkg.ErrPublished))
	// Output:
	// 1.0.0 ## [1.0.0] - 2026-11-25
	// true
}

// Keys print on one line, and composite keys that commas alone would
// confuse print apart.
func ExampleKeyText() {
	fmt.Println(datapkg.KeyText("r022"))
	fmt.Println(datapkg.KeyText("ABC", "2"))
	fmt.Println(datapkg.KeyText("a,b", "c"))
	fmt.Println(datapkg.KeyText("a", "b,c"))
	fmt.Println(datapkg.KeyText("x\n+ row forged"))
	// Output:
	// r022
	// ABC,2
	// "a,b",c
	// a,"b,c"
	// "x\n+ row forged"
}
