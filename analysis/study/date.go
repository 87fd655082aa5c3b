package study

import (
	"fmt"
	"strconv"
	"time"
)

// ParseDate parses an ISO 8601 date of any precision: YYYY, YYYY-MM or
// YYYY-MM-DD. The empty string is the zero (missing) Date.
func ParseDate(s string) (Date, error) {
	if s == "" {
		return Date{}, nil
	}
	bad := fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	num := func(s string) (int, bool) {
		n := 0
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return 0, false
			}
			n = n*10 + int(s[i]-'0')
		}
		return n, true
	}
	var d Date
	var ok bool
	switch len(s) {
	case 4, 7, 10:
	default:
		return Date{}, bad
	}
	if d.Year, ok = num(s[:4]); !ok {
		return Date{}, bad
	}
	if len(s) >= 7 {
		if s[4] != '-' {
			return Date{}, bad
		}
		if d.Month, ok = num(s[5:7]); !ok || d.Month < 1 || d.Month > 12 {
			return Date{}, bad
		}
	}
	if len(s) == 10 {
		if s[7] != '-' {
			return Date{}, bad
		}
		if d.Day, ok = num(s[8:10]); !ok || d.Day < 1 || d.Day > daysIn(d.Year, d.Month) {
			return Date{}, bad
		}
	}
	return d, nil
}

// daysIn returns the number of days of month m of year y in the
// proleptic Gregorian calendar: day 0 of the next month is the last day of
// this one.
func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
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

// String formats i, or "" when it is missing.
func (i Int) String() string {
	if !i.Valid {
		return ""
	}
	return strconv.Itoa(i.Value)
}

// Qualified prints d with the qualifier the paper bounds it by: "after
// 2020", "before 2014", "by 2007", or d alone when q is empty.
func Qualified(d Date, q string) string {
	if q == "" || d.IsZero() {
		return d.String()
	}
	return q + " " + d.String()
}

// DateLabel prints the event's date as the paper gives it: the qualified
// date ("after 2020") and, for a period, its end ("2022–2023").
func (e Event) DateLabel() string {
	s := Qualified(e.Date, e.DateQualifier)
	if !e.End.IsZero() {
		s += "–" + e.End.String()
	}
	return s
}
