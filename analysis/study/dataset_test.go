package study

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/go-gota/gota/series"

	"github.com/nexus-toolkit/nexus/analysis/datapkg"
	"github.com/nexus-toolkit/nexus/analysis/quotes"
	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// The shipped dataset (its current version and the directory of all its
// versions) and the paper it encodes.
const (
	datasetRoot = "../../datasets/ttp-alliances"
	datasetDir  = datasetRoot + "/v1.2.0"
	paperFile   = "ullah-bano-2025-ttp-regional-alliances.txt"
	pageMark    = "Vol. 3 No. 9 (September) (2025)" // the line that starts each page
	pages       = 13
	maxQuote    = 35 // words; DESIGN.md: "at most about 30 words"
)

// datasetVersions returns the directory of every version of the shipped
// dataset, in version order.
func datasetVersions(t *testing.T) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(datasetRoot, "v*", "datapackage.json"))
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, f := range m {
		dirs = append(dirs, filepath.Dir(f))
	}
	sort.Strings(dirs)
	if len(dirs) < 2 {
		t.Fatalf("found %d versions under %s, want v1.0.0 and v1.1.0 at least", len(dirs), datasetRoot)
	}
	return dirs
}

func loadDataset(t *testing.T) *Study {
	t.Helper()
	return loadDir(t, datasetDir)
}

func loadDir(t *testing.T, dir string) *Study {
	t.Helper()
	s, err := Load(dir)
	if err != nil {
		for i, p := range datapkg.AsProblems(err) {
			if i == 50 {
				break
			}
			t.Log(p)
		}
		t.Fatalf("the shipped dataset %s does not load: %v", dir, err)
	}
	return s
}

// TestDatasetLoads: every shipped version validates and converts, and
// the current one is 1.2.0 with the resources that version adds.
func TestDatasetLoads(t *testing.T) {
	for _, dir := range datasetVersions(t) {
		s := loadDir(t, dir)
		if s.Name != "ttp-alliances" || "v"+s.Version != filepath.Base(dir) {
			t.Errorf("%s: name %q version %q", dir, s.Name, s.Version)
		}
	}
	s := loadDataset(t)
	if s.Version != "1.2.0" {
		t.Errorf("current version %q, want 1.2.0", s.Version)
	}
	for name, n := range map[string]int{
		"persons": len(s.Persons), "presence": len(s.Presence), "typology": len(s.Typology), "slips": len(s.Slips),
	} {
		if n == 0 {
			t.Errorf("no %s", name)
		}
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

// readPaper returns the paper cut into its pages at the running header.
func readPaper(t *testing.T) *quotes.Paper {
	t.Helper()
	f := testenv.Paper(t, paperFile, "the quotes of every dataset version are checked against the paper")
	p, err := quotes.ReadFile(f, quotes.SplitOptions{PageMark: pageMark})
	if err != nil {
		t.Fatal(err)
	}
	if p.Pages() != pages {
		t.Fatalf("the paper splits into %d pages, want %d", p.Pages(), pages)
	}
	return p
}

// TestDatasetVerbatim: in every version of the dataset, every quote,
// theme statement, excerpt, printed citation, definition and example
// occurs verbatim (up to runs of whitespace) on the page it states
// (QuoteFields, checked by quotes.Check as `nexus quotes` does); an
// excerpt with page_end may run over the page break; a slip's variants
// occur somewhere in the paper, and the words an event prints for its
// dead occur in its quote.
func TestDatasetVerbatim(t *testing.T) {
	paper := readPaper(t)
	for _, dir := range datasetVersions(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			p, err := datapkg.Read(dir)
			if err != nil {
				t.Fatal(err)
			}
			rep := quotes.Check(p, paper, QuoteFields(p))
			for _, m := range rep.Misses {
				t.Error(m)
			}
			s := loadDir(t, dir)
			for _, e := range s.Events {
				if e.KilledAsPrinted != "" && !strings.Contains(normalize(e.Evidence.Quote), normalize(e.KilledAsPrinted)) {
					t.Errorf("events %s: killed_as_printed %q is not in the quote", e.ID, e.KilledAsPrinted)
				}
			}
			for _, sl := range s.Slips {
				for _, v := range sl.Variants {
					if paper.Find(v) == 0 {
						t.Errorf("slips %s: variant %q is nowhere in the paper", sl.ID, v)
					}
				}
			}
			t.Logf("%d texts checked against the paper", rep.Checked)
		})
	}
}

// codedRow is a row that carries a coding: its evidence, the words the
// coding rests on, and its notes.
type codedRow struct {
	what         string
	coding       Coding
	words        []string
	quote, notes string
}

func codedRows(s *Study) []codedRow {
	var rows []codedRow
	for _, r := range s.Relations {
		rows = append(rows, codedRow{"relations " + r.ID, r.Coding, r.StatedWords, r.Evidence.Quote, r.Notes})
	}
	for _, p := range s.Persons {
		rows = append(rows, codedRow{"persons " + p.ID, p.Coding, p.StatedWords, p.Evidence.Quote, p.Notes})
	}
	for _, p := range s.Presence {
		rows = append(rows, codedRow{"presence " + p.ID, p.Coding, p.StatedWords, p.Evidence.Quote, p.Notes})
	}
	for _, ty := range s.Typology {
		rows = append(rows, codedRow{"typology " + ty.ID, "stated", ty.StatedWords, ty.Evidence.Quote, ""})
	}
	return rows
}

// statedWordsProblems checks the coding rule of DESIGN.md's trust chain:
// a stated row lists the paper's words its coding rests on, and each
// phrase occurs in its quote; an inferred row lists none and gives its
// reason in notes.
func statedWordsProblems(rows []codedRow) []string {
	var bad []string
	for _, r := range rows {
		switch r.coding {
		case "stated":
			if len(r.words) == 0 {
				bad = append(bad, r.what+": coded stated with no stated_words")
			}
		case "inferred":
			if len(r.words) > 0 {
				bad = append(bad, r.what+": coded inferred but lists stated_words")
			}
			if strings.TrimSpace(r.notes) == "" {
				bad = append(bad, r.what+": coded inferred with no reason in notes")
			}
		}
		for _, w := range r.words {
			if strings.TrimSpace(w) == "" || !strings.Contains(normalize(r.quote), normalize(w)) {
				bad = append(bad, fmt.Sprintf("%s: stated_words phrase %q is not in the quote %q", r.what, w, r.quote))
			}
		}
	}
	return bad
}

// checkVersions runs check on every version of the dataset that has
// what the rule needs (has), reports each problem under the version's
// name, and fails when no version has it.
func checkVersions(t *testing.T, what string, has func(*Study) bool, check func(*Study) []string) {
	t.Helper()
	checked := 0
	for _, dir := range datasetVersions(t) {
		s := loadDir(t, dir)
		if !has(s) {
			t.Logf("%s predates %s", dir, what)
			continue
		}
		checked++
		for _, p := range check(s) {
			t.Errorf("%s: %s", filepath.Base(dir), p)
		}
	}
	if checked == 0 {
		t.Errorf("no version has %s", what)
	}
}

// hasField reports whether a study's resource declares a field.
func hasField(resource, field string) func(*Study) bool {
	return func(s *Study) bool {
		r := s.Package().Resource(resource)
		return r != nil && r.Schema.FieldIndex(field) >= 0
	}
}

// TestDatasetStatedWords: every version that has the stated_words column
// (from 1.1.0 on) follows the coding rule.
func TestDatasetStatedWords(t *testing.T) {
	checkVersions(t, "the stated_words rule", hasField("relations", "stated_words"),
		func(s *Study) []string { return statedWordsProblems(codedRows(s)) })
}

// TestStatedWordsRule: the rule catches each way a row can break it.
func TestStatedWordsRule(t *testing.T) {
	rows := []codedRow{
		{"ok stated", "stated", []string{"shelter TTP"}, "decision to shelter  TTP militants", ""},
		{"ok inferred", "inferred", nil, "close ties", "read as alliance"},
		{"no words", "stated", nil, "q", ""},
		{"not in quote", "stated", []string{"alliance"}, "close ties", ""},
		{"inferred with words", "inferred", []string{"close ties"}, "close ties", "x"},
		{"no reason", "inferred", nil, "close ties", " "},
	}
	got := statedWordsProblems(rows)
	want := []string{"no words:", "not in quote:", "inferred with words:", "no reason:"}
	if len(got) != len(want) {
		t.Fatalf("got %d problems, want %d: %q", len(got), len(want), got)
	}
	for i, w := range want {
		if !strings.HasPrefix(got[i], w) {
			t.Errorf("problem %d = %q, want prefix %q", i, got[i], w)
		}
	}
}

// TestDatasetQuoteLength: quotes are short (DESIGN.md: about 30 words).
func TestDatasetQuoteLength(t *testing.T) {
	for _, dir := range datasetVersions(t) {
		s := loadDir(t, dir)
		check := func(what, q string) {
			if n := len(strings.Fields(q)); n > maxQuote {
				t.Errorf("%s %s: quote of %d words, want at most %d: %q", filepath.Base(dir), what, n, maxQuote, q)
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
		for _, p := range s.Persons {
			check("persons "+p.ID, p.Evidence.Quote)
		}
		for _, p := range s.Presence {
			check("presence "+p.ID, p.Evidence.Quote)
		}
		for _, sl := range s.Slips {
			check("slips "+sl.ID, sl.Quote)
		}
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

// changelogSection returns the text of the "## [version]" section of a
// Keep a Changelog file, or "".
func changelogSection(doc, version string) string {
	i := strings.Index(doc, "\n## ["+version+"]")
	if i < 0 {
		return ""
	}
	sec := doc[i+1:]
	if j := strings.Index(sec[1:], "\n## ["); j >= 0 {
		sec = sec[:j+1]
	}
	return sec
}

var changelogRow = regexp.MustCompile("^- ([a-z]+) ([a-z0-9-]+): ")

// changelogRows returns, for each of the subsections Corrected, Removed
// and Added of a changelog section, the rows it lists, one per line
// "- resource key: reason", as "resource[key]".
func changelogRows(sec string) map[string]map[string]bool {
	out := map[string]map[string]bool{"Corrected": {}, "Removed": {}, "Added": {}}
	cur := ""
	for _, line := range strings.Split(sec, "\n") {
		if h, ok := strings.CutPrefix(line, "### "); ok {
			cur = strings.TrimSpace(h)
			continue
		}
		if m := changelogRow.FindStringSubmatch(line); m != nil && out[cur] != nil {
			out[cur][m[1]+"["+m[2]+"]"] = true
		}
	}
	return out
}

// TestChangelogAgreesWithDiff: for every version after the first, the
// CHANGELOG's Corrected, Removed and Added rows are exactly the rows
// `nexus diff` finds changed, removed and added, and every resource and
// field the version adds is named in its section.
func TestChangelogAgreesWithDiff(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join(datasetRoot, "CHANGELOG.md"))
	if err != nil {
		t.Fatal(err)
	}
	dirs := datasetVersions(t)
	for i := 1; i < len(dirs); i++ {
		old, err := datapkg.Read(dirs[i-1])
		if err != nil {
			t.Fatal(err)
		}
		cur, err := datapkg.Read(dirs[i])
		if err != nil {
			t.Fatal(err)
		}
		sec := changelogSection(string(doc), cur.Version)
		if sec == "" {
			t.Errorf("CHANGELOG.md has no section ## [%s]", cur.Version)
			continue
		}
		listed := changelogRows(sec)
		found := map[string]map[string]bool{"Corrected": {}, "Removed": {}, "Added": {}}
		for _, c := range datapkg.Diff(old, cur) {
			row := c.Resource + "[" + c.Key + "]"
			switch c.Kind {
			case datapkg.RowChanged:
				found["Corrected"][row] = true
			case datapkg.RowRemoved:
				found["Removed"][row] = true
			case datapkg.RowAdded:
				found["Added"][row] = true
			case datapkg.ResourceAdded:
				if !strings.Contains(sec, "`"+c.Resource+".csv`") {
					t.Errorf("[%s]: new resource %s is not named in the CHANGELOG", cur.Version, c.Resource)
				}
			case datapkg.FieldAdded:
				if !strings.Contains(sec, "`"+c.Resource+"."+c.Field+"`") {
					t.Errorf("[%s]: new field %s.%s is not named in the CHANGELOG", cur.Version, c.Resource, c.Field)
				}
			}
		}
		for _, group := range []string{"Corrected", "Removed", "Added"} {
			for row := range found[group] {
				if !listed[group][row] {
					t.Errorf("[%s] %s: nexus diff finds %s, the CHANGELOG does not list it", cur.Version, group, row)
				}
			}
			for row := range listed[group] {
				if !found[group][row] {
					t.Errorf("[%s] %s: the CHANGELOG lists %s, nexus diff does not find it", cur.Version, group, row)
				}
			}
		}
	}
}

// voiceProblems checks the voice rule of the relations (from 1.2.0 on):
// a passage is cited exactly when it carries reference keys, and a
// respondent speaks only in the findings ("Implications of ..." on pages
// 7-10), where the interview excerpts are.
func voiceProblems(rels []Relation) []string {
	var bad []string
	for _, r := range rels {
		cited := len(r.Evidence.Refs) > 0
		switch {
		case r.Voice == "":
			bad = append(bad, "relations "+r.ID+": no voice")
		case cited != (r.Voice == VoiceCited):
			bad = append(bad, fmt.Sprintf("relations %s: voice %s with refs %q (cited exactly when refs is not empty)", r.ID, r.Voice, r.Evidence.Refs))
		case r.Voice == VoiceRespondent && !(strings.HasPrefix(r.Evidence.Section, "Implications of") && r.Evidence.Page >= 7 && r.Evidence.Page <= 10):
			bad = append(bad, fmt.Sprintf("relations %s: voice respondent outside the findings (page %d, %q)", r.ID, r.Evidence.Page, r.Evidence.Section))
		}
	}
	return bad
}

// TestDatasetVoice: every version with the voice column (from 1.2.0 on)
// follows its rule.
func TestDatasetVoice(t *testing.T) {
	checkVersions(t, "the voice column", hasField("relations", "voice"),
		func(s *Study) []string { return voiceProblems(s.Relations) })
}

// TestVoiceRule: the voice rule catches each way a row can break it.
func TestVoiceRule(t *testing.T) {
	find := Evidence{Page: 8, Section: "Implications of TTP and AQ Nexus"}
	intro := Evidence{Page: 2, Section: "Introduction"}
	cite := Evidence{Page: 2, Section: "Introduction", Refs: []string{"gul2024"}}
	got := voiceProblems([]Relation{
		{ID: "ok1", Voice: VoiceRespondent, Evidence: find},
		{ID: "ok2", Voice: VoiceCited, Evidence: cite},
		{ID: "ok3", Voice: VoiceAuthors, Evidence: intro},
		{ID: "none", Evidence: intro},
		{ID: "uncited", Voice: VoiceCited, Evidence: intro},
		{ID: "refs", Voice: VoiceAuthors, Evidence: cite},
		{ID: "outside", Voice: VoiceRespondent, Evidence: intro},
	})
	want := []string{"relations none:", "relations uncited:", "relations refs:", "relations outside:"}
	if len(got) != len(want) {
		t.Fatalf("got %d problems, want %d: %q", len(got), len(want), got)
	}
	for i, w := range want {
		if !strings.HasPrefix(got[i], w) {
			t.Errorf("problem %d = %q, want prefix %q", i, got[i], w)
		}
	}
}
