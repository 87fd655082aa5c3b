package study

import "strconv"

// String formats i, or "" when it is missing.
func (i Int) String() string {
	if !i.Valid {
		return ""
	}
	return strconv.Itoa(i.Value)
}

// Qualified prints d with the qualifier the paper bounds it by: "after
// 2020", "before 2014", "by 2007", or d alone when q is empty.
func Qualified(d Date, q DateQualifier) string {
	if q == "" || d.IsZero() {
		return d.String()
	}
	return string(q) + " " + d.String()
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
