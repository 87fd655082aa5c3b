// Package bali is the study of this compendium: the John Jay & ARTIS
// Transnational Terrorism Database (JJATT) network of the persons
// involved in the 2002 Bali bombings, as COREnets distributes it (data
// package jjatt-bali-2002). It reads the two published files as they are,
// builds the network of each period and of the whole record, and declares
// the compendium's tables and figure (study.go).
//
// Conventions, stated once here and in the outputs' notes:
//
//   - A tie is listed twice in the relations file, once from each side.
//     Both listings are rows of one undirected link; where they disagree
//     (slips.csv, kind asymmetric-tie), the link is present when either
//     listing codes it, with the larger code.
//   - A tie is in the network of a period when it has a code (1 to 3) in
//     that period; an empty cell means not coded. The network of the whole
//     record joins every period: a link's weight is its largest code.
//   - The legal status of a period is the one the person has at its end
//     (inferred: a person arrested or killed in 2002 has status 2002 in
//     custody or dead while his 2002 ties are coded).
package bali

import (
	"fmt"
	"regexp"
	"strconv"

	"github.com/nexus-toolkit/nexus/analysis/datapkg"
	"github.com/nexus-toolkit/nexus/analysis/table"
)

// Period is one column period of the two files.
type Period struct {
	Column     string // the column heading, e.g. "1985_1989" or "2002"
	Start, End int    // first and last year
}

// Label is the period as a reader writes it: "1985–1989" or "2002".
func (p Period) Label() string {
	if p.Start == p.End {
		return strconv.Itoa(p.Start)
	}
	return fmt.Sprintf("%d–%d", p.Start, p.End)
}

// Date is a date of the nodes file: as printed (month/day/year, "?" for
// an unknown part) and as an ISO 8601 date as precise as the print.
type Date struct {
	AsPrinted string // "10/?/2002"; "" when the file gives none
	ISO       string // "2002-10"; "" when the file gives none
}

// Person is one row of the nodes file.
type Person struct {
	ID                     string
	Arrest, Release, Death Date
	Status                 []int // legal status per period (status_codes), in period order
	Line                   int   // the row's line in the file
}

// Tie is one row of the relations file: one listing of a tie, from the
// side of From.
type Tie struct {
	From, To   string
	Start, End string // Tie_Year and Tie_Extinguish as printed
	Kinship    int
	Codes      []int // strength per period (tie_codes), -1 where not coded
	Line       int
}

// Key is the tie's primary key as table.Ref names it: "151,153".
func (t Tie) Key() string { return table.Key(t.From, t.To) }

// Data is the study's data, read from its package.
type Data struct {
	Name, Version string
	Periods       []Period
	Persons       []Person
	Ties          []Tie
	// Status names each legal status code (status_codes), when the view
	// holds it.
	Status map[int]string
}

// Needs are the resources Load reads; every output declares them.
var Needs = []string{"nodes", "relations", "periods", "status_codes"}

// Load reads the study's data from p, a package read and validated by
// datapkg.Read, whose schema has checked every type, pattern, key and
// range; Load maps rows to records and parses the printed dates.
func Load(p *datapkg.Package) (*Data, error) {
	if missing := p.Missing(Needs...); len(missing) > 0 {
		return nil, fmt.Errorf("%s: the study reads %v, and the view lacks %v: declare them as inputs", p.Descriptor, Needs, missing)
	}
	d := &Data{Name: p.Name, Version: p.Version, Status: map[int]string{}}
	t := p.Resource("periods").Table
	col, start, end := t.Field("column"), t.Field("start"), t.Field("end")
	for row := 0; row < t.Len(); row++ {
		s, _ := t.Int(row, start)
		e, _ := t.Int(row, end)
		d.Periods = append(d.Periods, Period{Column: t.Text(row, col), Start: int(s), End: int(e)})
	}
	t = p.Resource("status_codes").Table
	code, label := t.Field("code"), t.Field("label")
	for row := 0; row < t.Len(); row++ {
		c, _ := t.Int(row, code)
		d.Status[int(c)] = t.Text(row, label)
	}
	var err error
	if d.Persons, err = persons(p.Resource("nodes").Table, d.Periods); err != nil {
		return nil, err
	}
	d.Ties = ties(p.Resource("relations").Table, d.Periods)
	return d, nil
}

// periodFields returns the field index of each period's column in t.
func periodFields(t *datapkg.Table, periods []Period) ([]int, error) {
	out := make([]int, len(periods))
	for i, per := range periods {
		if out[i] = t.Field(per.Column); out[i] < 0 {
			return nil, fmt.Errorf("%s: no column %q, which periods.csv lists", t.Resource.Path, per.Column)
		}
	}
	return out, nil
}

func persons(t *datapkg.Table, periods []Period) ([]Person, error) {
	cols, err := periodFields(t, periods)
	if err != nil {
		return nil, err
	}
	id, arrest, release, death := t.Field("ID"), t.Field("Arrest_Date"), t.Field("Release_Date"), t.Field("Death_Date")
	var out []Person
	for row := 0; row < t.Len(); row++ {
		p := Person{ID: t.Text(row, id), Line: t.Line(row),
			Arrest: parseDate(t.Text(row, arrest)), Release: parseDate(t.Text(row, release)), Death: parseDate(t.Text(row, death))}
		for _, c := range cols {
			v, _ := t.Int(row, c)
			p.Status = append(p.Status, int(v))
		}
		out = append(out, p)
	}
	return out, nil
}

func ties(t *datapkg.Table, periods []Period) []Tie {
	cols, _ := periodFields(t, periods) // the schema lists every period column
	from, to, start, end, kin := t.Field("ID"), t.Field("Tie_ID"), t.Field("Tie_Year"), t.Field("Tie_Extinguish"), t.Field("Kinship")
	var out []Tie
	for row := 0; row < t.Len(); row++ {
		k, _ := t.Int(row, kin)
		tie := Tie{From: t.Text(row, from), To: t.Text(row, to), Start: t.Text(row, start), End: t.Text(row, end), Kinship: int(k), Line: t.Line(row)}
		for _, c := range cols {
			v, ok := t.Int(row, c)
			if !ok {
				v = -1
			}
			tie.Codes = append(tie.Codes, int(v))
		}
		out = append(out, tie)
	}
	return out
}

// printedDate is the nodes file's date: month/day/year, "?" for an
// unknown month or day (the schema's pattern guarantees the form).
var printedDate = regexp.MustCompile(`^(\?|[0-9]{1,2})/(\?|[0-9]{1,2})/([0-9]{4})$`)

// parseDate types a printed date as precisely as it is printed: 10/?/2002
// is 2002-10, ?/?/2003 is 2003, 11/21/2002 is 2002-11-21. A day without
// its month ("?/5/2003") gives the year alone.
func parseDate(s string) Date {
	m := printedDate.FindStringSubmatch(s)
	if m == nil {
		return Date{AsPrinted: s}
	}
	iso := m[3]
	if m[1] != "?" {
		mon, _ := strconv.Atoi(m[1])
		iso += fmt.Sprintf("-%02d", mon)
		if m[2] != "?" {
			day, _ := strconv.Atoi(m[2])
			iso += fmt.Sprintf("-%02d", day)
		}
	}
	return Date{AsPrinted: s, ISO: iso}
}
