package study

import (
	"fmt"
	"slices"
	"strings"
)

// The codes the dataset's enumerations allow, declared once as Go types.
// Each type's Values lists every value in schema order; TestEnumsMatchSchema
// checks them against the enums of the newest dataset's datapackage.json,
// and that every older version's enums are among them, so a value added
// to the schema without its constant here fails the tests.

// Coding is whose classification a row carries: the paper's own words (Stated) or the curators' reading (Inferred).
type Coding string

// The values of Coding.
const (
	Stated   Coding = "stated"
	Inferred Coding = "inferred"
)

// CodingValues are the values of Coding, in schema order.
var CodingValues = []Coding{Stated, Inferred}

// Voice is who says a relation's passage: the paper's own prose
// (VoiceAuthors), an interview excerpt or a respondent's reported words
// (VoiceRespondent), or the literature the passage cites (VoiceCited).
// It tells the independent sources of passages that cite nothing apart
// (see alliance.Sources).
type Voice string

// The values of Voice.
const (
	VoiceAuthors    Voice = "authors"
	VoiceRespondent Voice = "respondent"
	VoiceCited      Voice = "cited"
)

// VoiceValues are the values of Voice, in schema order.
var VoiceValues = []Voice{VoiceAuthors, VoiceRespondent, VoiceCited}

// TieType is the kind of a tie between two organizations.
type TieType string

// The values of TieType.
const (
	Alliance       TieType = "alliance"
	Affiliation    TieType = "affiliation"
	Merger         TieType = "merger"
	Split          TieType = "split"
	Pledge         TieType = "pledge"
	Defection      TieType = "defection"
	Sanctuary      TieType = "sanctuary"
	Support        TieType = "support"
	JointOperation TieType = "joint-operation"
	Liaison        TieType = "liaison"
	Rivalry        TieType = "rivalry"
	Conflict       TieType = "conflict"
)

// TieTypeValues are the values of TieType, in schema order.
var TieTypeValues = []TieType{Alliance, Affiliation, Merger, Split, Pledge, Defection, Sanctuary, Support, JointOperation, Liaison, Rivalry, Conflict}

// Basis is what a tie or a type of cooperation rests on.
type Basis string

// The values of Basis.
const (
	Ideological  Basis = "ideological"
	Expedient    Basis = "expedient"
	BothBases    Basis = "both"
	CommonEnemy  Basis = "common-enemy"
	UnknownBasis Basis = "unknown"
)

// BasisValues are the values of Basis, in schema order.
var BasisValues = []Basis{Ideological, Expedient, BothBases, CommonEnemy, UnknownBasis}

// EventKind is the kind of a dated event.
type EventKind string

// The values of EventKind.
const (
	Founding          EventKind = "founding"
	Emergence         EventKind = "emergence"
	MergerEvent       EventKind = "merger"
	SplitEvent        EventKind = "split"
	PledgeEvent       EventKind = "pledge"
	Announcement      EventKind = "announcement"
	MilitaryOperation EventKind = "military-operation"
	Attack            EventKind = "attack"
	Invasion          EventKind = "invasion"
	Takeover          EventKind = "takeover"
	Withdrawal        EventKind = "withdrawal"
	Resurgence        EventKind = "resurgence"
	Arrest            EventKind = "arrest"
)

// EventKindValues are the values of EventKind, in schema order.
var EventKindValues = []EventKind{Founding, Emergence, MergerEvent, SplitEvent, PledgeEvent, Announcement, MilitaryOperation, Attack, Invasion, Takeover, Withdrawal, Resurgence, Arrest}

// CountQualifier is how a casualty figure bounds the number.
type CountQualifier string

// The values of CountQualifier.
const (
	Exact    CountQualifier = "exact"
	MoreThan CountQualifier = "more-than"
	AtLeast  CountQualifier = "at-least"
	About    CountQualifier = "about"
)

// CountQualifierValues are the values of CountQualifier, in schema order.
var CountQualifierValues = []CountQualifier{Exact, MoreThan, AtLeast, About}

// DateQualifier is how the paper bounds an event's date (none: the date itself).
type DateQualifier string

// The values of DateQualifier.
const (
	After  DateQualifier = "after"
	Before DateQualifier = "before"
	By     DateQualifier = "by"
)

// DateQualifierValues are the values of DateQualifier, in schema order.
var DateQualifierValues = []DateQualifier{After, Before, By}

// DateBasis is where an event's date comes from.
type DateBasis string

// The values of DateBasis.
const (
	TextDate      DateBasis = "text"
	ReferenceDate DateBasis = "reference"
)

// DateBasisValues are the values of DateBasis, in schema order.
var DateBasisValues = []DateBasis{TextDate, ReferenceDate}

// RespondentKind is what a row of the sample's description is.
type RespondentKind string

// The values of RespondentKind.
const (
	Total    RespondentKind = "total"
	Category RespondentKind = "category"
	Sampling RespondentKind = "sampling"
	Method   RespondentKind = "method"
)

// RespondentKindValues are the values of RespondentKind, in schema order.
var RespondentKindValues = []RespondentKind{Total, Category, Sampling, Method}

// Scope is whether an organization belongs to the network under study or to the literature's examples.
type Scope string

// The values of Scope.
const (
	StudyScope   Scope = "study"
	ExampleScope Scope = "example"
)

// ScopeValues are the values of Scope, in schema order.
var ScopeValues = []Scope{StudyScope, ExampleScope}

// Camp is the camp an organization belongs to.
type Camp string

// The values of Camp.
const (
	CampAQ      Camp = "aq"
	CampIS      Camp = "is"
	CampTTP     Camp = "ttp"
	CampTaliban Camp = "taliban"
	CampState   Camp = "state"
	CampOther   Camp = "other"
)

// CampValues are the values of Camp, in schema order.
var CampValues = []Camp{CampAQ, CampIS, CampTTP, CampTaliban, CampState, CampOther}

// OrgKind is the kind of an organization.
type OrgKind string

// The values of OrgKind.
const (
	MilitantGroup    OrgKind = "militant-group"
	Faction          OrgKind = "faction"
	Coalition        OrgKind = "coalition"
	Collective       OrgKind = "collective"
	State            OrgKind = "state"
	Government       OrgKind = "government"
	ArmedForces      OrgKind = "armed-forces"
	Agency           OrgKind = "agency"
	AllianceOfStates OrgKind = "alliance-of-states"
	MediaOutlet      OrgKind = "media-outlet"
)

// OrgKindValues are the values of OrgKind, in schema order.
var OrgKindValues = []OrgKind{MilitantGroup, Faction, Coalition, Collective, State, Government, ArmedForces, Agency, AllianceOfStates, MediaOutlet}

// CodeKind is the kind of a code of the codebook.
type CodeKind string

// The values of CodeKind.
const (
	GroupCode       CodeKind = "group"
	DimensionCode   CodeKind = "dimension"
	ImplicationCode CodeKind = "implication"
)

// CodeKindValues are the values of CodeKind, in schema order.
var CodeKindValues = []CodeKind{GroupCode, DimensionCode, ImplicationCode}

// Nexus is the alliance a theme of the findings is about.
type Nexus string

// The values of Nexus.
const (
	NexusAQ   Nexus = "ttp-aq"
	NexusISKP Nexus = "ttp-iskp"
)

// NexusValues are the values of Nexus, in schema order.
var NexusValues = []Nexus{NexusAQ, NexusISKP}

// RefKind is the kind of a listed reference.
type RefKind string

// The values of RefKind.
const (
	JournalArticle RefKind = "journal-article"
	Book           RefKind = "book"
	Chapter        RefKind = "chapter"
	News           RefKind = "news"
	Report         RefKind = "report"
	Web            RefKind = "web"
)

// RefKindValues are the values of RefKind, in schema order.
var RefKindValues = []RefKind{JournalArticle, Book, Chapter, News, Report, Web}

// CitationForm is how an in-text citation is printed.
type CitationForm string

// The values of CitationForm.
const (
	Parenthetical CitationForm = "parenthetical"
	Narrative     CitationForm = "narrative"
)

// CitationFormValues are the values of CitationForm, in schema order.
var CitationFormValues = []CitationForm{Parenthetical, Narrative}

// Role is a person's role in an organization.
type Role string

// The values of Role.
const (
	Leader      Role = "leader"
	Emir        Role = "emir"
	Commander   Role = "commander"
	Member      Role = "member"
	Affiliate   Role = "affiliate"
	Ideologue   Role = "ideologue"
	LiaisonRole Role = "liaison"
)

// RoleValues are the values of Role, in schema order.
var RoleValues = []Role{Leader, Emir, Commander, Member, Affiliate, Ideologue, LiaisonRole}

// PresenceKind is what the paper says an organization has at a place.
type PresenceKind string

// The values of PresenceKind.
const (
	Base            PresenceKind = "base"
	SafeHaven       PresenceKind = "safe-haven"
	Influence       PresenceKind = "influence"
	Retreat         PresenceKind = "retreat"
	Operations      PresenceKind = "operations"
	FootholdLost    PresenceKind = "foothold-lost"
	CellsDismantled PresenceKind = "cells-dismantled"
)

// PresenceKindValues are the values of PresenceKind, in schema order.
var PresenceKindValues = []PresenceKind{Base, SafeHaven, Influence, Retreat, Operations, FootholdLost, CellsDismantled}

// SlipKind is the kind of a slip of the paper.
type SlipKind string

// The values of SlipKind.
const (
	NameVariant       SlipKind = "name-variant"
	AmbiguousCitation SlipKind = "ambiguous-citation"
	Abbreviation      SlipKind = "abbreviation"
	NumberSlip        SlipKind = "number"
	DateSlip          SlipKind = "date"
)

// SlipKindValues are the values of SlipKind, in schema order.
var SlipKindValues = []SlipKind{NameVariant, AmbiguousCitation, Abbreviation, NumberSlip, DateSlip}

// PhraseField is the classified field of a stated row that a phrase of
// stated_phrases.csv makes.
type PhraseField string

// The values of PhraseField: the classified fields of relations, then of
// persons, then of presence.
const (
	PhraseTieType         PhraseField = "tie_type"
	PhraseMoghadam        PhraseField = "moghadam"
	PhraseBasis           PhraseField = "basis"
	PhraseDimensions      PhraseField = "dimensions"
	PhrasePeriodStart     PhraseField = "period_start"
	PhrasePeriodEnd       PhraseField = "period_end"
	PhrasePeriodAsPrinted PhraseField = "period_as_printed"
	PhraseSource          PhraseField = "source"
	PhraseTarget          PhraseField = "target"
	PhraseRole            PhraseField = "role"
	PhraseFormer          PhraseField = "former"
	PhraseKind            PhraseField = "kind"
)

// PhraseFieldValues are the values of PhraseField, in schema order.
var PhraseFieldValues = []PhraseField{PhraseTieType, PhraseMoghadam, PhraseBasis, PhraseDimensions, PhrasePeriodStart,
	PhrasePeriodEnd, PhrasePeriodAsPrinted, PhraseSource, PhraseTarget, PhraseRole, PhraseFormer, PhraseKind}

// Enum names the Go type of one enumerated field and lists its values.
type Enum struct {
	Resource, Field, Type string
	Values                []string
}

// Enums lists every enumerated field of the dataset with its declared values.
var Enums = []Enum{
	{"relations", "coding", "Coding", strs(CodingValues)},
	{"persons", "coding", "Coding", strs(CodingValues)},
	{"presence", "coding", "Coding", strs(CodingValues)},
	{"relations", "tie_type", "TieType", strs(TieTypeValues)},
	{"relations", "voice", "Voice", strs(VoiceValues)},
	{"relations", "basis", "Basis", strs(BasisValues)},
	{"typology", "basis", "Basis", strs(BasisValues)},
	{"events", "kind", "EventKind", strs(EventKindValues)},
	{"events", "killed_qualifier", "CountQualifier", strs(CountQualifierValues)},
	{"events", "injured_qualifier", "CountQualifier", strs(CountQualifierValues)},
	{"events", "date_qualifier", "DateQualifier", strs(DateQualifierValues)},
	{"events", "date_basis", "DateBasis", strs(DateBasisValues)},
	{"respondents", "kind", "RespondentKind", strs(RespondentKindValues)},
	{"organizations", "scope", "Scope", strs(ScopeValues)},
	{"organizations", "camp", "Camp", strs(CampValues)},
	{"organizations", "kind", "OrgKind", strs(OrgKindValues)},
	{"codes", "kind", "CodeKind", strs(CodeKindValues)},
	{"themes", "nexus", "Nexus", strs(NexusValues)},
	{"references", "kind", "RefKind", strs(RefKindValues)},
	{"citations", "form", "CitationForm", strs(CitationFormValues)},
	{"persons", "role", "Role", strs(RoleValues)},
	{"presence", "kind", "PresenceKind", strs(PresenceKindValues)},
	{"slips", "kind", "SlipKind", strs(SlipKindValues)},
	{"stated_phrases", "field", "PhraseField", strs(PhraseFieldValues)},
}

func strs[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// ParseCodes splits a comma-separated list of codes of type T and checks
// each against values; "" gives none. An unknown code is an error that
// lists the known ones.
func ParseCodes[T ~string](list string, values []T) ([]T, error) {
	if list == "" {
		return nil, nil
	}
	var out []T
	for _, c := range strings.Split(list, ",") {
		v, err := ParseCode(strings.TrimSpace(c), values)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// ParseCode checks one code of type T against values; "" is allowed and
// means none.
func ParseCode[T ~string](code string, values []T) (T, error) {
	if code == "" || slices.Contains(values, T(code)) {
		return T(code), nil
	}
	return "", fmt.Errorf("unknown code %q, expected one of %s", code, strings.Join(strs(values), ", "))
}

// JoinCodes joins codes of an enumeration type with sep, as strings.Join
// joins strings.
func JoinCodes[T ~string](codes []T, sep string) string { return strings.Join(strs(codes), sep) }
