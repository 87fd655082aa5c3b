package paper

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

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

// orReported returns a cell holding s, or a Missing cell (n.r.) when s
// is empty: the paper does not report the value.
func orReported(s string) table.Cell {
	if s == "" {
		return table.Missing()
	}
	return table.Str(s)
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
