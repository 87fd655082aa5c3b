package bib

import (
	"reflect"
	"strings"
	"testing"
)

func TestAuthorYear(t *testing.T) {
	for _, c := range []struct {
		e               Entry
		paren, narr, ay string
	}{
		{Entry{Surnames: []string{"Bacon"}, Year: 2018}, "Bacon", "Bacon", "Bacon 2018"},
		{Entry{Surnames: []string{"Horowitz", "Potter"}, Year: 2014}, "Horowitz & Potter", "Horowitz and Potter", "Horowitz & Potter 2014"},
		{Entry{Surnames: []string{"Asal", "Park", "Rethemeyer", "Ackerman"}, Year: 2016}, "Asal et al.", "Asal et al.", "Asal et al. 2016"},
		// No surnames: the printed authors, else the title; no year: n.d.
		{Entry{AuthorsAsPrinted: "Jamestown Foundation", Title: "T"}, "Jamestown Foundation", "Jamestown Foundation", "Jamestown Foundation n.d."},
		{Entry{Title: "Pakistan mourns", Year: 2014}, "Pakistan mourns", "Pakistan mourns", "Pakistan mourns 2014"},
	} {
		if got := Names(c.e); got != c.paren {
			t.Errorf("Names(%+v) = %q, want %q", c.e, got, c.paren)
		}
		if got := NarrativeNames(c.e); got != c.narr {
			t.Errorf("NarrativeNames(%+v) = %q, want %q", c.e, got, c.narr)
		}
		if got := AuthorYear(c.e); got != c.ay {
			t.Errorf("AuthorYear(%+v) = %q, want %q", c.e, got, c.ay)
		}
	}
}

// TestSort: the list is ordered by surnames, year and title, and entries
// with the same authors and year get suffixes in that order.
func TestSort(t *testing.T) {
	items := []*Item{
		{Entry: Entry{Key: "b", Surnames: []string{"Bacon"}, Year: 2018, Title: "Second"}},
		{Entry: Entry{Key: "z", Surnames: []string{"Zia"}, Year: 2001}},
		{Entry: Entry{Key: "a", Surnames: []string{"Bacon"}, Year: 2018, Title: "First"}},
		{Entry: Entry{Key: "c", Surnames: []string{"Bacon"}, Year: 2019}},
		{Entry: Entry{Key: "n", Surnames: []string{"Anon"}}},
	}
	Sort(items)
	var got []string
	for _, it := range items {
		got = append(got, it.Key+":"+it.CitedYear())
	}
	want := "n:n.d. a:2018a b:2018b c:2019 z:2001"
	if strings.Join(got, " ") != want {
		t.Errorf("sorted %s, want %s", strings.Join(got, " "), want)
	}
}

func TestFormat(t *testing.T) {
	it := &Item{Entry: FromPrinted(Entry{
		Key: "akhtar-ahmed2023", AuthorsAsPrinted: "Akhtar, S., & Ahmed, Z. S.", Surnames: []string{"Akhtar", "Ahmed"},
		Year: 2023, DateAsPrinted: "2023, May 1", Title: "Understanding the resurgence.", Container: "Dynamics of Asymmetric Conflict",
		Volume: "16", Issue: "3", Pages: "285–306", Publisher: "Routledge.", DOI: "10.1080/17467586.2023.2280924", URL: "https://example.org",
	})}
	want := []Span{
		{Text: "Akhtar, S., & Ahmed, Z. S. "}, {Text: "(2023, May 1). "}, {Text: "Understanding the resurgence. "},
		{Text: "Dynamics of Asymmetric Conflict", Italic: true}, {Text: ", "}, {Text: "16", Italic: true},
		{Text: "(3)"}, {Text: ", 285–306"}, {Text: "."}, {Text: " Routledge."}, {Text: " "},
		{Text: "https://doi.org/10.1080/17467586.2023.2280924", Link: "https://doi.org/10.1080/17467586.2023.2280924"},
	}
	if got := it.Format(); !reflect.DeepEqual(got, want) {
		t.Errorf("Format\n got %+v\nwant %+v", got, want)
	}
	if it.Month != 5 || it.Day != 1 || len(it.Authors) != 2 {
		t.Errorf("FromPrinted: month %d day %d authors %+v", it.Month, it.Day, it.Authors)
	}
	// A book: the title in italics; a suffix replaces the printed date.
	book := &Item{Entry: Entry{Key: "b", Surnames: []string{"Bacon"}, Year: 2018, DateAsPrinted: "2018", Title: "Why groups ally", URL: "https://x.org"}, Suffix: "b"}
	want = []Span{{Text: "(2018b). "}, {Text: "Why groups ally", Italic: true}, {Text: "."}, {Text: " "}, {Text: "https://x.org", Link: "https://x.org"}}
	if got := book.Format(); !reflect.DeepEqual(got, want) {
		t.Errorf("Format\n got %+v\nwant %+v", got, want)
	}
}

// TestFromPrintedYear: the year field wins; the printed date gives the
// year only when the field is empty, and its month and day only when its
// year agrees.
func TestFromPrintedYear(t *testing.T) {
	for _, c := range []struct {
		year    int
		printed string
		y, m, d int
	}{
		{2020, "2020, October 5", 2020, 10, 5},
		{0, "2020, October 5", 2020, 10, 5},
		{2021, "2020, October 5", 2021, 0, 0},
		{2019, "n.d.", 2019, 0, 0},
	} {
		e := FromPrinted(Entry{Year: c.year, DateAsPrinted: c.printed})
		if e.Year != c.y || e.Month != c.m || e.Day != c.d {
			t.Errorf("FromPrinted(%d, %q) = %d %d %d, want %d %d %d", c.year, c.printed, e.Year, e.Month, e.Day, c.y, c.m, c.d)
		}
	}
}

// TestFormatPunctuation: a title, author or publisher that already ends
// a sentence ("examples?") gets no full stop after it, in a title before
// its container (as the reference list prints Bhandari 2020) and in an
// italic title; other text gets one.
func TestFormatPunctuation(t *testing.T) {
	web := &Item{Entry: Entry{Key: "bhandari2020", AuthorsAsPrinted: "Bhandari, P.", Year: 2020, DateAsPrinted: "2020",
		Title: "What is qualitative research, methods, and examples?", Container: "Scribbr",
		URL: "https://www.scribbr.com/methodology/qualitative-research"}}
	book := &Item{Entry: Entry{Key: "b", AuthorsAsPrinted: "Jamestown Foundation", Year: 2018, Title: "Why ally?", Publisher: "Press!"}}
	container := &Item{Entry: Entry{Key: "c", Year: 2018, Title: "“A quoted title.”", Container: "Who knows?"}}
	for _, c := range []struct {
		it   *Item
		want string
	}{
		{web, "Bhandari, P. (2020). What is qualitative research, methods, and examples? _Scribbr_. https://www.scribbr.com/methodology/qualitative-research"},
		{book, "Jamestown Foundation. (2018). _Why ally?_ Press!"},
		{container, "(2018). “A quoted title.” _Who knows?_"},
	} {
		var b strings.Builder
		for _, s := range c.it.Format() {
			if s.Italic {
				b.WriteString("_" + s.Text + "_")
			} else {
				b.WriteString(s.Text)
			}
		}
		if got := b.String(); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.it.Key, got, c.want)
		}
		if strings.Contains(b.String(), "?.") || strings.Contains(b.String(), "..") {
			t.Errorf("%s: doubled punctuation in %s", c.it.Key, b.String())
		}
	}
	for in, want := range map[string]string{"Routledge": "Routledge.", "Routledge.": "Routledge.", "Why?": "Why?",
		"Stop!": "Stop!", `“Quoted.”`: `“Quoted.”`, "(Vol. 6)": "(Vol. 6).", "": ""} {
		if got := sentence(in); got != want {
			t.Errorf("sentence(%q) = %q, want %q", in, got, want)
		}
	}
}
