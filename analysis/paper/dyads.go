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
