package table

import (
	"bytes"
	"encoding/csv"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// TestTraceLines: the trace names, for every cell with sources, the line
// on which its record starts in the CSV that WriteCSV writes, counting the
// line breaks inside earlier values, and reads back to the same sources.
func TestTraceLines(t *testing.T) {
	tb := New("t", Column{Name: "dyad"}, Column{Name: "sources"})
	tb.Append(Str("a–b").From(Refs("relations", "r1", "r2")...), Int(2).From(Refs("relations", "r1", "r2")...))
	tb.Append(Str("two\nlines"), Str("x\r\ny").From(Ref{"events", "e1"}))
	tb.Append(Str("c–d").From(Ref{"relations", "r3"}, Ref{"relations", "r3"}), Missing())
	var csvOut, trace bytes.Buffer
	if err := tb.WriteCSV(&csvOut); err != nil {
		t.Fatal(err)
	}
	if err := tb.WriteTrace(&trace); err != nil {
		t.Fatal(err)
	}
	want := "line,column,resource,key\n2,dyad,relations,r1\n2,dyad,relations,r2\n2,sources,relations,r1\n2,sources,relations,r2\n" +
		"3,sources,events,e1\n6,dyad,relations,r3\n"
	if trace.String() != want {
		t.Errorf("trace:\n%s\nwant:\n%s", trace.String(), want)
	}
	// Every traced line is where encoding/csv says the record starts.
	r := csv.NewReader(bytes.NewReader(csvOut.Bytes()))
	starts := map[int]bool{}
	for {
		if _, err := r.Read(); err != nil {
			break
		}
		l, _ := r.FieldPos(0)
		starts[l] = true
	}
	for _, l := range []int{2, 3, 6} {
		if !starts[l] {
			t.Errorf("no CSV record starts on line %d (starts %v)", l, starts)
		}
	}
	tr, err := ReadTrace(strings.NewReader(trace.String()), "t.trace.csv")
	if err != nil {
		t.Fatal(err)
	}
	if got := tr.Sources(2, "sources"); !reflect.DeepEqual(got, Refs("relations", "r1", "r2")) {
		t.Errorf("Sources(2, sources) = %v", got)
	}
	if got := tr.Sources(6, "sources"); got != nil {
		t.Errorf("a missing cell has sources %v", got)
	}
	if !tb.Traced() || New("u", Column{Name: "a"}).Traced() {
		t.Error("Traced")
	}
}

func TestReadTraceErrors(t *testing.T) {
	for _, in := range []string{"", "line,col\n", "line,column,resource,key\nx,a,b,c\n", "line,column,resource,key\n2,a,b\n"} {
		if _, err := ReadTrace(strings.NewReader(in), "f"); !errors.Is(err, ErrTrace) {
			t.Errorf("%q: err = %v, want ErrTrace", in, err)
		}
	}
}
