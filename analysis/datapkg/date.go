package datapkg

import (
	"fmt"
	"strconv"
)

// Date is a calendar date that keeps the precision the source gives:
// a year, a year and month, or a full day. A date field of a package
// whose pattern admits only YYYY, YYYY-MM and YYYY-MM-DD holds one
// (ParseDate reads it).
type Date struct {
	Year  int
	Month int // 0 when the precision is PrecisionYear
	Day   int // 0 unless the precision is PrecisionDay
}

// Precision tells how much of a Date is known.
type Precision int

// The precisions of a Date, from none (a missing date) to a day.
const (
	PrecisionNone Precision = iota
	PrecisionYear
	PrecisionMonth
	PrecisionDay
)

// ParseDate parses an ISO 8601 date of any precision: YYYY, YYYY-MM or
// YYYY-MM-DD. The empty string is the zero (missing) Date.
func ParseDate(s string) (Date, error) {
	if s == "" {
		return Date{}, nil
	}
	bad := fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	var d Date
	var ok bool
	switch len(s) {
	case 4, 7, 10:
	default:
		return Date{}, bad
	}
	if d.Year, ok = digits(s[:4]); !ok {
		return Date{}, bad
	}
	if len(s) >= 7 {
		if s[4] != '-' {
			return Date{}, bad
		}
		if d.Month, ok = digits(s[5:7]); !ok || d.Month < 1 || d.Month > 12 {
			return Date{}, bad
		}
	}
	if len(s) == 10 {
		if s[7] != '-' {
			return Date{}, bad
		}
		if d.Day, ok = digits(s[8:10]); !ok || d.Day < 1 || d.Day > daysIn(d.Year, d.Month) {
			return Date{}, bad
		}
	}
	return d, nil
}

// Precision tells how much of d is known.
func (d Date) Precision() Precision {
	switch {
	case d.Year == 0 && d.Month == 0 && d.Day == 0:
		return PrecisionNone
	case d.Month == 0:
		return PrecisionYear
	case d.Day == 0:
		return PrecisionMonth
	}
	return PrecisionDay
}

// IsZero reports whether d is missing.
func (d Date) IsZero() bool { return d == Date{} }

// String formats d at its own precision: "2014", "2014-06", "2014-06-15",
// or "" for a missing date.
func (d Date) String() string {
	switch d.Precision() {
	case PrecisionNone:
		return ""
	case PrecisionYear:
		return fmt.Sprintf("%04d", d.Year)
	case PrecisionMonth:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Compare orders dates by year, then month, then day; a less precise date
// sorts before the more precise dates it contains ("2014" < "2014-06" <
// "2014-06-15"), and a missing date before every date. It returns -1, 0
// or +1.
func (d Date) Compare(e Date) int {
	for _, p := range [][2]int{{d.Year, e.Year}, {d.Month, e.Month}, {d.Day, e.Day}} {
		if p[0] != p[1] {
			if p[0] < p[1] {
				return -1
			}
			return 1
		}
	}
	if z, ez := d.IsZero(), e.IsZero(); z != ez {
		if z {
			return -1
		}
		return 1
	}
	return 0
}

// Before reports whether d sorts before e (see Compare).
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// String formats the precision: "none", "year", "month" or "day".
func (p Precision) String() string {
	switch p {
	case PrecisionNone:
		return "none"
	case PrecisionYear:
		return "year"
	case PrecisionMonth:
		return "month"
	case PrecisionDay:
		return "day"
	}
	return "Precision(" + strconv.Itoa(int(p)) + ")"
}
