package bali

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/datapkg"
)

// Slip is one place where the source disagrees with itself (a row of
// slips.csv, without its note).
type Slip struct {
	Kind, Resource   string
	Line             int
	Field, AsPrinted string
	OtherLine        int    // the other listing of the tie; 0 when none
	OtherAsPrinted   string // its value
}

func (s Slip) String() string {
	return fmt.Sprintf("%s %s:%d %s=%q (other %d %q)", s.Kind, s.Resource, s.Line, s.Field, s.AsPrinted, s.OtherLine, s.OtherAsPrinted)
}

// CheckedKinds are the kinds of slip Check finds in the data; the other
// kinds of slips.csv compare the data with COREnets' documentation.
var CheckedKinds = []string{"asymmetric-tie", "start-not-coded", "end-not-coded", "status-without-date"}

var yearRange = regexp.MustCompile(`^([0-9]{4})-([0-9]{4})$`)

// Check finds, in file order, where the two files disagree with
// themselves: the two listings of a tie differing in a start year or a
// period's code (reported once, at the listing whose From has the smaller
// number); a tie whose start is a range of years within the record but
// whose first coded period comes after it; a tie extinguished in the
// record's last year that is not coded in it; a person dead in some
// period without a death date.
func Check(d *Data) []Slip {
	var out []Slip
	listing := map[[2]string]Tie{}
	for _, t := range d.Ties {
		listing[[2]string{t.From, t.To}] = t
	}
	for _, t := range d.Ties {
		other, ok := listing[[2]string{t.To, t.From}]
		if !ok || numeric(t.From, t.To) > 0 {
			continue
		}
		if t.Start != other.Start {
			out = append(out, Slip{"asymmetric-tie", "relations", t.Line, "Tie_Year", t.Start, other.Line, other.Start})
		}
		for k, per := range d.Periods {
			if t.Codes[k] != other.Codes[k] {
				out = append(out, Slip{"asymmetric-tie", "relations", t.Line, per.Column, code(t.Codes[k]), other.Line, code(other.Codes[k])})
			}
		}
	}
	first, last := d.Periods[0], d.Periods[len(d.Periods)-1]
	for _, t := range d.Ties {
		coded := -1
		for k, c := range t.Codes {
			if c >= 1 {
				coded = k
				break
			}
		}
		if m := yearRange.FindStringSubmatch(t.Start); m != nil && coded > 0 {
			if to, _ := strconv.Atoi(m[2]); to >= first.Start && d.Periods[coded].Start > to {
				out = append(out, Slip{"start-not-coded", "relations", t.Line, "Tie_Year", t.Start, 0, ""})
			}
		}
		if t.End == strconv.Itoa(last.Start) && t.Codes[len(t.Codes)-1] < 1 {
			out = append(out, Slip{"end-not-coded", "relations", t.Line, "Tie_Extinguish", t.End, 0, ""})
		}
	}
	for _, p := range d.Persons {
		for k := range d.Periods {
			if d.Status[p.Status[k]] == "dead" && p.Death.AsPrinted == "" {
				out = append(out, Slip{"status-without-date", "nodes", p.Line, "Death_Date", "", 0, ""})
				break
			}
		}
	}
	sortSlips(out)
	return out
}

func code(c int) string {
	if c < 0 {
		return ""
	}
	return strconv.Itoa(c)
}

// sortSlips orders slips as slips.csv does: by kind in CheckedKinds
// order, then line, then field.
func sortSlips(s []Slip) {
	slices.SortStableFunc(s, func(a, b Slip) int {
		if c := cmp.Compare(slices.Index(CheckedKinds, a.Kind), slices.Index(CheckedKinds, b.Kind)); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Line, b.Line); c != 0 {
			return c
		}
		return strings.Compare(a.Field, b.Field)
	})
}

// Recorded reads the slips of slips.csv whose kind Check finds, sorted as
// Check sorts its own.
func Recorded(p *datapkg.Package) ([]Slip, error) {
	r := p.Resource("slips")
	if r == nil {
		return nil, fmt.Errorf("%s: no resource slips", p.Descriptor)
	}
	t := r.Table
	f := func(name string) int { return t.Field(name) }
	checked := map[string]bool{}
	for _, k := range CheckedKinds {
		checked[k] = true
	}
	var out []Slip
	for row := 0; row < t.Len(); row++ {
		kind := t.Text(row, f("kind"))
		if !checked[kind] {
			continue
		}
		line, _ := t.Int(row, f("line"))
		other, _ := t.Int(row, f("other_line"))
		out = append(out, Slip{kind, t.Text(row, f("resource")), int(line), t.Text(row, f("field")), t.Text(row, f("as_printed")), int(other), t.Text(row, f("other_as_printed"))})
	}
	sortSlips(out)
	return out, nil
}
