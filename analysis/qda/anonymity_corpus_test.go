package qda

import (
	"bufio"
	"encoding/csv"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// corpusLine is one labelled line of testdata/anonymity-corpus.txt.
type corpusLine struct {
	line  int
	label string // "none", "email", "phone" or "email+phone"
	text  string
}

func readCorpus(t *testing.T) []corpusLine {
	t.Helper()
	f, err := os.Open("testdata/anonymity-corpus.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []corpusLine
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		label, text, ok := strings.Cut(l, "\t")
		if !ok {
			t.Fatalf("testdata/anonymity-corpus.txt:%d: expected LABEL<TAB>TEXT", n)
		}
		out = append(out, corpusLine{n, label, text})
	}
	return out
}

// kindsFound returns the kinds FindPersonal reports in s, as a label.
func kindsFound(s string) string {
	_, kinds := FindPersonal(s)
	var email, phone bool
	for _, k := range kinds {
		email = email || errors.Is(k, ErrEmail)
		phone = phone || errors.Is(k, ErrPhone)
	}
	switch {
	case email && phone:
		return "email+phone"
	case email:
		return "email"
	case phone:
		return "phone"
	}
	return "none"
}

// referenceLines returns the reference list of the shipped dataset, one
// reference per line, as further negatives: every DOI, page range, volume
// and year of a real bibliography.
func referenceLines(t *testing.T) []corpusLine {
	f, err := os.Open("../../datasets/ttp-alliances/v1.0.0/references.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []corpusLine
	for i, r := range recs[1:] {
		out = append(out, corpusLine{i + 2, "none", strings.Join(r, " ")})
	}
	return out
}

// TestAnonymityCorpus measures the guard on the labelled corpus and the
// dataset's reference list. A finding counts as a true positive when its
// kind is in the line's label, otherwise as a false positive; a labelled
// kind without a finding is a false negative.
//
// Thresholds: precision must be 1.0, because a validator that flags a
// DOI or a page range stops researchers from validating ordinary
// projects (issue 14: 85 such problems on one MAXQDA project), and every
// negative line is of a kind the guard promises to pass. Recall must be
// at least 0.95 per kind: the guard is a safety net before publication,
// not an anonymiser, and the positives include formats (bare 10-digit
// mobile numbers without a trunk prefix) that cannot be told from other
// numbers without context.
func TestAnonymityCorpus(t *testing.T) {
	lines := append(readCorpus(t), referenceLines(t)...)
	tp := map[string]int{}
	fn := map[string]int{}
	fp := map[string]int{}
	negatives := 0
	for _, l := range lines {
		got := kindsFound(l.text)
		if l.label == "none" {
			negatives++
		}
		for _, kind := range []string{"email", "phone"} {
			want, have := strings.Contains(l.label, kind), strings.Contains(got, kind)
			switch {
			case want && have:
				tp[kind]++
			case want:
				fn[kind]++
				t.Logf("missed %s: line %d: %s", kind, l.line, l.text)
			case have:
				fp[kind]++
				t.Errorf("false %s: line %d (%s): %s", kind, l.line, l.label, l.text)
			}
		}
	}
	for _, kind := range []string{"email", "phone"} {
		precision := float64(tp[kind]) / float64(tp[kind]+fp[kind])
		recall := float64(tp[kind]) / float64(tp[kind]+fn[kind])
		t.Logf("%s: %d lines with it, precision %.3f, recall %.3f (tp %d, fp %d, fn %d)", kind, tp[kind]+fn[kind], precision, recall, tp[kind], fp[kind], fn[kind])
		if precision < 1 {
			t.Errorf("%s: precision %.3f, want 1.0", kind, precision)
		}
		if recall < 0.95 {
			t.Errorf("%s: recall %.3f, want >= 0.95", kind, recall)
		}
	}
	t.Logf("%d lines, %d negatives", len(lines), negatives)
	if len(lines) < 200 || negatives < 100 || tp["phone"]+fn["phone"] < 50 {
		t.Errorf("corpus too small to measure: %d lines, %d negatives", len(lines), negatives)
	}
}

// legacyPhone is the phone rule before issue 14: a run of at least 9
// digits (8 after "+"), not inside a word, a GUID, an e-mail address or an
// ISO date. The new rule must still catch every phone number of the
// corpus that it caught.
func legacyPhone(s string) bool {
	masked := []byte(s)
	for _, re := range []*regexp.Regexp{emailRE, regexp.MustCompile(`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`)} {
		for _, m := range re.FindAllStringIndex(s, -1) {
			for i := m[0]; i < m[1]; i++ {
				masked[i] = 'x'
			}
		}
	}
	ms := string(masked)
	dateRE := regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}([ T][0-9:.]+)?$`)
	for _, m := range regexp.MustCompile(`\+?\(?[0-9][0-9 ().-]{5,}[0-9]`).FindAllStringIndex(ms, -1) {
		run := ms[m[0]:m[1]]
		if m[0] > 0 && isWordByte(ms[m[0]-1]) || m[1] < len(ms) && isWordByte(ms[m[1]]) || dateRE.MatchString(strings.TrimSpace(run)) {
			continue
		}
		digits := len(strings.Join(digitGroups(run), ""))
		if digits >= 9 || digits >= 8 && strings.HasPrefix(run, "+") {
			return true
		}
	}
	return false
}

func TestAnonymityKeepsLegacyRecall(t *testing.T) {
	before, after, legacyFalse := 0, 0, 0
	for _, l := range readCorpus(t) {
		old := legacyPhone(l.text)
		if !strings.Contains(l.label, "phone") {
			if old {
				legacyFalse++
			}
			continue
		}
		if old {
			before++
			if strings.Contains(kindsFound(l.text), "phone") {
				after++
			} else {
				t.Errorf("line %d: the old rule caught this phone number, the new one does not: %s", l.line, l.text)
			}
		}
	}
	t.Logf("phone numbers the old rule caught: %d, still caught: %d; negatives the old rule flagged: %d", before, after, legacyFalse)
}

// BenchmarkFindPersonal scans the corpus (dense with numbers, DOIs and
// addresses) and the transcripts of the synthetic study (ordinary
// interview text), each repeated to about 250 kB, as CheckText scans a
// transcript.
func BenchmarkFindPersonal(b *testing.B) {
	corpus, err := os.ReadFile("testdata/anonymity-corpus.txt")
	if err != nil {
		b.Fatal(err)
	}
	files, _ := filepath.Glob("../../datasets/examples/synthetic-coding/v1.1.0/sources/*.txt")
	var transcripts []byte
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		transcripts = append(transcripts, t...)
	}
	for name, raw := range map[string][]byte{"corpus": corpus, "transcripts": transcripts} {
		b.Run(name, func(b *testing.B) {
			if len(raw) == 0 {
				b.Fatal("no text")
			}
			text := strings.Repeat(string(raw), 250000/len(raw)+1)
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				FindPersonal(text)
			}
		})
	}
}

// TestDigitRunsMatchesRegexp: the hand-written scan finds what the
// regular expression it replaces finds, on the corpus and on random
// strings over digits and separators.
func TestDigitRunsMatchesRegexp(t *testing.T) {
	re := regexp.MustCompile(`\+?\(?[0-9][0-9 ()./-]{5,}[0-9]`)
	texts := []string{}
	for _, l := range readCorpus(t) {
		texts = append(texts, l.text)
	}
	r := rand.New(rand.NewPCG(1, 2))
	const alphabet = "0123456789 ()./-+xa"
	for i := 0; i < 20000; i++ {
		b := make([]byte, r.IntN(40))
		for k := range b {
			b[k] = alphabet[r.IntN(len(alphabet))]
		}
		texts = append(texts, string(b))
	}
	for _, s := range texts {
		want, got := re.FindAllStringIndex(s, -1), digitRuns(s)
		if len(want) != len(got) || len(want) > 0 && !reflect.DeepEqual(want, got) {
			t.Fatalf("%q: regexp %v, scan %v", s, want, got)
		}
	}
}
