// Package study holds the typed records of one study: the organizations,
// relations, events, themes, excerpts, codes, respondents, references and
// citations of a dataset such as datasets/ttp-alliances/v1.0.0.
//
// Records are loaded from a Frictionless data package that has been
// validated against its own datapackage.json (see package datapkg), so a
// value that is present always has the declared type. A value the paper
// does not give is missing: strings are empty, nullable numbers are
// invalid Ints, and dates are zero Dates.
//
// Package study is the study layer over the core packages: it reads
// through datapkg and adapts its records to the core's models, such as
// the coding project of package qda (see CodingProject), so that the
// core never imports a study.
package study

import "github.com/nexus-toolkit/nexus/analysis/datapkg"

// Date is a calendar date that keeps the precision the source gives
// (datapkg.Date): a year, a year and month, or a full day.
type Date = datapkg.Date

// Precision tells how much of a Date is known (datapkg.Precision).
type Precision = datapkg.Precision

// The precisions of a Date, from none (a missing date) to a day.
const (
	PrecisionNone  = datapkg.PrecisionNone
	PrecisionYear  = datapkg.PrecisionYear
	PrecisionMonth = datapkg.PrecisionMonth
	PrecisionDay   = datapkg.PrecisionDay
)

// Int is a nullable integer: Valid is false when the value is missing.
type Int struct {
	Value int
	Valid bool
}

// Evidence locates a fact in the paper.
type Evidence struct {
	Page    int      // 1-based page of the paper
	Section string   // section heading as printed
	Quote   string   // short verbatim quote, findable with Ctrl-F
	Refs    []string // reference keys the paper cites for the fact
}

// Organization is an organization, faction, state actor, coalition or
// collective that the paper names.
type Organization struct {
	ID           string
	Name         string
	Abbreviation string
	Kind         OrgKind
	Scope        Scope
	Camp         Camp
	Region       string
	Parent       string // ID of the parent organization, or ""
	Founded      Date
	Evidence     Evidence
	Notes        string
}

// Relation is one documented tie between two organizations.
type Relation struct {
	ID              string
	Source, Target  string // organization IDs
	Directed        bool
	TieType         TieType
	Moghadam        string // Moghadam (2017) category, or ""
	Basis           Basis
	Dimensions      []string
	Start, End      Date
	PeriodAsPrinted string
	Coding          Coding
	StatedWords     []string // the paper's words that make the coding stated; each occurs in the quote
	Voice           Voice    // who says the passage; "" in versions before 1.2.0, which do not record it
	Evidence        Evidence
	Notes           string
}

// Event is one dated event.
type Event struct {
	ID               string
	Date, End        Date
	DateQualifier    DateQualifier // "" when the paper gives the date itself
	DateBasis        DateBasis
	Kind             EventKind
	Title            string
	Place            string
	Actors           []string
	Killed           Int
	KilledQualifier  CountQualifier
	KilledAsPrinted  string // the paper's words for the dead when it gives no number ("several CIA operatives")
	Injured          Int
	InjuredQualifier CountQualifier
	Evidence         Evidence
	Notes            string
}

// Theme is one finding of the thematic analysis.
type Theme struct {
	ID           string
	Order        int
	Nexus        Nexus
	Statement    string
	Dimensions   []string
	Implications []string
	Page         int
	Section      string
}

// Excerpt is one quoted interview excerpt.
type Excerpt struct {
	ID          string
	Theme       string
	Order       int
	Text        string
	Attribution string
	Codes       []string
	Refs        []string
	Page        int
	PageEnd     Int
	Section     string
	Notes       string
}

// Code is one code of the codebook.
type Code struct {
	ID          string
	Label       string
	Parent      string
	Kind        CodeKind
	Description string
	Color       string
}

// Respondent is one row of the sample's description: the total, a
// respondent category, a sampling technique or a method.
type Respondent struct {
	Category string
	Kind     RespondentKind
	Label    string
	N        Int // missing when the paper does not report it
	Evidence Evidence
}

// Reference is one entry of the reference list.
type Reference struct {
	Key           string
	Order         int
	Authors       string
	Surnames      []string
	Year          int
	DateAsPrinted string
	Title         string
	Container     string
	Volume        string
	Issue         string
	Pages         string
	Publisher     string
	DOI           string
	URL           string
	Kind          RefKind
	Page          int
	Notes         string
}

// Citation is one in-text citation as printed.
type Citation struct {
	ID         string
	AsPrinted  string
	Form       CitationForm
	CitedNames []string
	CitedYear  int
	Key        string // resolved reference key, or "" when the list has none
	Page       int
	Section    string
	Notes      string
}

// Person is one person (or unnamed set of persons) the paper names, with
// one organization it ties them to. A person's past membership or act is
// recorded here, not as a Relation between organizations.
type Person struct {
	ID           string
	Person       string // the name as printed
	Organization string // organization ID, or "" when the paper names none
	Role         Role
	Former       bool // the paper says the tie is past ("was once", "former")
	Coding       Coding
	StatedWords  []string
	Evidence     Evidence
	Notes        string
}

// Presence is one place where the paper puts an organization: a base, safe
// havens, influence, operations, lost footholds, dismantled cells.
type Presence struct {
	ID              string
	Organization    string
	Place           string // as printed
	Kind            PresenceKind
	PeriodAsPrinted string
	Coding          Coding
	StatedWords     []string
	Evidence        Evidence
	Notes           string
}

// Type is one of Moghadam's (2017) types of cooperation as the paper
// defines it, with the basis its definition states.
type Type struct {
	ID          string
	Order       int // depth of cooperation, 1 the deepest
	Label       string
	Basis       Basis
	StatedWords []string
	Evidence    Evidence // the quote is the paper's definition
	Example     string
}

// Slip is one slip of the paper that no single row's notes can carry: a
// name printed several ways, an ambiguous citation, an abbreviation or a
// number that does not match.
type Slip struct {
	ID        string
	Kind      SlipKind
	Page      int
	Section   string
	Quote     string
	Variants  []string // the forms as printed
	Citations []string // citation IDs the slip concerns
	Notes     string
}

// Phrase is one classification of a stated row and the paper's words
// that make it (stated_phrases.csv): the owner row (exactly one of
// Relation, Person and Presence), the classified field, its value (one
// code for dimensions) and the phrase, verbatim in the owner's quote.
type Phrase struct {
	ID       string
	Relation string // relations.id, or ""
	Person   string // persons.id, or ""
	Presence string // presence.id, or ""
	Field    PhraseField
	Value    string
	Phrase   string
}

// Study is every record of one dataset version.
type Study struct {
	Name    string // the package name, e.g. "ttp-alliances"
	Version string // the package version, e.g. "1.0.0"
	Dir     string // the directory it was loaded from
	Hash    string // sha256 over the datapackage.json and every resource, "sha256:<hex>"

	Organizations []Organization
	Relations     []Relation
	Events        []Event
	Themes        []Theme
	Excerpts      []Excerpt
	Codes         []Code
	Respondents   []Respondent
	References    []Reference
	Citations     []Citation
	Persons       []Person   // empty for versions before 1.1.0
	Presence      []Presence // empty for versions before 1.1.0
	Typology      []Type     // empty for versions before 1.1.0
	Slips         []Slip     // empty for versions before 1.1.0
	Phrases       []Phrase   // empty for versions before 1.2.0

	pkg *datapkg.Package // the validated package the records came from
}
