package datapkg

import (
	"fmt"
	"testing"
)

func TestParseDate(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Date
		prec Precision
		err  bool
	}{
		{"", Date{}, PrecisionNone, false},
		{"2014", Date{2014, 0, 0}, PrecisionYear, false},
		{"2014-06", Date{2014, 6, 0}, PrecisionMonth, false},
		{"2014-06-15", Date{2014, 6, 15}, PrecisionDay, false},
		{"2024-02-29", Date{2024, 2, 29}, PrecisionDay, false},
		{"2023-02-29", Date{}, PrecisionNone, true},
		{"2014-13", Date{}, PrecisionNone, true},
		{"2014-00", Date{}, PrecisionNone, true},
		{"2014-6", Date{}, PrecisionNone, true},
		{"201", Date{}, PrecisionNone, true},
		{"2014/06", Date{}, PrecisionNone, true},
		{"2014-06-1x", Date{}, PrecisionNone, true},
	} {
		got, err := ParseDate(c.in)
		if (err != nil) != c.err || got != c.want || got.Precision() != c.prec {
			t.Errorf("ParseDate(%q) = %v (%v), %v; want %v (%v), error %v", c.in, got, got.Precision(), err, c.want, c.prec, c.err)
		}
		if err == nil && got.String() != c.in {
			t.Errorf("ParseDate(%q).String() = %q", c.in, got.String())
		}
	}
}

func TestDateOrder(t *testing.T) {
	order := []string{"", "2001", "2001-09", "2001-09-11", "2001-10", "2014", "2021-08-15"}
	for i, a := range order {
		da, _ := ParseDate(a)
		if !da.IsZero() != (a != "") {
			t.Errorf("%q: IsZero %v", a, da.IsZero())
		}
		for j, b := range order {
			db, _ := ParseDate(b)
			want := 0
			if i < j {
				want = -1
			} else if i > j {
				want = 1
			}
			if got := da.Compare(db); got != want {
				t.Errorf("Compare(%q, %q) = %d, want %d", a, b, got, want)
			}
			if got := da.Before(db); got != (want < 0) {
				t.Errorf("Before(%q, %q) = %v", a, b, got)
			}
		}
	}
}

func ExampleDate() {
	for _, s := range []string{"2007", "2014-06", "2021-08-15", ""} {
		d, _ := ParseDate(s)
		fmt.Printf("%q %v\n", d.String(), d.Precision())
	}
	a, _ := ParseDate("2014")
	b, _ := ParseDate("2014-06")
	fmt.Println(a.Before(b))
	// Output:
	// "2007" year
	// "2014-06" month
	// "2021-08-15" day
	// "" none
	// true
}
