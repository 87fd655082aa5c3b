package study

import (
	"fmt"

	"github.com/nexus-toolkit/nexus/analysis/datapkg"
)

// Load reads the dataset in dir: it validates the data package against
// its own datapackage.json first (the error is then datapkg.Problems, one
// per problem) and converts the rows into typed records. Resources the
// package lacks leave their slice empty; fields a schema lacks leave
// their record field at its zero value.
func Load(dir string) (*Study, error) {
	p, err := datapkg.Read(dir)
	if err != nil {
		return nil, err
	}
	return FromPackage(p)
}

// FromPackage converts a package that has been read and validated.
func FromPackage(p *datapkg.Package) (*Study, error) {
	s := &Study{Name: p.Name, Version: p.Version, Dir: p.Dir, Hash: Hash(p), pkg: p}
	c := &conv{p: p}
	s.Organizations = convert(c, "organizations", func(r row) Organization {
		return Organization{
			ID: r.str("id"), Name: r.str("name"), Abbreviation: r.str("abbreviation"),
			Kind: code[OrgKind](r, "kind"), Scope: code[Scope](r, "scope"), Camp: code[Camp](r, "camp"), Region: r.str("region"),
			Parent: r.str("parent"), Founded: r.date("founded"), Evidence: r.evidence(), Notes: r.str("notes"),
		}
	})
	s.Relations = convert(c, "relations", func(r row) Relation {
		return Relation{
			ID: r.str("id"), Source: r.str("source"), Target: r.str("target"), Directed: r.bool("directed"),
			TieType: code[TieType](r, "tie_type"), Moghadam: r.str("moghadam"), Basis: code[Basis](r, "basis"),
			Dimensions: r.list("dimensions"), Start: r.date("period_start"), End: r.date("period_end"),
			PeriodAsPrinted: r.str("period_as_printed"), Coding: code[Coding](r, "coding"), StatedWords: r.list("stated_words"),
			Evidence: r.evidence(), Voice: code[Voice](r, "voice"), Notes: r.str("notes"),
		}
	})
	s.Events = convert(c, "events", func(r row) Event {
		return Event{
			ID: r.str("id"), Date: r.date("date"), End: r.date("date_end"), DateQualifier: code[DateQualifier](r, "date_qualifier"),
			DateBasis: code[DateBasis](r, "date_basis"),
			Kind:      code[EventKind](r, "kind"), Title: r.str("title"), Place: r.str("place"), Actors: r.list("actors"),
			Killed: r.nint("killed"), KilledQualifier: code[CountQualifier](r, "killed_qualifier"), KilledAsPrinted: r.str("killed_as_printed"),
			Injured: r.nint("injured"), InjuredQualifier: code[CountQualifier](r, "injured_qualifier"),
			Evidence: r.evidence(), Notes: r.str("notes"),
		}
	})
	s.Themes = convert(c, "themes", func(r row) Theme {
		return Theme{
			ID: r.str("id"), Order: r.int("order"), Nexus: code[Nexus](r, "nexus"), Statement: r.str("statement"),
			Dimensions: r.list("dimensions"), Implications: r.list("implications"),
			Page: r.int("page"), Section: r.str("section"),
		}
	})
	s.Excerpts = convert(c, "excerpts", func(r row) Excerpt {
		return Excerpt{
			ID: r.str("id"), Theme: r.str("theme"), Order: r.int("order"), Text: r.str("text"),
			Attribution: r.str("attribution"), Codes: r.list("codes"), Refs: r.list("refs"),
			Page: r.int("page"), PageEnd: r.nint("page_end"), Section: r.str("section"), Notes: r.str("notes"),
		}
	})
	s.Codes = convert(c, "codes", func(r row) Code {
		return Code{
			ID: r.str("id"), Label: r.str("label"), Parent: r.str("parent"), Kind: code[CodeKind](r, "kind"),
			Description: r.str("description"), Color: r.str("color"),
		}
	})
	s.Respondents = convert(c, "respondents", func(r row) Respondent {
		return Respondent{
			Category: r.str("category"), Kind: code[RespondentKind](r, "kind"), Label: r.str("label"), N: r.nint("n"),
			Evidence: r.evidence(),
		}
	})
	s.References = convert(c, "references", func(r row) Reference {
		return Reference{
			Key: r.str("key"), Order: r.int("order"), Authors: r.str("authors"), Surnames: r.list("surnames"),
			Year: r.int("year"), DateAsPrinted: r.str("date_as_printed"), Title: r.str("title"),
			Container: r.str("container"), Volume: r.str("volume"), Issue: r.str("issue"), Pages: r.str("pages"),
			Publisher: r.str("publisher"), DOI: r.str("doi"), URL: r.str("url"), Kind: code[RefKind](r, "kind"),
			Page: r.int("page"), Notes: r.str("notes"),
		}
	})
	s.Citations = convert(c, "citations", func(r row) Citation {
		return Citation{
			ID: r.str("id"), AsPrinted: r.str("as_printed"), Form: code[CitationForm](r, "form"),
			CitedNames: r.list("cited_names"), CitedYear: r.int("cited_year"), Key: r.str("key"),
			Page: r.int("page"), Section: r.str("section"), Notes: r.str("notes"),
		}
	})
	convertPeople(c, s)
	if len(c.problems) > 0 {
		return nil, c.problems
	}
	return s, nil
}

// convertPeople converts the resources that versions from 1.1.0 on add:
// persons, presence, typology and slips, and the stated phrases of
// versions from 1.2.0 on. A package without them leaves the slices empty.
func convertPeople(c *conv, s *Study) {
	s.Persons = convert(c, "persons", func(r row) Person {
		return Person{
			ID: r.str("id"), Person: r.str("person"), Organization: r.str("organization"), Role: code[Role](r, "role"),
			Former: r.bool("former"), Coding: code[Coding](r, "coding"), StatedWords: r.list("stated_words"),
			Evidence: r.evidence(), Notes: r.str("notes"),
		}
	})
	s.Presence = convert(c, "presence", func(r row) Presence {
		return Presence{
			ID: r.str("id"), Organization: r.str("organization"), Place: r.str("place"), Kind: code[PresenceKind](r, "kind"),
			PeriodAsPrinted: r.str("period_as_printed"), Coding: code[Coding](r, "coding"), StatedWords: r.list("stated_words"),
			Evidence: r.evidence(), Notes: r.str("notes"),
		}
	})
	s.Typology = convert(c, "typology", func(r row) Type {
		return Type{
			ID: r.str("id"), Order: r.int("order"), Label: r.str("label"), Basis: code[Basis](r, "basis"),
			StatedWords: r.list("stated_words"), Evidence: r.evidence(), Example: r.str("example"),
		}
	})
	s.Slips = convert(c, "slips", func(r row) Slip {
		return Slip{
			ID: r.str("id"), Kind: code[SlipKind](r, "kind"), Page: r.int("page"), Section: r.str("section"), Quote: r.str("quote"),
			Variants: r.list("variants"), Citations: r.list("citations"), Notes: r.str("notes"),
		}
	})
	s.Phrases = convert(c, "stated_phrases", func(r row) Phrase {
		return Phrase{
			ID: r.str("id"), Relation: r.str("relation"), Person: r.str("person"), Presence: r.str("presence"),
			Field: code[PhraseField](r, "field"), Value: r.str("value"), Phrase: r.str("phrase"),
		}
	})
}

// Hash returns the digest that identifies a package's content,
// p.ContentHash(): "sha256:<hex>" of the bytes of datapackage.json
// followed by the bytes of each resource file in descriptor order.
func Hash(p *datapkg.Package) string { return p.ContentHash() }

// conv converts the tables of a package, collecting problems.
type conv struct {
	p        *datapkg.Package
	problems datapkg.Problems
}

// row reads the cells of one row by field name.
type row struct {
	c   *conv
	t   *datapkg.Table
	i   int
	idx map[string]int
}

func convert[T any](c *conv, name string, f func(row) T) []T {
	r := c.p.Resource(name)
	if r == nil || r.Table == nil {
		return nil
	}
	t := r.Table
	idx := map[string]int{}
	for i, fd := range r.Schema.Fields {
		idx[fd.Name] = i
	}
	out := make([]T, t.Len())
	for i := range out {
		out[i] = f(row{c: c, t: t, i: i, idx: idx})
	}
	return out
}

func (r row) field(name string) (int, bool) {
	i, ok := r.idx[name]
	if !ok || r.t.IsMissing(r.i, i) {
		return 0, false
	}
	return i, true
}

func (r row) str(name string) string {
	if i, ok := r.field(name); ok {
		return r.t.Text(r.i, i)
	}
	return ""
}

func (r row) int(name string) int {
	if i, ok := r.field(name); ok {
		v, _ := r.t.Int(r.i, i)
		return int(v)
	}
	return 0
}

func (r row) nint(name string) Int {
	if i, ok := r.field(name); ok {
		if v, ok := r.t.Int(r.i, i); ok {
			return Int{Value: int(v), Valid: true}
		}
	}
	return Int{}
}

func (r row) bool(name string) bool {
	if i, ok := r.field(name); ok {
		v, _ := r.t.Bool(r.i, i)
		return v
	}
	return false
}

func (r row) list(name string) []string {
	if i, ok := r.field(name); ok {
		return r.t.List(r.i, i)
	}
	return nil
}

func (r row) date(name string) Date {
	s := r.str(name)
	d, err := ParseDate(s)
	if err != nil {
		r.c.problems = append(r.c.problems, &datapkg.Problem{
			Path: r.t.Resource.File(), Line: r.t.Line(r.i), Field: name, Value: s,
			Err: fmt.Errorf("%w: want a calendar date YYYY, YYYY-MM or YYYY-MM-DD", datapkg.ErrType),
		})
	}
	return d
}

func (r row) evidence() Evidence {
	return Evidence{Page: r.int("page"), Section: r.str("section"), Quote: r.str("quote"), Refs: r.list("refs")}
}

// code returns a field's value as the enumeration type T (see enums.go);
// the schema has checked that it is one of T's values or empty.
func code[T ~string](r row, name string) T { return T(r.str(name)) }
