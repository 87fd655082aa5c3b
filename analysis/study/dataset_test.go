package study

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/go-gota/gota/series"

	"nexus/analysis/datapkg"

	"nexus/internal/testenv"
)

// The shipped dataset and the paper it encodes.
const (
	datasetDir = "../../datasets/ttp-alliances/v1.0.0"
	paperDir   = "../../../shared/paper"
	paperFile  = "ullah-bano-2025-ttp-regional-alliances.txt"
	pageMark   = "Vol. 3 No. 9 (September) (2025)" // the line that starts each page
	pages      = 13
	maxQuote   = 35 // words; DESIGN.md: "at most about 30 words"
)

func loadDataset(t *testing.T) *Study {
	t.Helper()
	s, err := Load(datasetDir)
	if err != nil {
		for i, p := range datapkg.AsProblems(err) {
			if i == 50 {
				break
			}
			t.Log(p)
		}
		t.Fatalf("the shipped dataset does not load: %v", err)
	}
	return s
}

// TestDatasetLoads: the shipped dataset validates and converts.
func TestDatasetLoads(t *testing.T) {
	s := loadDataset(t)
	if s.Name != "ttp-alliances" || s.Version != "1.0.0" {
		t.Errorf("name %q version %q", s.Name, s.Version)
	}
	for name, n := range map[string]int{
		"organizations": len(s.Organizations), "relations": len(s.Relations), "events": len(s.Events),
		"themes": len(s.Themes), "excerpts": len(s.Excerpts), "codes": len(s.Codes),
		"respondents": len(s.Respondents), "references": len(s.References), "citations": len(s.Citations),
	} {
		if n == 0 {
			t.Errorf("no %s", name)
		}
	}
}

// TestDatasetHash: Study.Hash is sha256 over the descriptor and the
// resources in descriptor order (the documented shell recipe), and every
// declared resource hash matches its file.
func TestDatasetHash(t *testing.T) {
	s := loadDataset(t)
	h := sha256.New()
	b, _ := os.ReadFile(filepath.Join(datasetDir, "datapackage.json"))
	h.Write(b)
	for _, r := range s.Package().Resources {
		b, err := os.ReadFile(filepath.Join(datasetDir, r.Path))
		if err != nil {
			t.Fatal(err)
		}
		h.Write(b)
	}
	if want := "sha256:" + hex.EncodeToString(h.Sum(nil)); s.Hash != want {
		t.Errorf("Hash = %s, want %s", s.Hash, want)
	}
	hs, err := datapkg.Hashes(datasetDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, fh := range hs {
		switch {
		case fh.Declared == "":
			// DESIGN.md: a hash for each file (`nexus hash -w` writes them).
			t.Errorf("%s declares no hash; file has %s", fh.Path, fh.Actual)
		case !fh.OK():
			t.Errorf("%s: declared %s, file has %s", fh.Path, fh.Declared, fh.Actual)
		}
	}
}

var space = regexp.MustCompile(`\s+`)

func normalize(s string) string { return strings.TrimSpace(space.ReplaceAllString(s, " ")) }

// paperPages returns the paper split into its pages (index 1 to 13), each
// with runs of whitespace normalised and the page-start line removed.
func paperPages(t *testing.T) []string {
	t.Helper()
	testenv.File(t, paperDir, "the plain-text paper beside the clone, against which every quote is checked")
	b, err := os.ReadFile(filepath.Join(paperDir, paperFile))
	if err != nil {
		t.Fatal(err)
	}
	out := []string{""}
	var cur []string
	started := false
	for _, line := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(line) == pageMark {
			if started {
				out = append(out, normalize(strings.Join(cur, "\n")))
			}
			cur, started = cur[:0], true
			continue
		}
		cur = append(cur, line)
	}
	out = append(out, normalize(strings.Join(cur, "\n")))
	if len(out) != pages+1 {
		t.Fatalf("the paper splits into %d pages, want %d", len(out)-1, pages)
	}
	return out
}

// TestDatasetVerbatim: every quote, theme statement, excerpt and printed
// citation occurs verbatim (up to runs of whitespace) on the page it
// states; an excerpt with page_end may run over the page break.
func TestDatasetVerbatim(t *testing.T) {
	pp := paperPages(t)
	s := loadDataset(t)
	n := 0
	defer func() { t.Logf("%d texts checked against the paper", n) }()
	check := func(what, text string, page, end int) {
		t.Helper()
		n++
		if page < 1 || page > pages || end < page || end > pages {
			t.Errorf("%s: pages %d-%d out of range", what, page, end)
			return
		}
		hay := strings.Join(pp[page:end+1], " ")
		if !strings.Contains(hay, normalize(text)) {
			t.Errorf("%s: not found verbatim on page %d (to %d): %q", what, page, end, text)
		}
	}
	for _, o := range s.Organizations {
		check("organizations "+o.ID+" quote", o.Evidence.Quote, o.Evidence.Page, o.Evidence.Page)
	}
	for _, r := range s.Relations {
		check("relations "+r.ID+" quote", r.Evidence.Quote, r.Evidence.Page, r.Evidence.Page)
	}
	for _, e := range s.Events {
		check("events "+e.ID+" quote", e.Evidence.Quote, e.Evidence.Page, e.Evidence.Page)
	}
	for _, r := range s.Respondents {
		check("respondents "+r.Category+" quote", r.Evidence.Quote, r.Evidence.Page, r.Evidence.Page)
	}
	for _, th := range s.Themes {
		check("themes "+th.ID+" statement", th.Statement, th.Page, th.Page)
	}
	for _, ex := range s.Excerpts {
		end := ex.Page
		if ex.PageEnd.Valid {
			end = ex.PageEnd.Value
		}
		check("excerpts "+ex.ID+" text", ex.Text, ex.Page, end)
	}
	for _, c := range s.Citations {
		check("citations "+c.ID+" as_printed", c.AsPrinted, c.Page, c.Page)
	}
}

// TestDatasetQuoteLength: quotes are short (DESIGN.md: about 30 words).
func TestDatasetQuoteLength(t *testing.T) {
	s := loadDataset(t)
	check := func(what, q string) {
		if n := len(strings.Fields(q)); n > maxQuote {
			t.Errorf("%s: quote of %d words, want at most %d: %q", what, n, maxQuote, q)
		}
	}
	for _, o := range s.Organizations {
		check("organizations "+o.ID, o.Evidence.Quote)
	}
	for _, r := range s.Relations {
		check("relations "+r.ID, r.Evidence.Quote)
	}
	for _, e := range s.Events {
		check("events "+e.ID, e.Evidence.Quote)
	}
	for _, r := range s.Respondents {
		check("respondents "+r.Category, r.Evidence.Quote)
	}
}

// TestDatasetExcerptThemes: every excerpt belongs to a theme that exists.
func TestDatasetExcerptThemes(t *testing.T) {
	s := loadDataset(t)
	for _, ex := range s.Excerpts {
		if ex.Theme == "" || s.Theme(ex.Theme) == nil {
			t.Errorf("excerpt %s: theme %q does not exist", ex.ID, ex.Theme)
		}
	}
}

// TestDatasetCitedReferences: every reference is cited by a citation row,
// or is logged as uncited (a finding of the citation audit, not an error).
func TestDatasetCitedReferences(t *testing.T) {
	s := loadDataset(t)
	for _, r := range s.References {
		if len(s.CitationsOf(r.Key)) == 0 {
			t.Logf("reference %s is not cited in the text (uncited)", r.Key)
		}
	}
	for _, c := range s.Citations {
		if c.Key != "" && s.Reference(c.Key) == nil {
			t.Errorf("citation %s: key %q is not in the reference list", c.ID, c.Key)
		}
	}
}

// TestDatasetRespondents: the paper gives 29 respondents and their
// categories but not how many fall in each, so n is missing for every
// category (the honesty rule of DESIGN.md).
func TestDatasetRespondents(t *testing.T) {
	s := loadDataset(t)
	totals := 0
	for _, r := range s.Respondents {
		switch r.Kind {
		case "total":
			totals++
			if !r.N.Valid || r.N.Value != 29 {
				t.Errorf("total %s: n = %v, want 29", r.Category, r.N)
			}
		case "category":
			if r.N.Valid {
				t.Errorf("category %s: n = %d, but the paper does not report it", r.Category, r.N.Value)
			}
		}
	}
	if totals != 1 {
		t.Errorf("%d total rows, want 1", totals)
	}
}

// TestFrame: explicit column types, NaN only where a value is missing.
func TestFrame(t *testing.T) {
	s := loadDataset(t)
	df, err := s.Frame("events")
	if err != nil {
		t.Fatal(err)
	}
	if df.Nrow() != len(s.Events) {
		t.Errorf("%d rows, want %d", df.Nrow(), len(s.Events))
	}
	if got := df.Col("killed").Type(); got != series.Int {
		t.Errorf("killed is %v, want int", got)
	}
	if got := df.Col("id").Type(); got != series.String {
		t.Errorf("id is %v, want string", got)
	}
	killed := df.Col("killed")
	for i, e := range s.Events {
		if nan := killed.Elem(i).IsNA(); nan == e.Killed.Valid {
			t.Errorf("event %s: killed NaN %v, valid %v", e.ID, nan, e.Killed.Valid)
		}
	}
	rel, err := s.Frame("relations")
	if err != nil {
		t.Fatal(err)
	}
	if got := rel.Col("directed").Type(); got != series.Bool {
		t.Errorf("directed is %v, want bool", got)
	}
	if _, err := s.Frame("nothing"); err == nil {
		t.Error("no error for a missing resource")
	}
}

// TestLoadInvalid: Load fails with the problems of datapkg.
func TestLoadInvalid(t *testing.T) {
	dir := t.TempDir()
	ents, err := os.ReadDir(datasetDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		b, _ := os.ReadFile(filepath.Join(datasetDir, e.Name()))
		if e.Name() == "codes.csv" {
			b = []byte(strings.Replace(string(b), ",dimension,", ",dimensio,", 1))
		}
		os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644)
	}
	s, err := Load(dir)
	if s != nil || !errors.Is(err, datapkg.ErrEnum) {
		t.Fatalf("Load of a broken copy: %v, %v; want an enum problem", s, err)
	}
}

func TestLookups(t *testing.T) {
	s := loadDataset(t)
	if len(s.Organizations) > 0 {
		o := s.Organizations[0]
		if got := s.Organization(o.ID); got == nil || got.Name != o.Name {
			t.Errorf("Organization(%q) = %v", o.ID, got)
		}
	}
	if s.Organization("no-such-org") != nil || s.Reference("nobody1900") != nil {
		t.Error("lookup of a missing key is not nil")
	}
	for _, th := range s.Themes {
		for _, ex := range s.ExcerptsOf(th.ID) {
			if ex.Theme != th.ID {
				t.Errorf("ExcerptsOf(%s) gave %s", th.ID, ex.ID)
			}
		}
	}
}
