package paper

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"nexus/analysis/study"
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
	s := load(t)
	dir := t.TempDir()
	for _, o := range Outputs(s) {
		require.NoError(t, o.Make(dir), o.ID)
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
			require.NoError(t, err, "missing golden file; run go test -update")
			if !bytes.Equal(want, got) {
				t.Errorf("%s (%s) differs from %s; run go test ./analysis/paper -update if the change is intended", f, o.ID, golden)
			}
		}
	}
}

// The paper prints 29 respondents and no count per category (page 7).
func TestStudyDesignKeepsCountsMissing(t *testing.T) {
	tb := StudyDesign(load(t))
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
	assert.Equal(t, len(s.Citations), len(byStatus[StatusResolved])+len(byStatus[StatusAuthorMismatch])+len(byStatus[StatusMissing]))
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

func TestSources(t *testing.T) {
	assert.Equal(t, 0, Sources())
	assert.Equal(t, 1, Sources(nil), "an uncited passage is the paper's own claim")
	assert.Equal(t, 2, Sources([]string{"a"}, []string{"a", "b"}))
	assert.Equal(t, 3, Sources([]string{"a"}, nil, []string{"b"}, nil))
}

func TestAuthorYear(t *testing.T) {
	assert.Equal(t, "Bacon 2018", AuthorYear(study.Reference{Surnames: []string{"Bacon"}, Year: 2018}))
	assert.Equal(t, "Horowitz & Potter 2014", AuthorYear(study.Reference{Surnames: []string{"Horowitz", "Potter"}, Year: 2014}))
	assert.Equal(t, "Asal et al. 2016", AuthorYear(study.Reference{Surnames: []string{"Asal", "Park", "Rethemeyer", "Ackerman"}, Year: 2016}))
}
