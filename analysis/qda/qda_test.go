package qda

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/datapkg"
)

// small is a hand-checked project: two sources, three codes, two coders.
func small() *Project {
	return &Project{
		Name:      "small",
		Codes:     []Code{{ID: "a", Name: "A", Codable: true}, {ID: "b", Name: "B", Codable: true}, {ID: "g", Name: "Group"}, {ID: "c", Name: "C", Parent: "g", Codable: true}},
		Variables: []Variable{{Name: "region", Type: "string"}, {Name: "age", Type: "integer"}},
		Cases:     []Case{{ID: "r1", Name: "R1", Values: []string{"north", "30"}}, {ID: "r2", Name: "R2", Values: []string{"", "4"}}},
		Coders:    []Coder{{ID: "x", Name: "X"}, {ID: "y", Name: "Y"}},
		Sources: []Source{
			{ID: "s1", Name: "S1", Case: "r1", Text: "ü0123456789"}, // 11 code points
			{ID: "s2", Name: "S2", Case: "r2", Text: "abcdefghij"},
		},
		Segments: []Segment{
			{ID: "1", Source: "s1", Code: "a", Coder: "x", Start: 0, End: 5},
			{ID: "2", Source: "s1", Code: "b", Coder: "x", Start: 4, End: 8},
			{ID: "3", Source: "s1", Code: "c", Coder: "x", Start: 8, End: 11}, // touches 2, no overlap
			{ID: "4", Source: "s2", Code: "a", Coder: "x", Start: 0, End: 10},
			{ID: "5", Source: "s2", Code: "b", Coder: "y", Start: 2, End: 3},
			{ID: "6", Source: "s2", Code: "b", Coder: "y", Start: 5, End: 6},
			{ID: "7", Source: "s1", Code: "a", Coder: "y", Start: 1, End: 5},
		},
	}
}

func TestRoundTripFiles(t *testing.T) {
	p := small()
	files, err := Files(p)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "pkg")
	if err := WriteDir(dir, files, false); err != nil {
		t.Fatal(err)
	}
	if err := WriteDir(dir, files, false); err == nil {
		t.Error("WriteDir over an existing directory: no error")
	}
	q, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	files2, err := Files(q)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(files, files2) {
		t.Error("write, load, write differs")
	}
	if q.Sources[0].Text != p.Sources[0].Text || q.Variables[1].Type != "integer" {
		t.Errorf("loaded %+v", q.Sources[0])
	}
}

func TestLoadErrors(t *testing.T) {
	files, _ := Files(small())
	files["segments.csv"] = []byte("id,source,case,code,coder,start,end,selection,guid\n1,s1,,a,x,zero,5,,\n2,s1,,nope,x,0,99,,\n")
	dir := filepath.Join(t.TempDir(), "pkg")
	if err := WriteDir(dir, files, false); err != nil {
		t.Fatal(err)
	}
	_, err := Load(dir)
	// The schema types start as an integer, so datapkg reports it, at
	// the character column of the cell.
	if err == nil || !strings.Contains(err.Error(), `segments.csv:2:11: field "start": value "zero": wrong type`) || !errors.Is(err, datapkg.ErrType) {
		t.Errorf("got %v", err)
	}
	files["segments.csv"] = []byte("id,source,case,code,coder,start,end,selection,guid\n2,s1,,nope,x,0,99,,\n")
	os.RemoveAll(dir)
	WriteDir(dir, files, false)
	_, err = Load(dir)
	if err == nil || !strings.Contains(err.Error(), `segments.csv:2:1: segment "2": code "nope" is not a code`) || !strings.Contains(err.Error(), "outside source") {
		t.Errorf("got %v", err)
	}
}

// TestLoadErrorColumn: a problem that the loader itself finds (a source
// file that is not there) is placed at the character column of its cell,
// after a title with non-ASCII text (ë and — take 2 and 3 bytes).
func TestLoadErrorColumn(t *testing.T) {
	files, _ := Files(small())
	files["sources.csv"] = []byte("id,title,case,path,description,guid\ns1,Zoë — one,r1,sources/nope.txt,,\n")
	dir := filepath.Join(t.TempDir(), "pkg")
	if err := WriteDir(dir, files, false); err != nil {
		t.Fatal(err)
	}
	_, err := Load(dir)
	want := filepath.Join(dir, "sources.csv") + `:2:17: field "path": value "sources/nope.txt": sources/nope.txt: `
	var p *datapkg.Problem
	if err == nil || !strings.Contains(err.Error(), want) || !errors.As(err, &p) || p.Column != 17 {
		t.Errorf("got %v, want %s...", err, want)
	}
}

func TestSpan(t *testing.T) {
	if got := Span("ü0123", 0, 2); got != "ü0" {
		t.Errorf("Span = %q", got)
	}
	if RuneLen("ü0123") != 5 {
		t.Error("RuneLen")
	}
}

func TestFrequency(t *testing.T) {
	p := small()
	segs, cases, err := Frequency([]string{"a", "b", "c"}, p.Resolved())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(segs, []int{3, 3, 1}) || !reflect.DeepEqual(cases, []int{2, 2, 1}) {
		t.Errorf("segments %v cases %v", segs, cases)
	}
	if segs, _, _ := Frequency([]string{"a"}, p.Segments); !reflect.DeepEqual(segs, []int{3}) {
		t.Errorf("subset: %v", segs)
	}
	if _, _, err := Frequency([]string{"a", "a"}, p.Segments); err == nil {
		t.Error("duplicate code: no error")
	}
}

func TestCrossTab(t *testing.T) {
	p := small()
	m, err := CrossTab([]string{"a", "b", "c"}, p.Variables, p.Cases, "region", p.Resolved(), Segments)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(m.Cols, []string{"north", Missing}) || !reflect.DeepEqual(m.Counts, [][]int{{2, 1}, {1, 2}, {1, 0}}) {
		t.Errorf("%v %v", m.Cols, m.Counts)
	}
	m, _ = CrossTab([]string{"a", "b", "c"}, p.Variables, p.Cases, "age", p.Resolved(), Cases)
	if !reflect.DeepEqual(m.Cols, []string{"4", "30"}) || !reflect.DeepEqual(m.Counts, [][]int{{1, 1}, {1, 1}, {0, 1}}) {
		t.Errorf("%v %v", m.Cols, m.Counts)
	}
}

func TestCooccurrence(t *testing.T) {
	p := small()
	m, err := CooccurrenceSegments([]string{"a", "b", "c"}, p.Segments)
	if err != nil {
		t.Fatal(err)
	}
	// s1: a[0,5) x b[4,8) overlap; a[1,5) (coder y) x b[4,8) overlap;
	// c[8,11) touches b only. s2: a[0,10) x b[2,3) and b[5,6).
	want := [][]int{{3, 4, 0}, {4, 3, 0}, {0, 0, 1}}
	if !reflect.DeepEqual(m.Counts, want) {
		t.Errorf("segments: %v, want %v", m.Counts, want)
	}
	c := CCoefficient(m)
	// ATLAS.ti c = n12/(n1+n2-n12) = 4/(3+3-4) = 2; above 1 because one
	// segment of a overlaps two of b.
	if c[0][1] != 2 || c[0][2] != 0 || c[2][2] != 1 {
		t.Errorf("c = %v", c)
	}
	m, _ = CooccurrenceCases([]string{"a", "b", "c"}, p.Resolved())
	want = [][]int{{2, 2, 1}, {2, 2, 1}, {1, 1, 1}}
	if !reflect.DeepEqual(m.Counts, want) {
		t.Errorf("cases: %v, want %v", m.Counts, want)
	}
	c = CCoefficient(m)
	if Round(c[0][2], 3) != 0.5 {
		t.Errorf("c(a,c) = %v, want 1/(2+1-1) = 0.5", c[0][2])
	}
}

func TestAgreements(t *testing.T) {
	p := small()
	// Documents: code a is in s1 for x and y, in s2 only for x.
	ag, err := Agreements([]string{"a", "b"}, []string{"x", "y"}, p.Sources, p.Segments, Documents)
	if err != nil {
		t.Fatal(err)
	}
	if ag[0].Percent != 0.5 || ag[0].Units != 2 {
		t.Errorf("a: %+v", ag[0])
	}
	// Characters: code a in s1: x covers [0,5), y [1,5): agree on 10 of 11
	// code points; in s2 x covers all 10, y none: 0 of 10. 10/21.
	ag, err = Agreements([]string{"a"}, []string{"x", "y"}, p.Sources, p.Segments, Characters)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(ag[0].Percent-10.0/21) > 1e-12 || ag[0].Units != 21 {
		t.Errorf("a chars: %+v", ag[0])
	}
	if _, err := Agreements([]string{"a"}, []string{"x"}, p.Sources, p.Segments, Documents); err == nil {
		t.Error("one coder: no error")
	}
}

func TestCheckAnonymity(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("datapackage.json", `{"name":"x","resources":[
 {"name":"cases","path":"cases.csv","nexus:respondentData":true},
 {"name":"sources","path":"sources.csv","nexus:respondentData":true},
 {"name":"ok","path":"ok.csv","nexus:respondentData":true,"nexus:anonymityOverride":{"reason":"public figures who consented to be named"}},
 {"name":"bad","path":"ok.csv","nexus:respondentData":true,"nexus:anonymityOverride":{}},
 {"name":"other","path":"other.csv"}]}`)
	write("cases.csv", "id,First Name,note\nr1,x,\"write to a.b@example.org\"\nr2,y,call +92 300 1234567 or 2021-03-15\nr3,z,guid 12345678-1234-1234-1234-123456789012 and year 2019\n"+
		"r4,é,\"Zoë — zoe@example.org\"\nr5,x,\"say \"\"hi\"\" to a.b@example.org\"\n")
	write("sources.csv", "id,path\ns1,sources/s1.txt\n")
	write("sources/s1.txt", "line one\nmy number is 0300-1234567, thanks\nGrüße: 0300-1234567\n")
	write("ok.csv", "name\nsomeone@example.org\n")
	write("other.csv", "name\nsomeone@example.org\n")
	ps, err := CheckAnonymity(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range ps {
		got = append(got, strings.TrimPrefix(p.Error(), dir+string(filepath.Separator)))
	}
	want := []string{
		`cases.csv:1:4: field "First Name": column meant for personal names in respondent data`,
		`cases.csv:2:16: field "note": looks like an e-mail address in respondent data`,
		`cases.csv:3:11: field "note": looks like a phone number in respondent data`,
		// Columns count characters: é, ë and — take 2, 2 and 3 bytes, and
		// the doubled quotes of a quoted cell count as they stand in the file.
		`cases.csv:5:13: field "note": looks like an e-mail address in respondent data`,
		`cases.csv:6:21: field "note": looks like an e-mail address in respondent data`,
		`sources/s1.txt:2:14: looks like a phone number in respondent data`,
		`sources/s1.txt:3:8: looks like a phone number in respondent data`,
		`datapackage.json: resource "bad": anonymity override without a reason, expected {"reason": "..."}`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !errors.Is(ps[1], ErrEmail) {
		t.Error("errors.Is(ErrEmail) false")
	}
}

func TestIsNameColumn(t *testing.T) {
	for col, want := range map[string]bool{"name": true, "Full_Name": true, "surname": true, "first-name": true, "label": false, "region": false, "names": true, "username": false} {
		if IsNameColumn(col) != want {
			t.Errorf("IsNameColumn(%q) = %v", col, !want)
		}
	}
}

func TestWriteDeterministic(t *testing.T) {
	a, _ := Files(small())
	b, _ := Files(small())
	for k := range a {
		if !bytes.Equal(a[k], b[k]) {
			t.Errorf("%s differs", k)
		}
	}
}

func TestDropUnusedAndNames(t *testing.T) {
	p := small()
	m, _ := CooccurrenceSegments([]string{"a", "g", "b"}, p.Segments)
	d := m.DropUnused()
	if !reflect.DeepEqual(d.Rows, []string{"a", "b"}) || !reflect.DeepEqual(d.Counts, [][]int{{3, 4}, {4, 3}}) {
		t.Errorf("%v %v", d.Rows, d.Counts)
	}
	if got := p.CodeNames([]string{"a", "zz"}); !reflect.DeepEqual(got, []string{"A", "zz"}) {
		t.Errorf("names %v", got)
	}
}

// TestExcerptCooccurrence counts, over whole-source segments, the sources
// coded with both codes; the group code g is not codable and is left out.
func TestExcerptCooccurrence(t *testing.T) {
	whole := func(src, code string, n int) Segment {
		return Segment{ID: src + "-" + code, Source: src, Code: code, Coder: "c", End: n}
	}
	p := &Project{
		Codes:    []Code{{ID: "g", Name: "G"}, {ID: "a", Parent: "g", Codable: true}, {ID: "b", Parent: "g", Codable: true}, {ID: "c", Codable: true}},
		Segments: []Segment{whole("s1", "a", 4), whole("s1", "b", 4), whole("s2", "a", 3), whole("s2", "c", 3), whole("s3", "b", 5)},
	}
	m, c, err := ExcerptCooccurrence(p)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]int{{2, 1, 1}, {1, 2, 0}, {1, 0, 1}}
	if !reflect.DeepEqual(m.Rows, []string{"a", "b", "c"}) || !reflect.DeepEqual(m.Counts, want) {
		t.Errorf("%v %v", m.Rows, m.Counts)
	}
	if Round(c[0][1], 3) != 0.333 { // 1/(2+2-1)
		t.Errorf("c = %v", c)
	}
}
