package qda_test

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/qda"
	"github.com/nexus-toolkit/nexus/analysis/qda/synth"
)

// TestCompare checks passages worked out by hand on a 20-code-point
// source.
func TestCompare(t *testing.T) {
	p := &qda.Project{
		Codes:   []qda.Code{{ID: "x", Name: "X", Codable: true}, {ID: "y", Name: "Y", Codable: true}, {ID: "z", Name: "Z", Codable: true}},
		Sources: []qda.Source{{ID: "s1", Text: "abcdefghijklmnopqrst"}, {ID: "s2", Text: "0123456789"}},
		Coders:  []qda.Coder{{ID: "a"}, {ID: "b"}, {ID: "c"}},
		Segments: []qda.Segment{
			{ID: "1", Source: "s1", Code: "x", Coder: "a", Start: 0, End: 10},
			{ID: "2", Source: "s1", Code: "x", Coder: "a", Start: 2, End: 4}, // nested in 1
			{ID: "3", Source: "s1", Code: "x", Coder: "b", Start: 5, End: 15},
			{ID: "4", Source: "s1", Code: "x", Coder: "a", Start: 15, End: 18}, // touches 3
			{ID: "5", Source: "s2", Code: "y", Coder: "b", Start: 0, End: 3},
			{ID: "6", Source: "s2", Code: "z", Coder: "a", Start: 3, End: 6},
			{ID: "7", Source: "s2", Code: "z", Coder: "b", Start: 3, End: 6}, // agreement
			{ID: "8", Source: "s2", Code: "z", Coder: "c", Start: 0, End: 9}, // another coder
		},
	}
	got, err := qda.Compare(p, p.CodableIDs(), "a", "b")
	if err != nil {
		t.Fatal(err)
	}
	want := []qda.Disagreement{
		{Code: "x", Source: "s1", Start: 0, End: 5, CodedBy: "a"},
		{Code: "x", Source: "s1", Start: 10, End: 15, CodedBy: "b"},
		{Code: "x", Source: "s1", Start: 15, End: 18, CodedBy: "a"},
		{Code: "y", Source: "s2", Start: 0, End: 3, CodedBy: "b"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	if _, err := qda.Compare(p, p.CodableIDs(), "a", "nobody"); err == nil {
		t.Error("unknown coder: no error")
	}
	if _, err := qda.Compare(p, p.CodableIDs(), "a", "a"); err == nil {
		t.Error("same coder twice: no error")
	}
}

func TestComparisonGolden(t *testing.T) {
	p := synth.Generate(synth.Seed)
	var b bytes.Buffer
	if err := qda.WriteComparison(&b, p, "coder-a", "coder-b"); err != nil {
		t.Fatal(err)
	}
	golden(t, "compare-coder-a-coder-b.golden", b.Bytes())
}

// TestSyntheticIsExplicit: only the "nexus:synthetic" property marks a
// package as synthetic, not the word in its description.
func TestSyntheticIsExplicit(t *testing.T) {
	for _, marked := range []bool{false, true} {
		p := &qda.Project{Name: "x", Description: "Real interviews; we compare them with synthetic controls.", Synthetic: marked,
			Codes: []qda.Code{{ID: "a", Name: "A", Codable: true}}}
		dir := t.TempDir() + "/pkg"
		if err := qda.Write(dir, p, false); err != nil {
			t.Fatal(err)
		}
		q, err := qda.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		if q.Synthetic != marked {
			t.Errorf("marked %v: loaded as synthetic=%v", marked, q.Synthetic)
		}
		var b bytes.Buffer
		if err := qda.WriteFrequencies(&b, q, "", qda.Segments); err != nil {
			t.Fatal(err)
		}
		if got := bytes.Contains(b.Bytes(), []byte("synthetic")); got != marked {
			t.Errorf("marked %v: frequencies say synthetic=%v:\n%s", marked, got, b.String())
		}
	}
}

// TestCheckSetsAndNotes: set members and note refs must exist.
func TestCheckSetsAndNotes(t *testing.T) {
	p := &qda.Project{Codes: []qda.Code{{ID: "a", Name: "A", Codable: true}}, Sources: []qda.Source{{ID: "s", Text: "text"}},
		Segments: []qda.Segment{{ID: "g", Source: "s", Code: "a", Start: 0, End: 2, Selection: "ABCDEF01-2345-4678-89AB-CDEF01234567"}},
		Notes: []qda.Note{{ID: "n", Refs: []string{"project", "code:a", "source:s", "segment:g", "selection:abcdef01-2345-4678-89ab-cdef01234567"}},
			{ID: "m", Coder: "nobody", Refs: []string{"code:zz", "case:x", "project:x"}}},
		Sets: []qda.Set{{ID: "ok", Name: "ok", Codes: []string{"a"}, Sources: []string{"s"}, Notes: []string{"n"}},
			{ID: "bad", Name: "bad", Codes: []string{"zz"}, Notes: []string{"q"}}},
	}
	var got []string
	for _, err := range p.Check() {
		got = append(got, err.Error())
	}
	want := []string{
		`note "m": coder "nobody" is not a coder`,
		`note "m": ref "code:zz": expected project, or code:, source:, segment: or selection: and an existing id`,
		`note "m": ref "case:x": expected project, or code:, source:, segment: or selection: and an existing id`,
		`note "m": ref "project:x": expected project, or code:, source:, segment: or selection: and an existing id`,
		`set "bad": member code "zz" is not a code`,
		`set "bad": member note "q" is not a note`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
