package dot_test

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/graph/encoding"
	"github.com/nexus-toolkit/nexus/analysis/graph/encoding/dot"
)

func doc(node, name string) *encoding.Doc {
	return &encoding.Doc{
		NodeKeys: []encoding.Key{{Name: "name", Type: "string"}},
		Nodes:    []encoding.Record{{ID: node, Values: []string{name}}, {ID: "z", Values: []string{""}}},
		Links:    []encoding.Record{{ID: "0", Source: node, Target: "z"}},
	}
}

// TestControl: a NUL or other control character in an ID or an
// attribute makes Write fail and write nothing; tab and line feed pass.
func TestControl(t *testing.T) {
	for _, tc := range []struct {
		node, name string
		want       string
	}{
		{"a\x00b", "", `dot: node "a\x00b": id "a\x00b" holds the control character U+0000, which dot cannot carry`},
		{"a", "x\x1by", `dot: node "a": name "x\x1by" holds the control character U+001B, which dot cannot carry`},
		{"a", "x\u0085y", `U+0085`},
		{"a", "tab\there\nline", ""},
	} {
		var b strings.Builder
		err := dot.Write(&b, doc(tc.node, tc.name))
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%q: %v", tc.name, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want) || b.Len() > 0):
			t.Errorf("%q %q: err %v, wrote %d bytes; want %q", tc.node, tc.name, err, b.Len(), tc.want)
		}
	}
}

// TestReadUnknownKeys: attributes not given in ReadOptions become string
// keys in order of first appearance, and records read before a key was
// met get an empty value for it.
func TestReadUnknownKeys(t *testing.T) {
	in := "graph \"network\" {\n  \"a\";\n  \"b\" [colour=\"red\"];\n  \"a\" -- \"b\" [w=\"2\"];\n}\n"
	d, err := dot.Read(strings.NewReader(in), dot.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := &encoding.Doc{
		NodeKeys: []encoding.Key{{Name: "colour", Type: "string"}},
		LinkKeys: []encoding.Key{{Name: "w", Type: "string"}},
		Nodes:    []encoding.Record{{ID: "a", Values: []string{""}}, {ID: "b", Values: []string{"red"}}},
		Links:    []encoding.Record{{ID: "0", Source: "a", Target: "b", Values: []string{"2"}}},
	}
	if !reflect.DeepEqual(d, want) {
		t.Errorf("read %+v\nwant %+v", d, want)
	}
	var b bytes.Buffer
	if err := dot.Write(&b, d); err != nil || b.String() != in {
		t.Errorf("write back: %v\n%s\nwant\n%s", err, b.String(), in)
	}
}
