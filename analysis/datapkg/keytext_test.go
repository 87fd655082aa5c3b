package datapkg

import (
	"strconv"
	"testing"
	"unicode/utf8"
)

// TestKeyText: plain keys print as they are, others quoted, and tuples
// that joined with commas would collide print apart (issue 19 items 10
// and 11).
func TestKeyText(t *testing.T) {
	for _, c := range []struct {
		in   []string
		want string
	}{
		{[]string{"r022"}, "r022"},
		{[]string{"ABC", "2"}, "ABC,2"},
		{[]string{"a,b", "c"}, `"a,b",c`},
		{[]string{"a", "b,c"}, `a,"b,c"`},
		{[]string{"x\n+ row forged[y]"}, `"x\n+ row forged[y]"`},
		{[]string{"admin\u202e"}, `"admin\u202e"`},
		{[]string{"zero\u200bwidth"}, `"zero\u200bwidth"`},
		{[]string{""}, `""`},
		{[]string{"two words"}, `"two words"`},
		{[]string{`q"`}, `"q\""`},
		{[]string{"a]"}, `"a]"`},
		{[]string{"Pakistān-ü"}, "Pakistān-ü"},
	} {
		if got := KeyText(c.in...); got != c.want {
			t.Errorf("KeyText(%q) = %s, want %s", c.in, got, c.want)
		}
	}
	if got := TextLine("Findings and discussion"); got != "Findings and discussion" {
		t.Errorf("TextLine of a heading = %s", got)
	}
	if got := TextLine("a\nb\u2066"); got != `"a\nb\u2066"` {
		t.Errorf("TextLine of a newline and a bidi isolate = %s", got)
	}
}

// FuzzKeyText: a key prints on one line, only with printable characters,
// and two different tuples never print alike.
func FuzzKeyText(f *testing.F) {
	f.Add("a,b", "c", "a", "b,c")
	f.Add("x\ny", "", "x", "\ny")
	f.Add("\u202e", "\"", `\`, "]")
	f.Fuzz(func(t *testing.T, a, b, c, d string) {
		k1, k2 := KeyText(a, b), KeyText(c, d)
		if (a != c || b != d) && k1 == k2 {
			t.Fatalf("(%q, %q) and (%q, %q) both print %s", a, b, c, d, k1)
		}
		if !utf8.ValidString(k1) {
			t.Fatalf("KeyText(%q, %q) = %q is not UTF-8", a, b, k1)
		}
		for _, r := range k1 {
			if !strconv.IsPrint(r) {
				t.Fatalf("KeyText(%q, %q) = %q has %U, which does not print", a, b, k1, r)
			}
		}
	})
}
