package qda

import (
	"fmt"
	"sort"
)

// Code is one code of a codebook. Parent is the id of the parent code, or
// "" for a top-level code. A code that is not Codable is a folder (REFI-QDA
// isCodable="false").
type Code struct {
	ID          string
	Name        string
	Parent      string
	Description string
	Color       string // "#RRGGBB" or ""
	Codable     bool
	GUID        string // REFI-QDA GUID to keep on export, or "" to derive one
}

// Source is one plain-text document, such as an interview transcript.
// Text is its full content; positions of segments index its code points.
type Source struct {
	ID          string
	Name        string
	Case        string // the case (respondent) the whole source belongs to, or ""
	Text        string
	Description string // REFI-QDA Description of the source, or ""
	GUID        string
}

// Variable is one typed case attribute. Type is a Frictionless field type:
// string, integer, number, boolean, date or datetime.
type Variable struct {
	Name        string // column name in cases.csv
	Title       string // display name, or "" to use Name
	Type        string
	Description string // REFI-QDA Description of the variable, or ""
}

// Case is one case, typically a respondent. Values holds one value per
// Project.Variables entry, as text; "" is missing.
type Case struct {
	ID     string
	Name   string
	Values []string
	GUID   string
}

// Coder is one person (REFI-QDA User) who codes.
type Coder struct {
	ID   string
	Name string
	GUID string
}

// Segment is one application of one code by one coder to the span
// [Start, End) of a source, in Unicode code points. Case is the case the
// segment belongs to when it differs from its source's case, or "".
type Segment struct {
	ID        string
	Source    string
	Case      string
	Code      string
	Coder     string
	Start     int
	End       int
	Selection string // REFI-QDA selection GUID that groups codings, or ""
	GUID      string // REFI-QDA coding GUID, or ""
}

// Set is a named group of codes, sources and notes (REFI-QDA Set with
// MemberCode, MemberSource and MemberNote), such as MAXQDA's document and
// code sets, ATLAS.ti's document and code groups or NVivo's sets. The
// members are ids, in the order the set lists them.
type Set struct {
	ID          string
	Name        string
	Description string
	Codes       []string
	Sources     []string
	Notes       []string
	GUID        string
}

// Note is a memo or note (REFI-QDA Note): a plain text written by a
// coder, attached to the objects it is about. Each entry of Refs is one
// of
//
//	project            the project as a whole
//	code:ID            a code
//	source:ID          a source
//	segment:ID         one coding (REFI-QDA Coding)
//	selection:GUID     a coded span (REFI-QDA PlainTextSelection), the
//	                   Selection of one or more segments
type Note struct {
	ID    string
	Title string
	Coder string // the coder who wrote it, or ""
	Text  string
	Refs  []string
	GUID  string
}

// Project is one coding study: codebook, sources, cases, coders and
// segments, each in a stable order.
type Project struct {
	Name        string
	Title       string
	Description string
	Version     string
	Codes       []Code
	Sources     []Source
	Variables   []Variable
	Cases       []Case
	Coders      []Coder
	Segments    []Segment
	Sets        []Set
	Notes       []Note
	// Synthetic marks invented data, from the "nexus:synthetic": true
	// property of datapackage.json (SyntheticProperty); every output
	// derived from it says so. It is never guessed from prose.
	Synthetic bool
}

// Resolved returns a copy of the segments in which every empty Case is
// replaced by the case of the segment's source.
func (p *Project) Resolved() []Segment {
	byID := make(map[string]string, len(p.Sources))
	for _, s := range p.Sources {
		byID[s.ID] = s.Case
	}
	out := make([]Segment, len(p.Segments))
	copy(out, p.Segments)
	for i := range out {
		if out[i].Case == "" {
			out[i].Case = byID[out[i].Source]
		}
	}
	return out
}

// CodeIDs returns the ids of the codes in codebook order.
func (p *Project) CodeIDs() []string {
	ids := make([]string, len(p.Codes))
	for i, c := range p.Codes {
		ids[i] = c.ID
	}
	return ids
}

// CoderIDs returns the ids of the coders in order.
func (p *Project) CoderIDs() []string {
	ids := make([]string, len(p.Coders))
	for i, c := range p.Coders {
		ids[i] = c.ID
	}
	return ids
}

// Check reports every referential problem of p: duplicate ids, unknown
// parents, codes, sources, cases or coders, and spans outside their
// source's text. It returns nil when p is consistent.
func (p *Project) Check() []error {
	var errs []error
	dup := func(kind string, ids []string) map[string]bool {
		seen := make(map[string]bool, len(ids))
		for _, id := range ids {
			if id == "" {
				errs = append(errs, fmt.Errorf("%s: empty id", kind))
				continue
			}
			if seen[id] {
				errs = append(errs, itemErr(kind, id, "duplicate id"))
			}
			seen[id] = true
		}
		return seen
	}
	codes := dup("code", p.CodeIDs())
	srcIDs := make([]string, len(p.Sources))
	for i, s := range p.Sources {
		srcIDs[i] = s.ID
	}
	sources := dup("source", srcIDs)
	caseIDs := make([]string, len(p.Cases))
	for i, c := range p.Cases {
		caseIDs[i] = c.ID
		if len(c.Values) != len(p.Variables) {
			errs = append(errs, itemErr("case", c.ID, "%d attribute values, expected %d", len(c.Values), len(p.Variables)))
		}
	}
	cases := dup("case", caseIDs)
	coders := dup("coder", p.CoderIDs())
	segIDs := make([]string, len(p.Segments))
	for i, s := range p.Segments {
		segIDs[i] = s.ID
	}
	dup("segment", segIDs)
	for _, c := range p.Codes {
		if c.Parent != "" && !codes[c.Parent] {
			errs = append(errs, itemErr("code", c.ID, "parent %q is not a code", c.Parent))
		}
	}
	if cyc := parentCycle(p.Codes); cyc != "" {
		errs = append(errs, itemErr("code", cyc, "parent chain forms a cycle"))
	}
	for _, s := range p.Sources {
		if s.Case != "" && !cases[s.Case] {
			errs = append(errs, itemErr("source", s.ID, "case %q is not a case", s.Case))
		}
	}
	length := make(map[string]int, len(p.Sources))
	for _, s := range p.Sources {
		length[s.ID] = RuneLen(s.Text)
	}
	for _, s := range p.Segments {
		if !codes[s.Code] {
			errs = append(errs, itemErr("segment", s.ID, "code %q is not a code", s.Code))
		}
		if !sources[s.Source] {
			errs = append(errs, itemErr("segment", s.ID, "source %q is not a source", s.Source))
		} else if s.Start < 0 || s.End < s.Start || s.End > length[s.Source] {
			errs = append(errs, itemErr("segment", s.ID, "span [%d,%d) outside source %q of %d code points", s.Start, s.End, s.Source, length[s.Source]))
		}
		if s.Case != "" && !cases[s.Case] {
			errs = append(errs, itemErr("segment", s.ID, "case %q is not a case", s.Case))
		}
		if s.Coder != "" && !coders[s.Coder] {
			errs = append(errs, itemErr("segment", s.ID, "coder %q is not a coder", s.Coder))
		}
	}
	return append(errs, p.checkMemos(codes, sources, coders)...)
}

// parentCycle returns the id of a code on a parent cycle, or "".
func parentCycle(codes []Code) string {
	parent := make(map[string]string, len(codes))
	for _, c := range codes {
		parent[c.ID] = c.Parent
	}
	for _, c := range codes {
		id, steps := c.ID, 0
		for id != "" && steps <= len(codes) {
			id = parent[id]
			steps++
		}
		if id != "" {
			return c.ID
		}
	}
	return ""
}

// Children returns, for each code id, the ids of its direct children in
// codebook order. Top-level codes are listed under "".
func Children(codes []Code) map[string][]string {
	m := make(map[string][]string)
	for _, c := range codes {
		m[c.Parent] = append(m[c.Parent], c.ID)
	}
	return m
}

// RuneLen returns the number of Unicode code points of s, the unit of
// REFI-QDA text positions.
func RuneLen(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}

// Span returns the text of s between the code points start and end.
func Span(s string, start, end int) string {
	i, b0, b1 := 0, len(s), len(s)
	for b := range s {
		if i == start {
			b0 = b
		}
		if i == end {
			b1 = b
			break
		}
		i++
	}
	if b0 > b1 {
		return ""
	}
	return s[b0:b1]
}

// sortedKeys returns the keys of m in increasing order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// CodeNames returns the names of the codes with the given ids, or the id
// itself for an id that is not a code.
func (p *Project) CodeNames(ids []string) []string {
	name := make(map[string]string, len(p.Codes))
	for _, c := range p.Codes {
		name[c.ID] = c.Name
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		if n, ok := name[id]; ok {
			out[i] = n
		} else {
			out[i] = id
		}
	}
	return out
}

// ItemError is a problem with one record of a project: its kind ("code",
// "source", "case", "coder" or "segment") and id, so that a loader can
// place it at the record's line.
type ItemError struct {
	Kind, ID string
	Msg      string
}

func (e *ItemError) Error() string { return fmt.Sprintf("%s %q: %s", e.Kind, e.ID, e.Msg) }

func itemErr(kind, id, format string, args ...any) error {
	return &ItemError{Kind: kind, ID: id, Msg: fmt.Sprintf(format, args...)}
}
