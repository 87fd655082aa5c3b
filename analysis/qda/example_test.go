package qda_test

import (
	"fmt"
	"os"
	"slices"

	"github.com/nexus-toolkit/nexus/analysis/qda"
	"github.com/nexus-toolkit/nexus/analysis/qda/synth"
)

// Two codes overlap in one source; c-coefficient n12/(n1+n2-n12).
func ExampleCooccurrenceSegments() {
	codes := []string{"cost", "distance", "trust"}
	segs := []qda.Segment{
		{ID: "1", Source: "interview-1", Code: "cost", Start: 0, End: 40},
		{ID: "2", Source: "interview-1", Code: "distance", Start: 30, End: 60},
		{ID: "3", Source: "interview-1", Code: "trust", Start: 60, End: 90}, // touches 2 only
		{ID: "4", Source: "interview-2", Code: "cost", Start: 0, End: 10},
		{ID: "5", Source: "interview-2", Code: "distance", Start: 50, End: 70},
	}
	m, _ := qda.CooccurrenceSegments(codes, segs)
	c := qda.CCoefficient(m)
	for i := range codes {
		fmt.Println(codes[i], m.Counts[i])
	}
	fmt.Printf("c(cost, distance) = %.3f\n", c[0][1])
	// Output:
	// cost [2 1 0]
	// distance [1 2 0]
	// trust [0 0 1]
	// c(cost, distance) = 0.333
}

// A tour of the QDA analyses on the SYNTHETIC study of
// datasets/examples/synthetic-coding (invented data, not the paper's).
func Example_synthetic() {
	p := synth.Generate(synth.Seed)
	segs := p.Resolved()
	codes := []string{"access-distance", "access-cost", "trust"}
	bySeg, byCase, _ := qda.Frequency(codes, segs)
	fmt.Println("SYNTHETIC data")
	for i, c := range codes {
		fmt.Printf("%-16s segments %3d cases %2d\n", c, bySeg[i], byCase[i])
	}
	m, _ := qda.CrossTab(codes, p.Variables, p.Cases, "region", segs, qda.Cases)
	fmt.Println("cases by region:", m.Cols)
	for i, c := range codes {
		fmt.Printf("%-16s %v\n", c, m.Counts[i])
	}
	ag, _ := qda.Agreements(codes, []string{"coder-a", "coder-b"}, p.Sources, p.Segments, qda.Characters)
	for _, a := range ag {
		name := a.Code
		if name == "" {
			name = "(all)"
		}
		fmt.Printf("%-16s percent %.3f kappa %.3f alpha %.3f\n", name, a.Percent, a.Cohen, a.Alpha)
	}
	// Output:
	// SYNTHETIC data
	// access-distance  segments  62 cases  9
	// access-cost      segments 107 cases 11
	// trust            segments 130 cases 12
	// cases by region: [east north south west]
	// access-distance  [2 4 1 2]
	// access-cost      [3 5 1 2]
	// trust            [4 5 1 2]
	// access-distance  percent 0.931 kappa 0.636 alpha 0.636
	// access-cost      percent 0.921 kappa 0.711 alpha 0.710
	// trust            percent 0.900 kappa 0.688 alpha 0.687
	// (all)            percent 0.918 kappa 0.686 alpha 0.686
}

// The anonymity guard on a package: problems name file, line and column.
func ExampleCheckAnonymity() {
	dir, _ := os.MkdirTemp("", "anon")
	defer os.RemoveAll(dir)
	os.WriteFile(dir+"/datapackage.json", []byte(`{"name":"x","resources":[{"name":"cases","path":"cases.csv","nexus:respondentData":true}]}`), 0o644)
	os.WriteFile(dir+"/cases.csv", []byte("id,surname,contact\nr1,,someone@example.org\n"), 0o644)
	problems, _ := qda.CheckAnonymity(dir)
	for _, p := range problems {
		fmt.Printf("cases.csv:%d:%d: %v\n", p.Line, p.Column, p.Err)
	}
	// Output:
	// cases.csv:1:4: column meant for personal names in respondent data
	// cases.csv:2:5: looks like an e-mail address in respondent data
}

// Two coders code the same answer with one code, with different
// boundaries: Compare lists the passages only one of them coded.
func ExampleCompare() {
	text := "The bus takes an hour, and the fee is high."
	p := &qda.Project{
		Codes:   []qda.Code{{ID: "distance", Name: "Distance", Codable: true}},
		Sources: []qda.Source{{ID: "int-1", Text: text}},
		Segments: []qda.Segment{
			{ID: "1", Source: "int-1", Code: "distance", Coder: "ana", Start: 0, End: 22},
			{ID: "2", Source: "int-1", Code: "distance", Coder: "ben", Start: 4, End: 43},
		},
	}
	ds, _ := qda.Compare(p, p.CodableIDs(), "ana", "ben")
	for _, d := range ds {
		fmt.Printf("%s %s [%d,%d) only %s: %q\n", d.Code, d.Source, d.Start, d.End, d.CodedBy, qda.Span(text, d.Start, d.End))
	}
	// Output:
	// distance int-1 [0,4) only ana: "The "
	// distance int-1 [22,43) only ben: " and the fee is high."
}

// FindPersonal reports e-mail addresses and phone numbers, and passes
// the numbers of a reference list.
func ExampleFindPersonal() {
	for _, s := range []string{
		"Call me on 0300-1234567 or write to a.b@example.org.",
		"Gupta (2025), ICLS 2025 1007-1015, doi:10.1073/pnas.122653799, ISBN 978-0-231-17926-3.",
	} {
		offsets, kinds := qda.FindPersonal(s)
		fmt.Println(offsets, kinds)
	}
	// Output:
	// [11 36] [looks like a phone number in respondent data looks like an e-mail address in respondent data]
	// [] []
}

// Init writes an empty coding package; Load reads it back.
func ExampleInit() {
	dir, _ := os.MkdirTemp("", "qda-init")
	defer os.RemoveAll(dir)
	if err := qda.Init(dir + "/pilot"); err != nil {
		fmt.Println(err)
		return
	}
	p, err := qda.Load(dir + "/pilot")
	fmt.Println(p.Name, p.Version, len(p.Codes), err)
	// Output:
	// pilot 0.1.0 0 <nil>
}

// ResourceNames tells a coding package (it has a segments resource) from
// another kind of data package before choosing how to load it.
func ExampleResourceNames() {
	dir, _ := os.MkdirTemp("", "qda-resources")
	defer os.RemoveAll(dir)
	if err := qda.Init(dir + "/pilot"); err != nil {
		fmt.Println(err)
		return
	}
	names, err := qda.ResourceNames(dir + "/pilot")
	fmt.Println(names, err)
	fmt.Println(slices.Contains(names, "segments"))
	// Output:
	// [codes sources cases coders segments sets notes] <nil>
	// true
}
