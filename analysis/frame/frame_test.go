package frame

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"github.com/nexus-toolkit/nexus/analysis/datapkg"
)

// cube is 27 rows of every (a, b, c) in {1,2,3}^3, in reverse order, with x
// the rank of the row in (a, b, c) order: sorted by a, b, c, x reads 1..27.
func cube() dataframe.DataFrame {
	var a, b, c []string
	var x []int
	n := 27
	for i := 3; i >= 1; i-- {
		for j := 3; j >= 1; j-- {
			for k := 3; k >= 1; k-- {
				a, b, c = append(a, fmt.Sprint(i)), append(b, fmt.Sprint(j)), append(c, fmt.Sprint(k))
				x = append(x, n)
				n--
			}
		}
	}
	return dataframe.New(series.New(a, series.String, "a"), series.New(b, series.String, "b"),
		series.New(c, series.String, "c"), series.New(x, series.Int, "x"))
}

func ints(t *testing.T, s series.Series) []int {
	t.Helper()
	v, err := s.Int()
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func ascending(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i + 1
	}
	return out
}

// TestArrangeThreeKeys pins gota v0.12.0's Arrange, which sorts wrongly
// with three keys, and checks that Arrange here sorts right. If gota is
// fixed, the first check fails: then Arrange here may go.
func TestArrangeThreeKeys(t *testing.T) {
	df := cube()
	orders := []dataframe.Order{dataframe.Sort("a"), dataframe.Sort("b"), dataframe.Sort("c")}
	if got := ints(t, df.Arrange(orders...).Col("x")); reflect.DeepEqual(got, ascending(27)) {
		t.Error("gota's Arrange now sorts three keys right; frame.Arrange is no longer needed")
	}
	got, err := Arrange(df, orders...)
	if err != nil {
		t.Fatal(err)
	}
	if x := ints(t, got.Col("x")); !reflect.DeepEqual(x, ascending(27)) {
		t.Errorf("Arrange(a, b, c) = %v, want 1..27", x)
	}
	rev, _ := Arrange(df, dataframe.RevSort("a"), dataframe.Sort("b"), dataframe.RevSort("c"))
	if x := ints(t, rev.Col("x")); x[0] != 21 || x[1] != 20 || x[26] != 7 {
		t.Errorf("Arrange(-a, b, -c) = %v, want 21 20 19 24 ... 7", x)
	}
	if _, err := Arrange(df, dataframe.Sort("nope")); err == nil {
		t.Error("unknown column: no error")
	}
}

// TestArrangeMissingLastAndStable: missing values sort last in either
// direction, and rows with equal keys keep their order.
func TestArrangeMissingLastAndStable(t *testing.T) {
	df := dataframe.New(series.New([]float64{2, nan(), 1, 2}, series.Float, "v"), series.New([]string{"p", "q", "r", "s"}, series.String, "id"))
	for _, o := range []dataframe.Order{dataframe.Sort("v"), dataframe.RevSort("v")} {
		got, err := Arrange(df, o)
		if err != nil {
			t.Fatal(err)
		}
		ids := got.Col("id").Records()
		want := []string{"r", "p", "s", "q"}
		if o.Reverse {
			want = []string{"p", "s", "r", "q"}
		}
		if !reflect.DeepEqual(ids, want) {
			t.Errorf("%+v: %v, want %v", o, ids, want)
		}
	}
}

func nan() float64 { var z float64; return z / z }

// groups is five groups of unequal size.
func groups() dataframe.DataFrame {
	var k []string
	var v []int
	for i, g := range []string{"e", "b", "d", "a", "c"} {
		for j := 0; j <= i; j++ {
			k, v = append(k, g), append(v, j)
		}
	}
	return dataframe.New(series.New(k, series.String, "k"), series.New(v, series.Int, "v"))
}

// TestAggregateOrder pins gota v0.12.0's Aggregation, whose groups come in
// map order (over 200 runs more than one order is seen), and checks that
// Aggregate and Count here always sort them by key.
func TestAggregateOrder(t *testing.T) {
	df := groups()
	seen := map[string]bool{}
	for range 200 {
		out := df.GroupBy("k").Aggregation([]dataframe.AggregationType{dataframe.Aggregation_COUNT}, []string{"v"})
		seen[strings.Join(out.Col("k").Records(), "")] = true
	}
	if len(seen) < 2 {
		t.Errorf("gota's Aggregation gave one order in 200 runs (%v); if it is now sorted, Aggregate may go", seen)
	}
	for range 20 {
		out, err := Aggregate(df, []string{"k"}, []dataframe.AggregationType{dataframe.Aggregation_SUM}, []string{"v"})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(out.Col("k").Records(), ""); got != "abcde" {
			t.Fatalf("Aggregate keys %q, want abcde", got)
		}
		// Sums of 0..i for groups e b d a c (i = 0..4): a=0+1+2+3=6, b=1, c=10, d=3, e=0.
		if got := out.Col("v_SUM").Float(); !reflect.DeepEqual(got, []float64{6, 1, 10, 3, 0}) {
			t.Fatalf("sums %v", got)
		}
		n, err := Count(df, "k")
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(Records(n, 0)); got != "[[k n] [a 4] [b 2] [c 5] [d 3] [e 1]]" {
			t.Fatalf("Count = %s", got)
		}
	}
}

// TestFloatFormat pins gota's six decimals and checks Records and WriteCSV.
func TestFloatFormat(t *testing.T) {
	df := dataframe.New(series.New([]float64{1.0 / 3, 2.5e-7, nan()}, series.Float, "f"))
	var b bytes.Buffer
	if err := df.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "0.000000\n") {
		t.Errorf("gota's WriteCSV no longer prints 2.5e-7 as 0.000000:\n%s", b.String())
	}
	b.Reset()
	if err := WriteCSV(&b, df, 9); err != nil {
		t.Fatal(err)
	}
	if want := "f\n0.333333333\n0.000000250\n\n"; b.String() != want {
		t.Errorf("WriteCSV = %q, want %q", b.String(), want)
	}
}

// TestFromResource: types follow the schema, so an id such as "00123"
// stays text (gota's inference makes it 123), and missing numbers are NaN.
func TestFromResource(t *testing.T) {
	inferred := dataframe.LoadRecords([][]string{{"id"}, {"00123"}})
	if inferred.Col("id").Type() != series.Int {
		t.Errorf("gota no longer infers 00123 as an integer")
	}
	p, err := datapkg.Read("../../datasets/ttp-alliances/v1.0.0")
	if err != nil {
		t.Fatal(err)
	}
	r := p.Resource("events")
	df, err := FromResource(r)
	if err != nil {
		t.Fatal(err)
	}
	if df.Nrow() != r.Table.Len() || df.Ncol() != len(r.Schema.Fields) {
		t.Errorf("dims %dx%d, want %dx%d", df.Nrow(), df.Ncol(), r.Table.Len(), len(r.Schema.Fields))
	}
	for i, f := range r.Schema.Fields {
		if got, want := df.Types()[i], seriesType(f.Type); got != want {
			t.Errorf("column %s (%s): %s, want %s", f.Name, f.Type, got, want)
		}
	}
	killed := df.Col("killed")
	col := r.Table.Field("killed")
	for row := range r.Table.Len() {
		v, ok := r.Table.Int(row, col)
		e := killed.Elem(row)
		if ok == e.IsNA() {
			t.Errorf("row %d: killed missing=%v in the table, NaN=%v in the frame", row, !ok, e.IsNA())
		}
		if got, _ := e.Int(); ok && got != int(v) {
			t.Errorf("row %d: killed %d, want %d", row, got, v)
		}
	}
}
