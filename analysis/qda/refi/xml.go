package refi

import "encoding/xml"

// Namespaces of the REFI-QDA schemas.
const (
	ProjectNS  = "urn:QDA-XML:project:1.0"
	CodebookNS = "urn:QDA-XML:codebook:1.0"
)

// The XML types follow Project-mrt2019.xsd; element order matters for
// validation and is the order of the struct fields.

type xProject struct {
	XMLName     xml.Name    `xml:"Project"`
	Xmlns       string      `xml:"xmlns,attr,omitempty"`
	Name        string      `xml:"name,attr"`
	Origin      string      `xml:"origin,attr,omitempty"`
	Users       *xUsers     `xml:"Users"`
	CodeBook    *xCodeBook  `xml:"CodeBook"`
	Variables   *xVariables `xml:"Variables"`
	Cases       *xCases     `xml:"Cases"`
	Sources     *xSources   `xml:"Sources"`
	Notes       *xNotes     `xml:"Notes"`
	Sets        *xSets      `xml:"Sets"`
	Description string      `xml:"Description,omitempty"`
	NoteRef     []xRef      `xml:"NoteRef"`
}

type xNotes struct {
	Note []xTextSource `xml:"Note"`
}

type xSets struct {
	Set []xSet `xml:"Set"`
}

type xSet struct {
	GUID         string `xml:"guid,attr"`
	Name         string `xml:"name,attr"`
	Description  string `xml:"Description,omitempty"`
	MemberCode   []xRef `xml:"MemberCode"`
	MemberSource []xRef `xml:"MemberSource"`
	MemberNote   []xRef `xml:"MemberNote"`
}

type xUsers struct {
	User []xUser `xml:"User"`
}

type xUser struct {
	GUID string `xml:"guid,attr"`
	Name string `xml:"name,attr,omitempty"`
	ID   string `xml:"id,attr,omitempty"`
}

// xCodeBook is the CodeBook of a project and the root of a .qdc file.
type xCodeBook struct {
	XMLName xml.Name `xml:"CodeBook"`
	Xmlns   string   `xml:"xmlns,attr,omitempty"`
	Origin  string   `xml:"origin,attr,omitempty"`
	Codes   xCodes   `xml:"Codes"`
	Sets    *xCBSets `xml:"Sets"` // only in a .qdc codebook
}

// xCBSets are the code sets of a .qdc codebook: Codebook.xsd names the
// member's GUID "guid", where Project-mrt2019.xsd says "targetGUID".
type xCBSets struct {
	Set []xCBSet `xml:"Set"`
}

type xCBSet struct {
	GUID        string      `xml:"guid,attr"`
	Name        string      `xml:"name,attr"`
	Description string      `xml:"Description,omitempty"`
	MemberCode  []xCBMember `xml:"MemberCode"`
}

type xCBMember struct {
	GUID string `xml:"guid,attr"`
}

type xCodes struct {
	Code []xCode `xml:"Code"`
}

type xCode struct {
	GUID        string  `xml:"guid,attr"`
	Name        string  `xml:"name,attr"`
	IsCodable   bool    `xml:"isCodable,attr"`
	Color       string  `xml:"color,attr,omitempty"`
	Description string  `xml:"Description,omitempty"`
	NoteRef     []xRef  `xml:"NoteRef"`
	Code        []xCode `xml:"Code"`
}

type xVariables struct {
	Variable []xVariable `xml:"Variable"`
}

type xVariable struct {
	GUID        string `xml:"guid,attr"`
	Name        string `xml:"name,attr"`
	Type        string `xml:"typeOfVariable,attr"`
	Description string `xml:"Description,omitempty"`
}

type xCases struct {
	Case []xCase `xml:"Case"`
}

type xCase struct {
	GUID          string           `xml:"guid,attr"`
	Name          string           `xml:"name,attr,omitempty"`
	CodeRef       []xRef           `xml:"CodeRef"`
	VariableValue []xVariableValue `xml:"VariableValue"`
	SourceRef     []xRef           `xml:"SourceRef"`
	SelectionRef  []xRef           `xml:"SelectionRef"`
}

type xRef struct {
	Target string `xml:"targetGUID,attr"`
}

type xVariableValue struct {
	VariableRef   xRef    `xml:"VariableRef"`
	TextValue     *string `xml:"TextValue"`
	BooleanValue  *string `xml:"BooleanValue"`
	IntegerValue  *string `xml:"IntegerValue"`
	FloatValue    *string `xml:"FloatValue"`
	DateValue     *string `xml:"DateValue"`
	DateTimeValue *string `xml:"DateTimeValue"`
}

type xSources struct {
	Text    []xTextSource `xml:"TextSource"`
	Picture []xNamed      `xml:"PictureSource"`
	PDF     []xNamed      `xml:"PDFSource"`
	Audio   []xNamed      `xml:"AudioSource"`
	Video   []xNamed      `xml:"VideoSource"`
}

type xNamed struct {
	GUID string `xml:"guid,attr"`
	Name string `xml:"name,attr"`
}

type xTextSource struct {
	GUID          string       `xml:"guid,attr"`
	Name          string       `xml:"name,attr,omitempty"`
	RichTextPath  string       `xml:"richTextPath,attr,omitempty"`
	PlainTextPath string       `xml:"plainTextPath,attr,omitempty"`
	CreatingUser  string       `xml:"creatingUser,attr,omitempty"`
	Description   string       `xml:"Description,omitempty"`
	Content       *string      `xml:"PlainTextContent"`
	Selection     []xSelection `xml:"PlainTextSelection"`
	Coding        []xCoding    `xml:"Coding"`
	NoteRef       []xRef       `xml:"NoteRef"`
	// VariableValue holds document variables (MAXQDA, NVivo file
	// classifications); never written.
	VariableValue []xVariableValue `xml:"VariableValue"`
}

type xSelection struct {
	GUID         string    `xml:"guid,attr"`
	Name         string    `xml:"name,attr,omitempty"`
	Start        string    `xml:"startPosition,attr"`
	End          string    `xml:"endPosition,attr"`
	CreatingUser string    `xml:"creatingUser,attr,omitempty"`
	Description  string    `xml:"Description,omitempty"` // read as a note; written as one
	Coding       []xCoding `xml:"Coding"`
	NoteRef      []xRef    `xml:"NoteRef"`
}

type xCoding struct {
	GUID         string `xml:"guid,attr"`
	CreatingUser string `xml:"creatingUser,attr,omitempty"`
	CodeRef      xRef   `xml:"CodeRef"`
	NoteRef      []xRef `xml:"NoteRef"`
}
