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
			ID: r.Str("id"), Name: r.Str("name"), Abbreviation: r.Str("abbreviation"),
			Kind: code[OrgKind](r, "kind"), Scope: code[Scope](r, "scope"), Camp: code[Camp](r, "camp"), Region: r.Str("region"),
			Parent: r.Str("parent"), Founded: r.date("founded"), Evidence: r.evidence(), Notes: r.Str("notes"),
		}
	})
	s.Relations = convert(c, "relations", func(r row) Relation {
		return Relation{
			ID: r.Str("id"), Source: r.Str("source"), Target: r.Str("target"), Directed: r.Bool("directed"),
			TieType: code[TieType](r, "tie_type"), Moghadam: r.Str("moghadam"), Basis: code[Basis](r, "basis"),
			Dimensions: r.List("dimensions"), Start: r.date("period_start"), End: r.date("period_end"),
			PeriodAsPrinted: r.Str("period_as_printed"), Coding: code[Coding](r, "coding"), StatedWords: r.List("stated_words"),
			Evidence: r.evidence(), Voice: code[Voice](r, "voice"), Notes: r.Str("notes"),
		}
	})
	s.Events = convert(c, "events", func(r row) Event {
		return Event{
			ID: r.Str("id"), Date: r.date("date"), End: r.date("date_end"), DateQualifier: code[DateQualifier](r, "date_qualifier"),
			DateBasis: code[DateBasis](r, "date_basis"),
			Kind:      code[EventKind](r, "kind"), Title: r.Str("title"), Place: r.Str("place"), Actors: r.List("actors"),
			Killed: r.nint("killed"), KilledQualifier: code[CountQualifier](r, "killed_qualifier"), KilledAsPrinted: r.Str("killed_as_printed"),
			Injured: r.nint("injured"), InjuredQualifier: code[CountQualifier](r, "injured_qualifier"),
			Evidence: r.evidence(), Notes: r.Str("notes"),
		}
	})
	s.Themes = convert(c, "themes", func(r row) Theme {
		return Theme{
			ID: r.Str("id"), Order: r.Int("order"), Nexus: code[Nexus](r, "nexus"), Statement: r.Str("statement"),
			Dimensions: r.List("dimensions"), Implications: r.List("implications"),
			Page: r.Int("page"), Section: r.Str("section"),
		}
	})
	s.Excerpts = convert(c, "excerpts", func(r row) Excerpt {
		return Excerpt{
			ID: r.Str("id"), Theme: r.Str("theme"), Order: r.Int("order"), Text: r.Str("text"),
			Attribution: r.Str("attribution"), Codes: r.List("codes"), Refs: r.List("refs"),
			Page: r.Int("page"), PageEnd: r.nint("page_end"), Section: r.Str("section"), Notes: r.Str("notes"),
		}
	})
	s.Codes = convert(c, "codes", func(r row) Code {
		return Code{
			ID: r.Str("id"), Label: r.Str("label"), Parent: r.Str("parent"), Kind: code[CodeKind](r, "kind"),
			Description: r.Str("description"), Color: r.Str("color"),
		}
	})
	s.Respondents = convert(c, "respondents", func(r row) Respondent {
		return Respondent{
			Category: r.Str("category"), Kind: code[RespondentKind](r, "kind"), Label: r.Str("label"), N: r.nint("n"),
			Evidence: r.evidence(),
		}
	})
	s.References = convert(c, "references", func(r row) Reference {
		return Reference{
			Key: r.Str("key"), Order: r.Int("order"), Authors: r.Str("authors"), Surnames: r.List("surnames"),
			Year: r.Int("year"), DateAsPrinted: r.Str("date_as_printed"), Title: r.Str("title"),
			Container: r.Str("container"), Volume: r.Str("volume"), Issue: r.Str("issue"), Pages: r.Str("pages"),
			Publisher: r.Str("publisher"), DOI: r.Str("doi"), URL: r.Str("url"), Kind: code[RefKind](r, "kind"),
			Page: r.Int("page"), Notes: r.Str("notes"),
		}
	})
	s.Citations = convert(c, "citations", func(r row) Citation {
		return Citation{
			ID: r.Str("id"), AsPrinted: r.Str("as_printed"), Form: code[CitationForm](r, "form"),
			CitedNames: r.List("cited_names"), CitedYear: r.Int("cited_year"), Key: r.Str("key"),
			Page: r.Int("page"), Section: r.Str("section"), Notes: r.Str("notes"),
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
			ID: r.Str("id"), Person: r.Str("person"), Organization: r.Str("organization"), Role: code[Role](r, "role"),
			Former: r.Bool("former"), Coding: code[Coding](r, "coding"), StatedWords: r.List("stated_words"),
			Evidence: r.evidence(), Notes: r.Str("notes"),
		}
	})
	s.Presence = convert(c, "presence", func(r row) Presence {
		return Presence{
			ID: r.Str("id"), Organization: r.Str("organization"), Place: r.Str("place"), Kind: code[PresenceKind](r, "kind"),
			PeriodAsPrinted: r.Str("period_as_printed"), Coding: code[Coding](r, "coding"), StatedWords: r.List("stated_words"),
			Evidence: r.evidence(), Notes: r.Str("notes"),
		}
	})
	s.Typology = convert(c, "typology", func(r row) Type {
		return Type{
			ID: r.Str("id"), Order: r.Int("order"), Label: r.Str("label"), Basis: code[Basis](r, "basis"),
			StatedWords: r.List("stated_words"), Evidence: r.evidence(), Example: r.Str("example"),
		}
	})
	s.Slips = convert(c, "slips", func(r row) Slip {
		return Slip{
			ID: r.Str("id"), Kind: code[SlipKind](r, "kind"), Page: r.Int("page"), Section: r.Str("section"), Quote: r.Str("quote"),
			Variants: r.List("variants"), Citations: r.List("citations"), Notes: r.Str("notes"),
		}
	})
	s.Phrases = convert(c, "stated_phrases", func(r row) Phrase {
		return Phrase{
			ID: r.Str("id"), Relation: r.Str("relation"), Person: r.Str("person"), Presence: r.Str("presence"),
			Field: code[PhraseField](r, "field"), Value: r.Str("value"), Phrase: r.Str("phrase"),
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

// row reads the cells of one row by field name (datapkg.Row), with the
// conversion's problems.
type row struct {
	datapkg.Row
	c *conv
}

func convert[T any](c *conv, name string, f func(row) T) []T {
	rows := datapkg.Rows(c.p.Resource(name))
	if rows == nil {
		return nil
	}
	out := make([]T, len(rows))
	for i, r := range rows {
		out[i] = f(row{Row: r, c: c})
	}
	return out
}

func (r row) nint(name string) Int {
	v, ok := r.NInt(name)
	return Int{Value: v, Valid: ok}
}

func (r row) date(name string) Date {
	s := r.Str(name)
	d, err := datapkg.ParseDate(s)
	if err != nil {
		r.c.problems = append(r.c.problems, &datapkg.Problem{
			Path: r.File(), Line: r.Line(), Field: name, Value: s,
			Err: fmt.Errorf("%w: want a calendar date YYYY, YYYY-MM or YYYY-MM-DD", datapkg.ErrType),
		})
	}
	return d
}

func (r row) evidence() Evidence {
	return Evidence{Page: r.Int("page"), Section: r.Str("section"), Quote: r.Str("quote"), Refs: r.List("refs")}
}

// code returns a field's value as the enumeration type T (see enums.go);
// the schema has checked that it is one of T's values or empty.
func code[T ~string](r row, name string) T { return T(r.Str(name)) }
