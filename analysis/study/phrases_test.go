package study

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// classified is a row whose classifications the stated rule covers: its
// coding, its quote and stated_words, and the value of each classified
// field (several for dimensions). need lists the fields every stated row
// must give a phrase for; the others (source, target) may have one.
type classified struct {
	what   string
	coding Coding
	quote  string
	words  []string
	values map[PhraseField][]string
	need   []PhraseField
}

func (c *classified) set(f PhraseField, required bool, vs ...string) {
	for _, v := range vs {
		if v == "" {
			continue
		}
		c.values[f] = append(c.values[f], v)
		if required && !slices.Contains(c.need, f) {
			c.need = append(c.need, f)
		}
	}
}

// classifiedRows returns the rows the stated rule covers, by id.
func classifiedRows(rels []Relation, persons []Person, presence []Presence) map[string]*classified {
	out := map[string]*classified{}
	add := func(id, what string, coding Coding, quote string, words []string) *classified {
		c := &classified{what: what + " " + id, coding: coding, quote: quote, words: words, values: map[PhraseField][]string{}}
		out[id] = c
		return c
	}
	for _, r := range rels {
		c := add(r.ID, "relations", r.Coding, r.Evidence.Quote, r.StatedWords)
		c.set(PhraseTieType, true, string(r.TieType))
		c.set(PhraseMoghadam, true, r.Moghadam)
		if r.Basis != UnknownBasis {
			c.set(PhraseBasis, true, string(r.Basis))
		}
		c.set(PhraseDimensions, true, r.Dimensions...)
		c.set(PhrasePeriodStart, true, r.Start.String())
		c.set(PhrasePeriodEnd, true, r.End.String())
		c.set(PhrasePeriodAsPrinted, true, r.PeriodAsPrinted)
		c.set(PhraseSource, false, r.Source)
		c.set(PhraseTarget, false, r.Target)
	}
	for _, p := range persons {
		c := add(p.ID, "persons", p.Coding, p.Evidence.Quote, p.StatedWords)
		c.set(PhraseRole, true, string(p.Role))
		if p.Former {
			c.set(PhraseFormer, true, "true")
		}
	}
	for _, p := range presence {
		c := add(p.ID, "presence", p.Coding, p.Evidence.Quote, p.StatedWords)
		c.set(PhraseKind, true, string(p.Kind))
		c.set(PhrasePeriodAsPrinted, true, p.PeriodAsPrinted)
	}
	return out
}

// phraseOwner returns the one row a phrase names, or an error.
func phraseOwner(ph Phrase) (string, error) {
	var ids []string
	for _, id := range []string{ph.Relation, ph.Person, ph.Presence} {
		if id != "" {
			ids = append(ids, id)
		}
	}
	if len(ids) != 1 {
		return "", fmt.Errorf("names %d rows (relation %q, person %q, presence %q), want exactly one", len(ids), ph.Relation, ph.Person, ph.Presence)
	}
	return ids[0], nil
}

// phraseProblems checks the stated rule per classification (DESIGN.md's
// trust chain, from dataset 1.2.0 on): every classification of a stated
// row has a phrase in stated_phrases that names the row's own value, lies
// in its quote and within one of its stated_words phrases; every
// stated_words phrase makes at least one classification; a period's
// phrase holds its year or its printed words; one phrase never makes both
// a basis and a dimension of a row; an inferred row has no phrases.
func phraseProblems(rows map[string]*classified, phrases []Phrase) []string {
	var bad []string
	badf := func(format string, a ...any) { bad = append(bad, fmt.Sprintf(format, a...)) }
	made := map[string]map[PhraseField][]string{} // row -> field -> values with a phrase
	byPhrase := map[string]map[string][]PhraseField{}
	for _, ph := range phrases {
		id, err := phraseOwner(ph)
		if err != nil {
			badf("stated_phrases %s: %v", ph.ID, err)
			continue
		}
		c := rows[id]
		if c == nil {
			badf("stated_phrases %s: row %s does not exist", ph.ID, id)
			continue
		}
		want := id + "." + string(ph.Field)
		if ph.Field == PhraseDimensions {
			want += "." + ph.Value
		}
		q := normalize(c.quote)
		p := normalize(ph.Phrase)
		switch {
		case ph.ID != want:
			badf("stated_phrases %s: id, want %s", ph.ID, want)
		case c.coding != Stated:
			badf("stated_phrases %s: %s is coded %s; only a stated row has phrases", ph.ID, c.what, c.coding)
		case !slices.Contains(c.values[ph.Field], ph.Value):
			badf("stated_phrases %s: value %q is not the %s of %s (%q)", ph.ID, ph.Value, ph.Field, c.what, c.values[ph.Field])
		case p == "" || !strings.Contains(q, p):
			badf("stated_phrases %s: phrase %q is not in the quote of %s %q", ph.ID, ph.Phrase, c.what, c.quote)
		case !slices.ContainsFunc(c.words, func(w string) bool { return strings.Contains(normalize(w), p) }):
			badf("stated_phrases %s: phrase %q lies in none of the stated_words of %s %q", ph.ID, ph.Phrase, c.what, c.words)
		case (ph.Field == PhrasePeriodStart || ph.Field == PhrasePeriodEnd) && !strings.Contains(p, ph.Value[:4]):
			badf("stated_phrases %s: phrase %q does not hold the year %s", ph.ID, ph.Phrase, ph.Value[:4])
		case ph.Field == PhrasePeriodAsPrinted && !strings.Contains(p, normalize(ph.Value)):
			badf("stated_phrases %s: phrase %q does not hold the printed period %q", ph.ID, ph.Phrase, ph.Value)
		default:
			if made[id] == nil {
				made[id], byPhrase[id] = map[PhraseField][]string{}, map[string][]PhraseField{}
			}
			made[id][ph.Field] = append(made[id][ph.Field], ph.Value)
			byPhrase[id][p] = append(byPhrase[id][p], ph.Field)
		}
	}
	ids := make([]string, 0, len(rows))
	for id := range rows {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		c := rows[id]
		if c.coding != Stated {
			continue
		}
		for _, f := range c.need {
			for _, v := range c.values[f] {
				if !slices.Contains(made[id][f], v) {
					badf("%s: stated, but no phrase makes its %s %q", c.what, f, v)
				}
			}
		}
		for _, w := range c.words {
			if !slices.ContainsFunc(keys(byPhrase[id]), func(p string) bool { return strings.Contains(normalize(w), p) }) {
				badf("%s: stated_words phrase %q makes no classification", c.what, w)
			}
		}
		for p, fs := range byPhrase[id] {
			if slices.Contains(fs, PhraseBasis) && slices.Contains(fs, PhraseDimensions) {
				badf("%s: phrase %q makes both the basis and a dimension", c.what, p)
			}
		}
	}
	return bad
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestStatedPhrases: in every version with stated_phrases (from 1.2.0
// on), every classification of every stated row names the phrase that
// makes it, and the phrases keep the rule.
func TestStatedPhrases(t *testing.T) {
	checkVersions(t, "stated_phrases", hasField("stated_phrases", "phrase"), func(s *Study) []string {
		return phraseProblems(classifiedRows(s.Relations, s.Persons, s.Presence), s.Phrases)
	})
}

// TestStatedPhrasesRule: the check catches each kind of break, one at a
// time, on a row that passes as it is.
func TestStatedPhrasesRule(t *testing.T) {
	start := Date{Year: 2009}
	base := Relation{ID: "r001", Source: "aq", Target: "ttp", TieType: Alliance, Basis: Ideological, Dimensions: []string{"dim-training"},
		Start: start, End: start, Coding: Stated, StatedWords: []string{"the ideological alliance", "joint training in 2009"},
		Evidence: Evidence{Quote: "the ideological alliance of AQ and TTP, with joint training in 2009"}}
	ok := []Phrase{
		{ID: "r001.tie_type", Relation: "r001", Field: PhraseTieType, Value: "alliance", Phrase: "alliance"},
		{ID: "r001.basis", Relation: "r001", Field: PhraseBasis, Value: "ideological", Phrase: "ideological alliance"},
		{ID: "r001.dimensions.dim-training", Relation: "r001", Field: PhraseDimensions, Value: "dim-training", Phrase: "joint training"},
		{ID: "r001.period_start", Relation: "r001", Field: PhrasePeriodStart, Value: "2009", Phrase: "in 2009"},
		{ID: "r001.period_end", Relation: "r001", Field: PhrasePeriodEnd, Value: "2009", Phrase: "in 2009"},
	}
	person := Person{ID: "p001", Role: Leader, Former: true, Coding: Stated, StatedWords: []string{"once led"}, Evidence: Evidence{Quote: "he once led it"}}
	personOK := []Phrase{
		{ID: "p001.role", Person: "p001", Field: PhraseRole, Value: "leader", Phrase: "led"},
		{ID: "p001.former", Person: "p001", Field: PhraseFormer, Value: "true", Phrase: "once"},
	}
	run := func(rel Relation, phrases []Phrase) []string {
		return phraseProblems(classifiedRows([]Relation{rel}, []Person{person}, nil), append(slices.Clone(personOK), phrases...))
	}
	if got := run(base, ok); len(got) != 0 {
		t.Fatalf("the sound row gives problems: %q", got)
	}
	with := func(i int, f func(*Phrase)) []Phrase {
		out := slices.Clone(ok)
		f(&out[i])
		return out
	}
	inferred := base
	inferred.Coding, inferred.StatedWords = Inferred, nil
	moreDims := base
	moreDims.Dimensions = []string{"dim-training", "dim-ideology"}
	extraWords := base
	extraWords.StatedWords = append(slices.Clone(base.StatedWords), "AQ and TTP")
	for _, tc := range []struct {
		name    string
		rel     Relation
		phrases []Phrase
		want    string
	}{
		{"a classification without a phrase", base, slices.Delete(slices.Clone(ok), 1, 2), `relations r001: stated, but no phrase makes its basis "ideological"`},
		{"a dimension without a phrase", moreDims, ok, `relations r001: stated, but no phrase makes its dimensions "dim-ideology"`},
		{"a phrase not in the quote", base, with(0, func(p *Phrase) { p.Phrase = "partnership" }), `stated_phrases r001.tie_type: phrase "partnership" is not in the quote`},
		{"a value that is not the row's", base, with(0, func(p *Phrase) { p.Value = "merger" }), `stated_phrases r001.tie_type: value "merger" is not the tie_type`},
		{"a phrase outside stated_words", base, with(0, func(p *Phrase) { p.Phrase = "of AQ" }), `stated_phrases r001.tie_type: phrase "of AQ" lies in none of the stated_words`},
		{"a period phrase without its year", base, with(3, func(p *Phrase) { p.Phrase = "joint training" }), `stated_phrases r001.period_start: phrase "joint training" does not hold the year 2009`},
		{"one phrase for basis and dimension", base, with(2, func(p *Phrase) { p.Phrase = "ideological alliance" }), `relations r001: phrase "ideological alliance" makes both the basis and a dimension`},
		{"a stated_words phrase that makes nothing", extraWords, ok, `relations r001: stated_words phrase "AQ and TTP" makes no classification`},
		{"a phrase of an inferred row", inferred, ok[:1], `stated_phrases r001.tie_type: relations r001 is coded inferred`},
		{"a wrong id", base, with(2, func(p *Phrase) { p.ID = "r001.dimensions" }), `stated_phrases r001.dimensions: id, want r001.dimensions.dim-training`},
		{"two owners", base, with(0, func(p *Phrase) { p.Person = "p001" }), `stated_phrases r001.tie_type: names 2 rows`},
		{"no such row", base, with(0, func(p *Phrase) { p.Relation = "r999" }), `stated_phrases r001.tie_type: row r999 does not exist`},
	} {
		got := run(tc.rel, tc.phrases)
		if !slices.ContainsFunc(got, func(p string) bool { return strings.HasPrefix(p, tc.want) }) {
			t.Errorf("%s: problems %q, want one starting %q", tc.name, got, tc.want)
		}
	}
	brokenPerson := slices.Clone(personOK)[:1]
	if got := phraseProblems(classifiedRows(nil, []Person{person}, nil), brokenPerson); !slices.Contains(got, `persons p001: stated, but no phrase makes its former "true"`) {
		t.Errorf("a former tie without a phrase: problems %q", got)
	}
}
