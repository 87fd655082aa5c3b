package bali

import (
	"slices"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/compendium"
	"github.com/nexus-toolkit/nexus/analysis/datapkg"
	"github.com/nexus-toolkit/nexus/analysis/quotes"
	"github.com/nexus-toolkit/nexus/analysis/table"
)

const dataset = "../../datasets/jjatt-bali-2002/v1.0.0"

func read(t *testing.T) (*datapkg.Package, *Data) {
	t.Helper()
	p, err := datapkg.Read(dataset)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	return p, d
}

// Every output reads exactly the resources it declares.
func TestOutputsDeclareTheirInputs(t *testing.T) {
	p, _ := read(t)
	if err := compendium.CheckInputs(p, t.TempDir()); err != nil {
		t.Error(err)
	}
}

// The counts COREnets' description.txt states (27 individuals) and the
// files' own: 316 listings, two per tie, so 158 ties; 11 periods.
func TestCounts(t *testing.T) {
	_, d := read(t)
	if len(d.Persons) != 27 || len(d.Ties) != 316 || d.Dyads() != 158 || len(d.Periods) != 11 {
		t.Errorf("%d persons, %d listings, %d dyads, %d periods; want 27, 316, 158, 11", len(d.Persons), len(d.Ties), d.Dyads(), len(d.Periods))
	}
}

// Check finds in the files exactly the slips that slips.csv records of
// the kinds it checks: neither more nor fewer.
func TestCheckFindsRecordedSlips(t *testing.T) {
	p, d := read(t)
	want, err := Recorded(p)
	if err != nil {
		t.Fatal(err)
	}
	got := Check(d)
	if !slices.Equal(got, want) {
		t.Errorf("Check finds %d slips, slips.csv records %d:\nfound:\n%v\nrecorded:\n%v", len(got), len(want), got, want)
	}
	if len(want) != 21 {
		t.Errorf("slips.csv records %d slips of the checked kinds, want 21 (6 asymmetric listings, 2 starts and 12 ends not coded, 1 death without a date)", len(want))
	}
}

// Dates are typed as precisely as printed.
func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{"10/?/2002": "2002-10", "?/?/2003": "2003", "11/21/2002": "2002-11-21", "6/14/2006": "2006-06-14", "?/5/2003": "2003", "": ""} {
		if got := parseDate(in); got.ISO != want || got.AsPrinted != in {
			t.Errorf("parseDate(%q) = %+v, want ISO %q", in, got, want)
		}
	}
}

// Degrees counted by hand in Bali1_Relations_Public_Version2.csv: person
// 524 has 10 listings (lines 185-194), all coded in 2002 and none later;
// person 590 has 2 (lines 201-202), coded in 2002 only. The tie 160-1532
// is coded 1 from one side and 2 from the other in 2002 (lines 67 and
// 235), so its link weighs 2.
func TestDegreesByHand(t *testing.T) {
	_, d := read(t)
	period := func(col string) int {
		return slices.IndexFunc(d.Periods, func(p Period) bool { return p.Column == col })
	}
	for _, c := range []struct {
		id     string
		period int
		want   int
	}{{"524", Whole, 10}, {"524", period("2002"), 10}, {"524", period("2003"), 0}, {"590", period("2002"), 2}, {"590", period("2001"), 0}} {
		g, err := d.Network(c.period)
		if err != nil {
			t.Fatal(err)
		}
		i, _ := g.Index(c.id)
		if got := len(g.Out(i)); got != c.want {
			t.Errorf("person %s, period %d: degree %d, want %d", c.id, c.period, got, c.want)
		}
	}
	g, _ := d.Network(period("2002"))
	u, _ := g.Index("160")
	v, _ := g.Index("1532")
	for _, l := range g.Links {
		if (l.U == u && l.V == v || l.U == v && l.V == u) && (l.Weight != 2 || len(l.Rows) != 2) {
			t.Errorf("160-1532 in 2002: weight %v from %d rows, want 2 from 2", l.Weight, len(l.Rows))
		}
	}
}

// Every row a cell of T1, T2 or F1's evidence names is a row of the
// package: `nexus trace` finds each one.
func TestTracesResolve(t *testing.T) {
	p, d := read(t)
	ix := quotes.NewIndex(p, nil)
	for name, fn := range map[string]func(*Data) (*table.Table, error){"T1": WholeRecord, "T2": PerPeriod, "F1": NetworkEvidence} {
		tab, err := fn(d)
		if err != nil {
			t.Fatal(err)
		}
		refs := 0
		for _, row := range tab.Rows {
			for _, c := range row {
				for _, r := range c.Sources {
					refs++
					if _, err := ix.Lookup(r); err != nil {
						t.Errorf("%s: %v", name, err)
					}
				}
			}
		}
		if refs == 0 {
			t.Errorf("%s names no rows", name)
		}
	}
}
