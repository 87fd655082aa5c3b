// Package study holds the typed records of one study: the organizations,
// relations, events, themes, excerpts, codes, respondents, references and
// citations of a dataset such as datasets/ttp-alliances/v1.0.0.
//
// Records are loaded from a Frictionless data package that has been
// validated against its own datapackage.json (see package datapkg), so a
// value that is present always has the declared type. A value the paper
// does not give is missing: strings are empty, nullable numbers are
// invalid Ints, and dates are zero Dates.
package study

import "nexus/analysis/datapkg"

// Date is a calendar date that keeps the precision the source gives:
// a year, a year and month, or a full day.
type Date struct {
	Year  int
	Month int // 0 when the precision is PrecisionYear
	Day   int // 0 unless the precision is PrecisionDay
}

// Precision tells how much of a Date is known.
type Precision int

// The precisions of a Date, from none (a missing date) to a day.
const (
	PrecisionNone Precision = iota
	PrecisionYear
	PrecisionMonth
	PrecisionDay
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
	Kind         string // militant-group, faction, coalition, ...
	Scope        string // "study" or "example"
	Camp         string // aq, is, ttp, taliban, state, other
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
	TieType         string // alliance, affiliation, merger, split, pledge, ...
	Moghadam        string // Moghadam (2017) category, or ""
	Basis           string // ideological, expedient, both, unknown
	Dimensions      []string
	Start, End      Date
	PeriodAsPrinted string
	Coding          string // "stated" or "inferred"
	Evidence        Evidence
	Notes           string
}

// Event is one dated event.
type Event struct {
	ID               string
	Date, End        Date
	DateBasis        string // "text" or "reference"
	Kind             string
	Title            string
	Place            string
	Actors           []string
	Killed           Int
	KilledQualifier  string
	Injured          Int
	InjuredQualifier string
	Evidence         Evidence
	Notes            string
}

// Theme is one finding of the thematic analysis.
type Theme struct {
	ID           string
	Order        int
	Nexus        string // "ttp-aq" or "ttp-iskp"
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
	Kind        string // group, dimension, implication
	Description string
	Color       string
}

// Respondent is one row of the sample's description: the total, a
// respondent category, a sampling technique or a method.
type Respondent struct {
	Category string
	Kind     string // total, category, sampling, method
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
	Kind          string
	Page          int
	Notes         string
}

// Citation is one in-text citation as printed.
type Citation struct {
	ID         string
	AsPrinted  string
	Form       string // "parenthetical" or "narrative"
	CitedNames []string
	CitedYear  int
	Key        string // resolved reference key, or "" when the list has none
	Page       int
	Section    string
	Notes      string
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

	pkg *datapkg.Package // the validated package the records came from
}
