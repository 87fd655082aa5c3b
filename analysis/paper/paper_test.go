package paper

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/nexus-toolkit/nexus/analysis/build"
	"github.com/nexus-toolkit/nexus/analysis/compendium"
	"github.com/nexus-toolkit/nexus/analysis/datapkg"
	"github.com/nexus-toolkit/nexus/analysis/study"
	"github.com/nexus-toolkit/nexus/analysis/table"
	"github.com/nexus-toolkit/nexus/internal/testenv"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

const datasetDir = "../../datasets/ttp-alliances/v1.1.0"

var (
	loadOnce sync.Once
	loaded   *study.Study
	loadErr  error
)

func load(t testing.TB) *study.Study {
	t.Helper()
	loadOnce.Do(func() { loaded, loadErr = study.Load(datasetDir) })
	require.NoError(t, loadErr)
	return loaded
}

// TestGolden builds every output of the shipped dataset and compares each
// file with testdata/<file>.golden. Run with -update to accept a change.
func TestGolden(t *testing.T) {
	outs, _, err := compendium.Outputs(datasetDir)
	require.NoError(t, err)
	dir := t.TempDir()
	require.NoError(t, build.Run(outs, dir))
	for _, o := range outs {
		for _, f := range o.Files() {
			got, err := os.ReadFile(filepath.Join(dir, f))
			require.NoError(t, err)
			golden := filepath.Join("testdata", f+".golden")
			if *update {
				require.NoError(t, os.MkdirAll("testdata", 0o755))
				require.NoError(t, os.WriteFile(golden, got, 0o644))
				continue
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "missing golden file; run go test ./analysis/paper -update")
			if !bytes.Equal(want, got) {
				t.Errorf("%s (%s) differs from %s; run go test ./analysis/paper -update if the change is intended", f, o.ID, golden)
			}
		}
	}
}

// The paper prints 29 respondents and no count per category (page 7).
func TestStudyDesignKeepsCountsMissing(t *testing.T) {
	tb, err := StudyDesign(load(t))
	require.NoError(t, err)
	total, missing := 0, 0
	for _, r := range tb.Rows {
		switch r[0].Value {
		case "Sample":
			assert.Equal(t, "29", r[2].Value)
			total++
		case "Respondent category":
			assert.True(t, r[2].Missing, "category %q must be n.r.", r[1].Value)
			missing++
		}
	}
	assert.Equal(t, 1, total)
	assert.Equal(t, 5, missing, "the paper names five respondent categories")
}

// T1 keeps the paper's words of page 7: the methods begin with
// "qualitative methods" (from dataset v1.2.0, which records them), and
// the categories follow "29 respondents, including", so the table says
// the list need not be complete (every version quotes that sentence).
func TestStudyDesignKeepsThePapersWords(t *testing.T) {
	for _, v := range []string{"v1.1.0", "v1.2.0"} {
		s, err := study.Load("../../datasets/ttp-alliances/" + v)
		require.NoError(t, err)
		tb, err := StudyDesign(s)
		require.NoError(t, err)
		methods := []string{}
		for _, r := range tb.Rows {
			if r[0].Value == "Method" {
				methods = append(methods, r[1].Value)
			}
		}
		if v == "v1.2.0" {
			assert.Contains(t, methods, "qualitative methods", v)
		}
		found := false
		for _, n := range tb.Notes {
			found = found || strings.Contains(n, `"29 respondents, including"`)
		}
		assert.True(t, found, "%s: no note keeps the paper's \"including\": %q", v, tb.Notes)
	}
	rows := []study.Respondent{{Kind: study.Category, Label: "elders", Evidence: study.Evidence{Quote: "29 respondents: elders", Page: 7}}}
	lead, _ := categoryLead(rows)
	assert.Empty(t, lead, "a list not introduced by \"including\" gets no note")
}

// Facts a reader of the paper can check by hand (pages 1-13):
//   - "Phillips (2014, 2019)" (p. 3) cites a 2019 work the list lacks;
//   - the text prints "Akhtar & Ahmad" twice (pp. 4) where the list
//     prints "Ahmed", and "Gul, 2019" (p. 6) where the list prints "Gull";
//   - "(BBC, 2018)" (p. 6) cites an entry the list files under its title.
func TestAuditFindsThePapersSlips(t *testing.T) {
	s := load(t)
	byStatus := map[string][]Audit{}
	for _, a := range AuditCitations(s) {
		byStatus[a.Status] = append(byStatus[a.Status], a)
	}
	require.Len(t, byStatus[StatusMissing], 1)
	assert.Equal(t, 2019, byStatus[StatusMissing][0].Citation.CitedYear)
	assert.Equal(t, []string{"Phillips"}, byStatus[StatusMissing][0].Citation.CitedNames)
	var mism []string
	for _, a := range byStatus[StatusAuthorMismatch] {
		mism = append(mism, a.Reference.Key)
	}
	assert.ElementsMatch(t, []string{"akhtar-ahmed2023", "akhtar-ahmed2023", "gull2019", "bbc2018"}, mism)
	assert.Empty(t, byStatus[StatusYearMismatch])
	// "(Khan, 2025)" (c036) matches two listed works (slip s003):
	// ambiguous, not resolved.
	require.Len(t, byStatus[StatusAmbiguous], 1)
	assert.Equal(t, "c036", byStatus[StatusAmbiguous][0].Citation.ID)
	assert.Equal(t, len(s.Citations), len(byStatus[StatusResolved])+len(byStatus[StatusAmbiguous])+len(byStatus[StatusAuthorMismatch])+len(byStatus[StatusMissing]))
}

func TestAuditDetectsYearMismatch(t *testing.T) {
	s := &study.Study{
		References: []study.Reference{{Key: "a2000", Surnames: []string{"Able"}, Year: 2000}},
		Citations: []study.Citation{
			{ID: "c1", CitedNames: []string{"Able"}, CitedYear: 2001, Key: "a2000"},
			{ID: "c2", CitedNames: []string{"Able"}, CitedYear: 2000, Key: "a2000"},
		},
	}
	got := AuditCitations(s)
	require.Len(t, got, 2)
	assert.Equal(t, StatusYearMismatch, got[0].Status)
	assert.Equal(t, "cited 2001, listed 2000", got[0].Detail)
	assert.Equal(t, StatusResolved, got[1].Status)
}

// TestRefLabels: the tables label references with bib.AuthorYear,
// sorted and de-duplicated; unknown keys print as they are.
func TestRefLabels(t *testing.T) {
	ix := newRefIndex(&study.Study{References: []study.Reference{
		{Key: "bacon2018", Surnames: []string{"Bacon"}, Year: 2018},
		{Key: "horowitz-potter2014", Surnames: []string{"Horowitz", "Potter"}, Year: 2014},
		{Key: "asal2016", Surnames: []string{"Asal", "Park", "Rethemeyer", "Ackerman"}, Year: 2016},
	}})
	assert.Equal(t, "Asal et al. 2016; Bacon 2018; Horowitz & Potter 2014; nobody2020",
		ix.labels([]string{"horowitz-potter2014", "bacon2018", "nobody2020", "asal2016", "bacon2018"}))
}

// T3 prints each passage's own period and never a span across passages:
// the paper dates the Pakistan–TTP operations (2009, 2014) but gives the
// conflict no start or end (page 4), and dates the Chapman attack 2009
// (page 5).
func TestPeriodNeverSpansPassages(t *testing.T) {
	rel := func(start, end int, printed string, page int) study.Relation {
		return study.Relation{Start: study.Date{Year: start}, End: study.Date{Year: end}, PeriodAsPrinted: printed,
			Evidence: study.Evidence{Page: page, Quote: "q"}}
	}
	assert.Equal(t, "2009 (1 of 4 passages); from 2021 (1 of 4 passages); presently (1 of 4 passages)", periodCell([]study.Relation{
		rel(0, 0, "presently", 1), rel(2021, 0, "", 2), rel(2009, 2009, "", 3), rel(0, 0, "", 4),
	}).Value)
	assert.Equal(t, "2009–2014 (1 of 2 passages); until 2020 (1 of 2 passages)", periodCell([]study.Relation{rel(2009, 2014, "", 1), rel(0, 2020, "", 2)}).Value)
	// Two rows coded from one sentence are one passage.
	assert.Equal(t, "2009", periodCell([]study.Relation{rel(2009, 2009, "", 5), rel(2009, 2009, "", 5)}).Value)
	assert.True(t, periodCell([]study.Relation{rel(0, 0, "", 1)}).Missing)
	for _, r := range load(t).Relations {
		if r.ID == "r022" {
			assert.Empty(t, RowPeriod(r), "r022: the paper gives the conflict no period")
		}
	}
	tb, err := Dyads(load(t))
	require.NoError(t, err)
	for _, row := range tb.Rows {
		if row[0].Value == "CIA – TTP" {
			assert.Equal(t, "2009", row[6].Value)
		}
		assert.NotContains(t, row[6].Value, "2009–2014")
	}
}

// T5 keeps the paper's qualifiers: "after 2020" (page 4) and "several CIA
// operatives" (page 5).
func TestTimelineKeepsQualifiers(t *testing.T) {
	tb, err := Timeline(load(t))
	require.NoError(t, err)
	var dates, killed []string
	for _, row := range tb.Rows {
		dates = append(dates, row[0].Value)
		killed = append(killed, row[5].Value)
	}
	assert.Contains(t, dates, "after 2020")
	assert.NotContains(t, dates, "2020")
	assert.Contains(t, killed, "several CIA operatives")
}

// T6 shows the name-variant slips in its detail column: Karmon's first
// name (pages 3 and 9) and al-Baghdadi (page 5).
func TestCitationAuditShowsSlips(t *testing.T) {
	details := map[string]string{}
	for _, a := range AuditCitations(load(t)) {
		details[a.Citation.ID] = a.Detail
	}
	assert.Contains(t, details["c019"], "Ely Karmon / Elli Karmon")
	assert.Contains(t, details["c061"], "Ely Karmon / Elli Karmon")
	assert.Contains(t, details["c041"], "Abu Bakr-al-Baghdadi")
	assert.Contains(t, details["c036"], "Khan, R. (2025, January 7)")
}

// TestTraceCounts: a cell that counts rows names exactly the rows it
// counts, so the trace and the number cannot disagree.
func TestTraceCounts(t *testing.T) {
	s := load(t)
	check := func(tb *table.Table, col string) {
		t.Helper()
		j := -1
		for i, c := range tb.Columns {
			if c.Name == col {
				j = i
			}
		}
		if j < 0 {
			t.Fatalf("%s: no column %s", tb.Title, col)
		}
		for i, r := range tb.Rows {
			n, err := strconv.Atoi(r[j].Value)
			if err != nil {
				t.Fatalf("%s row %d: %s = %q", tb.Title, i+1, col, r[j].Value)
			}
			if n != len(r[j].Sources) {
				t.Errorf("%s row %d: %s = %d but the cell names %d rows: %v", tb.Title, i+1, col, n, len(r[j].Sources), r[j].Sources)
			}
		}
	}
	dy, err := Dyads(s)
	require.NoError(t, err)
	// T3's passages count the distinct passages (page and quote) of the
	// rows the cell names: two rows coded from one sentence are one.
	byID := map[string]study.Relation{}
	for _, r := range s.Relations {
		byID[r.ID] = r
	}
	for i, r := range dy.Rows {
		c := r[7]
		var rels []study.Relation
		for _, src := range c.Sources {
			rels = append(rels, byID[src.Key])
		}
		if n, _ := strconv.Atoi(c.Value); n != passages(rels) || n == 0 || n > len(rels) {
			t.Errorf("Alliance dyads row %d: passages = %s, the cell's %d rows are %d passages", i+1, c.Value, len(rels), passages(rels))
		}
	}
	cb, err := Codebook(s)
	require.NoError(t, err)
	check(cb, "excerpts")
	cooc, err := Cooccurrence(s)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []string{"excerpts_both", "excerpts_a", "excerpts_b"} {
		check(cooc, c)
	}
	rob, err := RobustnessTable(s)
	if err != nil {
		t.Fatal(err)
	}
	check(rob, "ties_removed")
	// Degree counts links, not rows: a node's rows are at least its degree.
	nm, err := NetworkMeasures(s)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range nm.Rows {
		if d, _ := strconv.Atoi(r[2].Value); len(r[2].Sources) < d {
			t.Errorf("T4 row %d: degree %d from %d rows", i+1, d, len(r[2].Sources))
		}
	}
}

// TestInputsAreWhatOutputsRead makes every output of each version of the
// paper's data (every version under datasets/ttp-alliances) from the
// whole package and from its declared inputs alone
// (compendium.CheckInputs): the two must be byte-identical, so no output
// reads a resource its make rule does not depend on. T6 reads slips.csv
// from 1.1.0 on, and says so.
func TestInputsAreWhatOutputsRead(t *testing.T) {
	testenv.Short(t, "builds every output of every version twice")
	dirs, _ := filepath.Glob("../../datasets/ttp-alliances/v*")
	require.NotEmpty(t, dirs)
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Parallel()
			p, err := datapkg.Read(dir)
			require.NoError(t, err)
			require.NoError(t, compendium.CheckInputs(p, t.TempDir()))
		})
	}
}

// TestRankStabilityAxes: F5 labels every rank from 1, and draws no three
// identical rows (a run of equal ranks and ranges is one counted row).
func TestRankStabilityAxes(t *testing.T) {
	p, err := RankStability(load(t))
	require.NoError(t, err)
	ticks := p.X.Tick.Marker.Ticks(p.X.Min, p.X.Max)
	require.NotEmpty(t, ticks)
	assert.Equal(t, 1.0, ticks[0].Value)
	assert.Equal(t, "1", ticks[0].Label, "rank 1 has a tick label")
	for _, tk := range ticks {
		assert.Equal(t, tk.Value, float64(int(tk.Value)), "ticks are whole ranks")
	}
	rr, names, _, _, err := rankRows(load(t))
	require.NoError(t, err)
	require.NotEmpty(t, rr.base)
	require.Len(t, names, len(rr.base))
	for i := 2; i < len(rr.base); i++ {
		same := func(a, b int) bool { return rr.lo[a] == rr.lo[b] && rr.hi[a] == rr.hi[b] && rr.base[a] == rr.base[b] }
		assert.False(t, same(i, i-1) && same(i-1, i-2), "rows %d-%d are identical", i-2, i)
	}
}
