package study

import "testing"

func TestDateLabel(t *testing.T) {
	for _, c := range []struct {
		e    Event
		want string
	}{
		{Event{Date: Date{Year: 2020}, DateQualifier: "after"}, "after 2020"},
		{Event{Date: Date{Year: 2007}, DateQualifier: "by"}, "by 2007"},
		{Event{Date: Date{Year: 2022}, End: Date{Year: 2023}}, "2022–2023"},
		{Event{Date: Date{Year: 2019, Month: 5, Day: 15}}, "2019-05-15"},
		{Event{DateQualifier: "after"}, ""},
	} {
		if got := c.e.DateLabel(); got != c.want {
			t.Errorf("DateLabel(%+v) = %q, want %q", c.e, got, c.want)
		}
	}
}
