package datapkg

import (
	"errors"
	"testing"
)

// TestLineIndex: byte positions become character columns. "é" and "😀"
// take two and four bytes but one column each; a byte order mark is not
// counted; a position past the end of its line is just after the last character.
func TestLineIndex(t *testing.T) {
	data := []byte("\ufeffid,nom\n1,é😀x\n\n")
	x := NewLineIndex(data)
	for _, tc := range []struct{ line, byteCol, want int }{
		{1, 4, 1},  // "id" after the BOM
		{1, 7, 4},  // "nom"
		{2, 3, 3},  // "é"
		{2, 5, 4},  // "😀", after the two bytes of é
		{2, 9, 5},  // "x", after the four bytes of 😀
		{3, 1, 1},  // an empty line
		{9, 7, 7},  // no such line
		{2, 99, 6}, // past the end: the characters of the rest
	} {
		if got := x.Column(tc.line, tc.byteCol); got != tc.want {
			t.Errorf("Column(%d, %d) = %d, want %d", tc.line, tc.byteCol, got, tc.want)
		}
	}
	if got := x.Offset(2, 5); got != 14 {
		t.Errorf("Offset(2, 5) = %d, want 14", got)
	}
	for _, tc := range []struct{ off, line, col int }{
		{3, 1, 1}, {6, 1, 4}, {10, 2, 1}, {12, 2, 3}, {14, 2, 4}, {18, 2, 5}, {20, 3, 1}, {21, 4, 1}, {99, 4, 1},
	} {
		if l, c := x.Position(tc.off); l != tc.line || c != tc.col {
			t.Errorf("Position(%d) = %d:%d, want %d:%d", tc.off, l, c, tc.line, tc.col)
		}
	}
}

// TestProblemWithheld: a withheld value is not printed, the field is.
func TestProblemWithheld(t *testing.T) {
	err := errors.New("looks like an e-mail address")
	p := &Problem{Path: "cases.csv", Line: 2, Column: 5, Field: "contact", Value: "someone@example.org", Withheld: true, Err: err}
	if got, want := p.Error(), `cases.csv:2:5: field "contact": looks like an e-mail address`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	p.Withheld = false
	if got, want := p.Error(), `cases.csv:2:5: field "contact": value "someone@example.org": looks like an e-mail address`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if !errors.Is(p, err) {
		t.Error("errors.Is")
	}
}

// TestReadTable: one resource is read and checked against its schema,
// but not against its declared hash or the foreign keys, which concern
// the package; a property that is not of the type asked for is an error.
func TestReadTable(t *testing.T) {
	for _, tc := range []struct{ dir, resource, want string }{
		{"testdata/rules/hash", "teams", ""},
		{"testdata/rules/foreign-key", "games", ""},
		{"testdata/rules/enum", "teams", `testdata/rules/enum/teams.csv:2:29: field "league": value "east": not in enum, want one of "north", "south"`},
	} {
		p, err := Open(tc.dir)
		if err != nil {
			t.Fatal(err)
		}
		tab, err := p.Resource(tc.resource).ReadTable()
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tc.want || tab == nil || tab.Len() == 0 {
			t.Errorf("%s: ReadTable: %v, want %q", tc.dir, err, tc.want)
		}
	}
	p, err := Open("testdata/good")
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if has, err := p.Property("name", &n); !has || err == nil {
		t.Errorf("Property(name) into an int: %v %v", has, err)
	}
	var s string
	if has, err := p.Resources[0].Property("nexus:nothing", &s); has || err != nil {
		t.Errorf("a missing property: %v %v", has, err)
	}
	if has, err := p.Resources[0].Property("path", &s); !has || err != nil || s != p.Resources[0].Path {
		t.Errorf("Property(path) = %q %v %v", s, has, err)
	}
}
