package build

import "testing"

func TestFirstDifference(t *testing.T) {
	long := ""
	for range 30 {
		long += "abcdefghij"
	}
	for _, tc := range []struct{ a, b, want string }{
		{"same\n", "same\n", ""},
		{"one\n13 rows describe the sample\nthree\n", "one\n999 rows describe the sample\nthree\n", `line 2: committed "13 rows describe the sample"; fresh "999 rows describe the sample"`},
		{"one\ntwo\n", "one\ntwo\nthree\n", `line 3: committed (end of file); fresh "three"`},
		{"one\n\nx\n", "one\ny\nx\n", `line 2: committed ""; fresh "y"`},
		{long + "X" + long + "\n", long + "Y" + long + "\n", `line 1: committed ..."` + long[250:] + "X" + long[:49] + `"...; fresh ..."` + long[250:] + "Y" + long[:49] + `"...`},
		{"a\x00b", "a\x00c", "first differing byte at offset 2 (of 3 committed, 3 fresh)"},
	} {
		if got := FirstDifference([]byte(tc.a), []byte(tc.b)); got != tc.want {
			t.Errorf("FirstDifference(%q, %q):\n got %s\nwant %s", tc.a, tc.b, got, tc.want)
		}
	}
}
