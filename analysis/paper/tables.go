package paper

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/alliance"
	"github.com/nexus-toolkit/nexus/analysis/study"
	"github.com/nexus-toolkit/nexus/analysis/table"
)

var kindLabel = map[study.RespondentKind]string{
	study.Total:    "Sample",
	study.Category: "Respondent category",
	study.Sampling: "Sampling",
	study.Method:   "Method",
}

// StudyDesign is T1: the study design and sample as the methodology
// describes it. Counts the paper does not report print as "n.r.".
func StudyDesign(s *study.Study) (*table.Table, error) {
	t := table.New("Study design and sample",
		table.Column{Name: "aspect", Header: "Aspect"},
		table.Column{Name: "description", Header: "As described"},
		table.Column{Name: "n", Header: "N", Kind: table.KindNumber},
		table.Column{Name: "page", Header: "Page", Kind: table.KindNumber},
	)
	t.Label = "tbl:study-design"
	t.Caption = "Respondents, sampling and methods of the interview study."
	order := map[study.RespondentKind]int{study.Method: 0, study.Sampling: 1, study.Total: 2, study.Category: 3}
	rows := append([]study.Respondent(nil), s.Respondents...)
	sort.SliceStable(rows, func(i, j int) bool { return order[rows[i].Kind] < order[rows[j].Kind] })
	reported := 0
	for _, r := range rows {
		n := table.Missing()
		if r.N.Valid {
			n = table.Int(r.N.Value)
		}
		if r.Kind != study.Category && r.Kind != study.Total {
			n = table.Inapplicable() // a method or a sampling technique has no count
		}
		if r.Kind == study.Category && r.N.Valid {
			reported++
		}
		src := table.Ref{Resource: "respondents", Key: r.Category}
		t.Append(table.Str(kindLabel[r.Kind]), table.Str(r.Label).From(src), n.From(src), table.Int(r.Evidence.Page).From(src))
	}
	if reported == 0 {
		t.Notes = append(t.Notes, "n.r.: not reported. The paper gives the total number of respondents but not how many fall in each category. n.a.: a method or a sampling technique has no count.")
	}
	if lead, page := categoryLead(rows); lead != "" {
		t.Notes = append(t.Notes, fmt.Sprintf("The paper lists the categories after %q (p. %d): the list need not name every respondent's category.", lead, page))
	}
	return t, t.Validate()
}

// categoryLead returns the paper's words that introduce the respondent
// categories when they end in "including" ("29 respondents, including"),
// read from the quote of the first category, and that quote's page; ""
// when the paper introduces them otherwise.
func categoryLead(rows []study.Respondent) (string, int) {
	for _, r := range rows {
		if r.Kind != study.Category {
			continue
		}
		i := strings.Index(r.Evidence.Quote, r.Label)
		if i <= 0 {
			return "", 0
		}
		lead := strings.TrimSpace(r.Evidence.Quote[:i])
		if !strings.HasSuffix(lead, "including") {
			return "", 0
		}
		return lead, r.Evidence.Page
	}
	return "", 0
}

func codeLabels(s *study.Study, ids []string) string {
	labels := make([]string, 0, len(ids))
	for _, id := range ids {
		l := id
		for _, c := range s.Codes {
			if c.ID == id {
				l = c.Label
				break
			}
		}
		labels = append(labels, l)
	}
	return strings.Join(labels, "; ")
}

// NexusLabel prints a theme's nexus as the paper's subsection names it.
func NexusLabel(nexus study.Nexus) string {
	switch nexus {
	case study.NexusAQ:
		return "TTP–AQ"
	case study.NexusISKP:
		return "TTP–ISKP"
	}
	return string(nexus)
}

// Codebook is T2: each theme of the findings with its nexus, the
// cooperation dimensions and security implications coded for it, the
// number of interview excerpts printed under it and the literature its
// analysis cites.
func Codebook(s *study.Study) (*table.Table, error) {
	t := table.New("Codebook of findings",
		table.Column{Name: "theme", Header: "Theme"},
		table.Column{Name: "nexus", Header: "Nexus"},
		table.Column{Name: "statement", Header: "Finding (as stated)"},
		table.Column{Name: "dimensions", Header: "Cooperation dimensions"},
		table.Column{Name: "implications", Header: "Security implications"},
		table.Column{Name: "excerpts", Header: "Excerpts", Kind: table.KindNumber},
		table.Column{Name: "literature", Header: "Literature cited"},
		table.Column{Name: "page", Header: "Page", Kind: table.KindNumber},
	)
	t.Label = "tbl:codebook"
	t.Caption = "Themes of the thematic analysis; dimensions and implications are the compendium's coding (inferred)."
	t.Long = true
	refs := newRefIndex(s)
	themes := append([]study.Theme(nil), s.Themes...)
	sort.Slice(themes, func(i, j int) bool { return themes[i].Order < themes[j].Order })
	for _, th := range themes {
		var cited, excerpts []string
		for _, ex := range s.Excerpts {
			if ex.Theme == th.ID {
				excerpts = append(excerpts, ex.ID)
				cited = append(cited, ex.Refs...)
			}
		}
		theme := table.Ref{Resource: "themes", Key: th.ID}
		t.Append(table.Str(th.ID).From(theme), table.Str(NexusLabel(th.Nexus)).From(theme), table.Str(th.Statement).From(theme),
			table.Str(codeLabels(s, th.Dimensions)).From(theme), table.Str(codeLabels(s, th.Implications)).From(theme),
			table.Int(len(excerpts)).From(table.Refs("excerpts", excerpts...)...),
			table.Str(refs.labels(cited)).From(table.Refs("references", distinct(cited)...)...), table.Int(th.Page).From(theme))
	}
	return t, t.Validate()
}

// orgLabel prints an organization by its abbreviation, or its name.
func orgLabel(o study.Organization) string {
	if o.Abbreviation != "" {
		return o.Abbreviation
	}
	return o.Name
}

func orgIndex(s *study.Study) map[string]study.Organization {
	m := make(map[string]study.Organization, len(s.Organizations))
	for _, o := range s.Organizations {
		m[o.ID] = o
	}
	return m
}

// Dyad is every documented tie between one unordered pair of
// organizations.
type Dyad struct {
	A, B      string // organization IDs, A < B
	Relations []study.Relation
}

// Dyads groups the relations of s by unordered pair of organizations,
// sorted by pair.
func DyadsOf(s *study.Study) []Dyad {
	byPair := map[[2]string]*Dyad{}
	var keys [][2]string
	for _, r := range s.Relations {
		a, b := r.Source, r.Target
		if b < a {
			a, b = b, a
		}
		k := [2]string{a, b}
		d, ok := byPair[k]
		if !ok {
			d = &Dyad{A: a, B: b}
			byPair[k] = d
			keys = append(keys, k)
		}
		d.Relations = append(d.Relations, r)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i][0] != keys[j][0] {
			return keys[i][0] < keys[j][0]
		}
		return keys[i][1] < keys[j][1]
	})
	out := make([]Dyad, len(keys))
	for i, k := range keys {
		out[i] = *byPair[k]
	}
	return out
}

// distinct returns the distinct non-empty values, sorted.
func distinct(values []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, v := range values {
		if v != "" && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	sort.Strings(out)
	return out
}

// RowPeriod prints the period one relation gives, never more than the
// paper does: "2009" for a single dated happening (start = end),
// "2009–2014" for a span, "from 2007" when only the start is given,
// "until 2014" when only the end is, and otherwise the paper's own words
// ("After 9/11", "presently"), or "".
func RowPeriod(r study.Relation) string {
	switch {
	case !r.Start.IsZero() && !r.End.IsZero() && r.Start == r.End:
		return r.Start.String()
	case !r.Start.IsZero() && !r.End.IsZero():
		return r.Start.String() + "–" + r.End.String()
	case !r.Start.IsZero():
		return "from " + r.Start.String()
	case !r.End.IsZero():
		return "until " + r.End.String()
	}
	return r.PeriodAsPrinted
}

// Dyads is T3: the alliance dyads, one row per pair of organizations,
// with the tie types, Moghadam categories and bases of its passages, the
// cooperation dimensions named, each passage's own period, the number of
// passages and of independent sources (see alliance.Sources) and whether
// the coding is stated by the paper or inferred.
func Dyads(s *study.Study) (*table.Table, error) {
	t := table.New("Alliance dyads",
		table.Column{Name: "pair", Header: "Pair"},
		table.Column{Name: "scope", Header: "Scope"},
		table.Column{Name: "tie_types", Header: "Tie type"},
		table.Column{Name: "moghadam", Header: "Moghadam category"},
		table.Column{Name: "basis", Header: "Basis"},
		table.Column{Name: "dimensions", Header: "Dimensions"},
		table.Column{Name: "period", Header: "Period"},
		table.Column{Name: "passages", Header: "Passages", Kind: table.KindNumber},
		table.Column{Name: "sources", Header: "Sources", Kind: table.KindNumber},
		table.Column{Name: "coding", Header: "Coding"},
		table.Column{Name: "pages", Header: "Pages"},
	)
	t.Label = "tbl:dyads"
	t.Caption = "One row per pair of organizations that the paper ties together."
	t.Long = true
	t.Notes = dyadNotes
	orgs := orgIndex(s)
	for _, d := range DyadsOf(s) {
		t.Append(dyadRow(s, orgs, d)...)
	}
	return t, t.Validate()
}

// orReported returns a cell holding s, or a Missing cell (n.r.) when s
// is empty: the paper does not report the value.
func orReported(s string) table.Cell {
	if s == "" {
		return table.Missing()
	}
	return table.Str(s)
}

// dyadNotes are T3's notes: what each count and mark means.
var dyadNotes = []string{
	"Passages: distinct passages of the paper (page and quote) behind the pair; a sentence coded as two rows counts once.",
	"Sources: distinct references cited for the pair's passages, plus, for passages that cite nothing, one for the authors' own statements and one for the respondents' (versions before 1.2.0 do not record who says a passage and count all uncited passages as one).",
	"Period: each passage's own period, never joined across passages, with the number of passages that give it when not all do: a year for a single dated happening, from YEAR when the paper gives only a start, otherwise the paper's words; n.r. when no passage gives one.",
	"Moghadam category: each category coded for the pair, with the number of passages coded so when not all are, and inferred when none of them is stated; n.r. when the pair has an alliance or merger passage but the paper names no category; n.a. when Moghadam's categories do not apply to the pair's tie types.",
	"Dimensions: n.r. when the pair cooperates but the paper names no dimension; n.a. when the pair only splits, rivals or fights.",
	"Coding: stated when the paper's own words make every classification of every passage of the pair, inferred when the classification is the compendium's reading, mixed otherwise (with the share stated).",
}

// passageKey identifies one passage of the paper: rows coded from the same
// sentence share their page and quote.
func passageKey(r study.Relation) string {
	return strconv.Itoa(r.Evidence.Page) + "\x00" + r.Evidence.Quote
}

// passages returns the number of distinct passages of rels.
func passages(rels []study.Relation) int {
	seen := map[string]bool{}
	for _, r := range rels {
		seen[passageKey(r)] = true
	}
	return len(seen)
}

// moghadamTies are the tie types Moghadam's typology classifies.
var moghadamTies = map[study.TieType]bool{study.Alliance: true, study.Merger: true}

// moghadamCell prints the Moghadam categories of a pair's passages: each
// category with the share of passages coded so, marked (inferred) when
// no passage that gives it is stated; n.r. when an alliance or merger
// passage has none; n.a. when no tie type of the pair is classified.
func moghadamCell(rels []study.Relation) table.Cell {
	total := passages(rels)
	byCat := map[string][]study.Relation{}
	var cats []string
	applies := false
	for _, r := range rels {
		applies = applies || moghadamTies[r.TieType]
		if r.Moghadam == "" {
			continue
		}
		if byCat[r.Moghadam] == nil {
			cats = append(cats, r.Moghadam)
		}
		byCat[r.Moghadam] = append(byCat[r.Moghadam], r)
	}
	sort.Strings(cats)
	var parts, ids []string
	for _, c := range cats {
		rs := byCat[c]
		mark := "inferred"
		for _, r := range rs {
			ids = append(ids, r.ID)
			if r.Coding == study.Stated {
				mark = ""
			}
		}
		parts = append(parts, c+qualify(share(passages(rs), total), mark))
	}
	from := table.Refs("relations", ids...)
	switch {
	case len(parts) > 0:
		return table.Str(strings.Join(parts, "; ")).From(from...)
	case applies:
		return table.Missing().From(table.Refs("relations", relationIDs(rels)...)...)
	}
	return table.Inapplicable()
}

// periodCell prints each passage's own period (RowPeriod), distinct,
// dated ones first in date order, then the paper's words in row order,
// each with the number of passages that give it. It never joins the
// start of one passage to the end of another, so it prints no span the
// paper does not give, and never one passage's period as the pair's.
func periodCell(rels []study.Relation) table.Cell {
	total := passages(rels)
	rels = append([]study.Relation(nil), rels...)
	sort.SliceStable(rels, func(i, j int) bool {
		a, b := rels[i].Start, rels[j].Start
		if a.IsZero() || b.IsZero() {
			return !a.IsZero() && b.IsZero()
		}
		return a.Before(b)
	})
	byPeriod := map[string][]study.Relation{}
	var order, ids []string
	for _, r := range rels {
		p := RowPeriod(r)
		if p == "" {
			continue
		}
		if byPeriod[p] == nil {
			order = append(order, p)
		}
		byPeriod[p] = append(byPeriod[p], r)
		ids = append(ids, r.ID)
	}
	if len(order) == 0 {
		return table.Missing()
	}
	parts := make([]string, len(order))
	for i, p := range order {
		parts[i] = p + qualify(share(passages(byPeriod[p]), total))
	}
	return table.Str(strings.Join(parts, "; ")).From(table.Refs("relations", ids...)...)
}

// share prints "k of n passages", or "" when every passage (k = n)
// gives the value.
func share(k, n int) string {
	if k == n {
		return ""
	}
	return fmt.Sprintf("%d of %d passages", k, n)
}

// qualify prints the non-empty notes in parentheses after a value:
// " (1 of 4 passages, inferred)", or "" when there is none.
func qualify(notes ...string) string {
	if n := joinNonEmpty(", ", notes...); n != "" {
		return " (" + n + ")"
	}
	return ""
}

func relationIDs(rels []study.Relation) []string {
	ids := make([]string, len(rels))
	for i, r := range rels {
		ids[i] = r.ID
	}
	return ids
}

// dimensionsCell prints the cooperation dimensions of a pair's passages:
// n.r. when the pair cooperates (a tie type of AllianceTies) but the
// paper names no dimension, n.a. when it only splits, defects, rivals
// or fights, where dimensions of cooperation do not apply.
func dimensionsCell(s *study.Study, rels []study.Relation, dims []string) table.Cell {
	if len(dims) > 0 {
		return table.Str(codeLabels(s, distinct(dims)))
	}
	for _, r := range rels {
		if slices.Contains(AllianceTies, r.TieType) {
			return table.Missing()
		}
	}
	return table.Inapplicable()
}

// dyadRow is the row of T3 for one pair.
func dyadRow(s *study.Study, orgs map[string]study.Organization, d Dyad) []table.Cell {
	var types, basis, dims, pages []string
	stated := 0
	for _, r := range d.Relations {
		types = append(types, string(r.TieType))
		basis = append(basis, string(r.Basis))
		dims = append(dims, r.Dimensions...)
		pages = append(pages, fmt.Sprintf("%02d", r.Evidence.Page))
		if r.Coding == study.Stated {
			stated++
		}
	}
	coding := "mixed (" + strconv.Itoa(stated) + " of " + strconv.Itoa(len(d.Relations)) + " stated)"
	switch stated {
	case 0:
		coding = "inferred"
	case len(d.Relations):
		coding = "stated"
	}
	var pageList []string
	for _, p := range distinct(pages) {
		pageList = append(pageList, strings.TrimLeft(p, "0"))
	}
	a, b := orgs[d.A], orgs[d.B]
	scope := string(a.Scope)
	if b.Scope != a.Scope {
		scope = string(study.StudyScope) + "/" + string(study.ExampleScope)
	}
	rels, pair := table.Refs("relations", relationIDs(d.Relations)...), table.Refs("organizations", d.A, d.B)
	sources := alliance.RelationSources(d.Relations)
	var cited []string
	for _, k := range sources {
		if alliance.IsReference(k) {
			cited = append(cited, k)
		}
	}
	return []table.Cell{
		table.Str(orgLabel(a) + " – " + orgLabel(b)).From(pair...),
		table.Str(scope).From(pair...),
		table.Str(strings.Join(distinct(types), "; ")).From(rels...),
		moghadamCell(d.Relations),
		table.Str(strings.Join(distinct(basis), "; ")).From(rels...),
		dimensionsCell(s, d.Relations, dims).From(rels...),
		periodCell(d.Relations),
		table.Int(passages(d.Relations)).From(rels...),
		table.Int(len(sources)).From(append(rels, table.Refs("references", cited...)...)...),
		table.Str(coding).From(rels...),
		table.Str(strings.Join(pageList, ", ")).From(rels...),
	}
}

// qualified prints a casualty figure with the paper's qualifier.
func qualified(n study.Int, q study.CountQualifier) table.Cell {
	if !n.Valid {
		return table.Missing()
	}
	switch q {
	case study.MoreThan:
		return table.Str("more than " + strconv.Itoa(n.Value))
	case study.AtLeast:
		return table.Str("at least " + strconv.Itoa(n.Value))
	case study.About:
		return table.Str("about " + strconv.Itoa(n.Value))
	}
	return table.Int(n.Value)
}

// SortedEvents returns the events of s in date order (then by ID); a
// date of lower precision sorts before the more precise dates it
// contains.
func SortedEvents(s *study.Study) []study.Event {
	ev := append([]study.Event(nil), s.Events...)
	sort.SliceStable(ev, func(i, j int) bool {
		if c := ev[i].Date.Compare(ev[j].Date); c != 0 {
			return c < 0
		}
		return ev[i].ID < ev[j].ID
	})
	return ev
}

// Timeline is T5: every dated event, in date order, with the date as
// precise as the paper gives it. Casualty counts are shown for attacks;
// an attack whose toll the paper does not count prints "n.r.".
func Timeline(s *study.Study) (*table.Table, error) {
	t := table.New("Timeline of events",
		table.Column{Name: "date", Header: "Date"},
		table.Column{Name: "event", Header: "Event"},
		table.Column{Name: "kind", Header: "Kind"},
		table.Column{Name: "place", Header: "Place"},
		table.Column{Name: "actors", Header: "Actors"},
		table.Column{Name: "killed", Header: "Killed", Kind: table.KindNumber},
		table.Column{Name: "injured", Header: "Injured", Kind: table.KindNumber},
		table.Column{Name: "date_basis", Header: "Dated by"},
		table.Column{Name: "sources", Header: "Sources"},
		table.Column{Name: "page", Header: "Page", Kind: table.KindNumber},
	)
	t.Label = "tbl:timeline"
	t.Caption = "Dated events, as precise as the paper dates them."
	t.Long = true
	t.Notes = []string{"Date: as precise as the paper gives it, with its qualifier (after 2020). Killed: the paper's number with its qualifier, or its words when it gives none (several CIA operatives). Dated by: text when the paper prints the date, reference when only the date of the cited reference dates the event. n.r.: not reported by the paper. n.a.: does not apply (casualties of an event that is not an attack)."}
	orgs := orgIndex(s)
	refs := newRefIndex(s)
	for _, e := range SortedEvents(s) {
		date := e.DateLabel()
		var actors []string
		for _, a := range e.Actors {
			actors = append(actors, orgLabel(orgs[a]))
		}
		// Casualties apply to attacks only; an attack whose casualties
		// the paper does not give is n.r.
		killed, injured := table.Inapplicable(), table.Inapplicable()
		if e.Kind == study.Attack {
			killed = qualified(e.Killed, e.KilledQualifier)
			if !e.Killed.Valid && e.KilledAsPrinted != "" {
				killed = table.Str(e.KilledAsPrinted)
			}
			injured = qualified(e.Injured, e.InjuredQualifier)
		}
		ev := table.Ref{Resource: "events", Key: e.ID}
		t.Append(table.Str(date).From(ev), table.Str(e.Title).From(ev), table.Str(string(e.Kind)).From(ev), orReported(e.Place).From(ev),
			table.Str(strings.Join(actors, "; ")).From(append([]table.Ref{ev}, table.Refs("organizations", e.Actors...)...)...),
			killed.From(ev), injured.From(ev), table.Str(string(e.DateBasis)).From(ev),
			table.Str(refs.labels(e.Evidence.Refs)).From(append([]table.Ref{ev}, table.Refs("references", e.Evidence.Refs...)...)...),
			table.Int(e.Evidence.Page).From(ev))
	}
	return t, t.Validate()
}

// Citation statuses of the audit (T6).
const (
	StatusResolved       = "resolved"
	StatusAmbiguous      = "ambiguous"
	StatusAuthorMismatch = "author mismatch"
	StatusYearMismatch   = "year mismatch"
	StatusMissing        = "missing from list"
	StatusUncited        = "listed, never cited"
)

// Audit is the audit of one in-text citation, or of one listed reference
// that no citation resolves to (Citation is then the zero value).
type Audit struct {
	Citation  study.Citation
	Reference study.Reference
	Status    string
	Detail    string
}

func normName(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// AuditCitations compares every in-text citation with the reference entry
// it resolves to: the printed names against the entry's surnames (only the
// first when the citation says "et al."), and the printed year against the
// entry's year. It then lists every reference no citation resolves to.
func AuditCitations(s *study.Study) []Audit {
	cited := map[string]bool{}
	slips := slipsByCitation(s)
	ambiguous := map[string]bool{}
	for _, sl := range s.Slips {
		if sl.Kind == study.AmbiguousCitation {
			for _, c := range sl.Citations {
				ambiguous[c] = true
			}
		}
	}
	var out []Audit
	for _, c := range s.Citations {
		a := Audit{Citation: c}
		rp := s.Reference(c.Key)
		switch {
		case c.Key == "" || rp == nil:
			a.Status = StatusMissing
			a.Detail = "no entry for " + strings.Join(c.CitedNames, " & ") + " " + strconv.Itoa(c.CitedYear)
		default:
			cited[c.Key] = true
			r := *rp
			a.Reference = r
			var bad []string
			for i, n := range c.CitedNames {
				if i >= len(r.Surnames) {
					bad = append(bad, fmt.Sprintf("%q has no counterpart in the list", n))
					continue
				}
				if normName(n) != normName(r.Surnames[i]) {
					bad = append(bad, fmt.Sprintf("cited %q, listed %q", n, r.Surnames[i]))
				}
			}
			switch {
			case len(bad) > 0:
				a.Status = StatusAuthorMismatch
				a.Detail = strings.Join(bad, "; ")
			case c.CitedYear != r.Year:
				a.Status = StatusYearMismatch
				a.Detail = fmt.Sprintf("cited %d, listed %d", c.CitedYear, r.Year)
			case ambiguous[c.ID]:
				a.Status = StatusAmbiguous
			default:
				a.Status = StatusResolved
			}
		}
		a.Detail = joinNonEmpty("; ", a.Detail, slips[c.ID])
		out = append(out, a)
	}
	for _, r := range s.References {
		if !cited[r.Key] {
			out = append(out, Audit{Reference: r, Status: StatusUncited})
		}
	}
	return out
}

// slipLabel names each kind of recorded slip in the audit's detail.
var slipLabel = map[study.SlipKind]string{
	study.NameVariant:       "name printed",
	study.AmbiguousCitation: "matches listed",
	study.Abbreviation:      "abbreviation printed",
	study.NumberSlip:        "number printed",
}

// slipsByCitation describes, for each citation ID, the recorded slips
// (slips.csv) that concern it: "name printed Ely Karmon / Elli Karmon
// (s002)".
func slipsByCitation(s *study.Study) map[string]string {
	out := map[string]string{}
	for _, sl := range s.Slips {
		label := slipLabel[sl.Kind]
		if label == "" {
			label = string(sl.Kind)
		}
		d := label + " " + strings.Join(sl.Variants, " / ") + " (" + sl.ID + ")"
		for _, c := range sl.Citations {
			out[c] = joinNonEmpty("; ", out[c], d)
		}
	}
	return out
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// CitationAudit is T6: every in-text citation as resolved, with author or
// year mismatches and citations missing from the reference list, followed
// by every listed reference that is never cited.
func CitationAudit(s *study.Study) (*table.Table, error) {
	t := table.New("Citation audit",
		table.Column{Name: "citation", Header: "Citation"},
		table.Column{Name: "as_printed", Header: "As printed"},
		table.Column{Name: "page", Header: "Page", Kind: table.KindNumber},
		table.Column{Name: "reference", Header: "Reference"},
		table.Column{Name: "status", Header: "Status"},
		table.Column{Name: "detail", Header: "Detail"},
	)
	t.Label = "tbl:citation-audit"
	t.Long = true
	audits := AuditCitations(s)
	slipIDs := map[string][]string{}
	for _, sl := range s.Slips {
		for _, c := range sl.Citations {
			slipIDs[c] = append(slipIDs[c], sl.ID)
		}
	}
	counts := map[string]int{}
	for _, a := range audits {
		counts[a.Status]++
		id, printed, page := table.Str(a.Citation.ID), table.Str(a.Citation.AsPrinted), table.Int(a.Citation.Page)
		if a.Citation.ID == "" {
			id, printed, page = table.Inapplicable(), table.Inapplicable(), table.Inapplicable()
		}
		ref := table.Str(a.Reference.Key)
		if a.Reference.Key == "" {
			ref = table.Missing()
		}
		var cit, both []table.Ref
		if a.Citation.ID != "" {
			cit = []table.Ref{{Resource: "citations", Key: a.Citation.ID}}
		}
		both = append(both, cit...)
		if a.Reference.Key != "" {
			ref = ref.From(table.Ref{Resource: "references", Key: a.Reference.Key})
			both = append(both, table.Ref{Resource: "references", Key: a.Reference.Key})
		}
		detail := table.Str(a.Detail).From(both...).From(table.Refs("slips", slipIDs[a.Citation.ID]...)...)
		t.Append(id.From(cit...), printed.From(cit...), page.From(cit...), ref, table.Str(a.Status).From(both...), detail)
	}
	t.Caption = fmt.Sprintf("%d in-text citations against %d listed references: %d resolved, %d ambiguous (the printed names and year match more than one listed work), %d author mismatch, %d year mismatch, %d missing from the list; %d listed references never cited.",
		len(s.Citations), len(s.References), counts[StatusResolved], counts[StatusAmbiguous], counts[StatusAuthorMismatch],
		counts[StatusYearMismatch], counts[StatusMissing], counts[StatusUncited])
	return t, t.Validate()
}
