package refi

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/qda"
)

// fromType maps REFI-QDA typeOfVariable to Frictionless types.
var fromType = map[string]string{"Text": "string", "Boolean": "boolean", "Integer": "integer", "Float": "number", "Date": "date", "DateTime": "datetime"}

// project reads the project document x: its name, users, codebook,
// variables, sources with their selections and codings, and cases.
// source reads an internal file of the archive by its name under sources/.
func (im *importer) project(x *xProject, source func(file string) ([]byte, error)) {
	p := im.p
	p.Name = slug(x.Name, "project")
	if x.Name != p.Name {
		p.Title = x.Name // an export writes the title, or the name when there is none
	}
	p.Description = x.Description
	if x.Users != nil {
		im.users(x.Users)
	}
	im.coderOf = im.coderOfUser
	if x.CodeBook != nil {
		im.codes(x.CodeBook.Codes.Code, "")
	}
	if x.Variables != nil {
		im.variables(x.Variables)
	}
	selSeg := map[string][]int{} // selection GUID -> segment indices
	if x.Sources != nil {
		im.skipSources(x.Sources)
		for i, s := range x.Sources.Text {
			im.textSource(i, s, source, selSeg)
		}
	}
	if x.Cases != nil {
		for i, c := range x.Cases.Case {
			im.importCase(i, c, selSeg)
		}
	}
}

// users reads the users as coders, each with a readable id made from the
// user's short id (MAXQDA's initials, our coder id) or name.
func (im *importer) users(xs *xUsers) {
	for i, u := range xs.User {
		g := im.define("user", u.GUID)
		name := u.ID // the user's short id (MAXQDA's initials, our coder id)
		if name == "" {
			name = u.Name
		}
		id := im.newID("coder", name, i+1)
		im.user[g] = id
		im.p.Coders = append(im.p.Coders, qda.Coder{ID: id, Name: or(u.Name, id), GUID: g})
	}
}

// coderOfUser returns the coder id of a user GUID ("" for none). A user
// that Users does not list is added as a coder, with a warning.
func (im *importer) coderOfUser(guid string) string {
	if guid == "" {
		return ""
	}
	g := normGUID(guid)
	if id, ok := im.user[g]; ok {
		return id
	}
	// Some programs do not list every user: keep the reference.
	p := im.p
	id := im.newID("coder", "user-"+g[:min(8, len(g))], len(p.Coders)+1)
	im.user[g] = id
	p.Coders = append(p.Coders, qda.Coder{ID: id, GUID: g})
	im.rep.Warnings = append(im.rep.Warnings, fmt.Sprintf("user %s is not listed under Users; added as coder %q", guid, id))
	return id
}

// variables reads the typed variables as case attributes, each named by a
// unique column made from its name.
func (im *importer) variables(xs *xVariables) {
	p := im.p
	used := map[string]bool{"id": true, "label": true, "guid": true}
	for i, v := range xs.Variable {
		g := im.define("variable", v.GUID)
		t, ok := fromType[v.Type]
		if !ok {
			im.errorf("variable %q: typeOfVariable %q: expected Text, Boolean, Integer, Float, Date or DateTime", v.Name, v.Type)
		}
		col := slug(v.Name, "variable-"+strconv.Itoa(i+1))
		col = strings.ReplaceAll(col, "-", "_")
		base := col
		for n := 2; used[col]; n++ {
			col = base + "_" + strconv.Itoa(n)
		}
		used[col] = true
		im.varIdx[g] = len(p.Variables)
		p.Variables = append(p.Variables, qda.Variable{Name: col, Title: v.Name, Type: t, Description: v.Description})
	}
}

// skipSources registers the GUIDs of the picture, PDF, audio and video
// sources and reports each as skipped: only plain text is imported.
func (im *importer) skipSources(xs *xSources) {
	for _, k := range []struct {
		kind    string
		sources []xNamed
	}{{"PictureSource", xs.Picture}, {"PDFSource", xs.PDF}, {"AudioSource", xs.Audio}, {"VideoSource", xs.Video}} {
		for _, s := range k.sources {
			im.define("source", s.GUID)
			im.rep.Skipped = append(im.rep.Skipped, fmt.Sprintf("%s %q: only plain-text sources are imported", k.kind, s.Name))
		}
	}
}

// textSource reads the i-th plain-text source with its text (inline or an
// internal file), its codings of the whole source and its selections. A
// source without readable plain text is skipped or reported.
func (im *importer) textSource(i int, s xTextSource, source func(file string) ([]byte, error), selSeg map[string][]int) {
	g := im.define("source", s.GUID)
	var text string
	switch {
	case s.Content != nil && s.PlainTextPath != "":
		im.errorf("TextSource %q: both PlainTextContent and plainTextPath, expected one", s.Name)
		return
	case s.Content != nil:
		text = *s.Content
	case strings.HasPrefix(s.PlainTextPath, "internal://"):
		var ok bool
		if text, ok = im.internalText("TextSource", s.Name, s.PlainTextPath, source); !ok {
			return
		}
	case s.PlainTextPath != "":
		im.rep.Skipped = append(im.rep.Skipped, fmt.Sprintf("TextSource %q: external plain text %s is not read", s.Name, s.PlainTextPath))
		return
	default:
		im.rep.Skipped = append(im.rep.Skipped, fmt.Sprintf("TextSource %q: no plain-text content (rich text only)", s.Name))
		return
	}
	p := im.p
	id := im.newID("source", s.Name, i+1)
	im.source[g] = id
	p.Sources = append(p.Sources, qda.Source{ID: id, Name: or(s.Name, id), Text: text, Description: s.Description, GUID: g})
	n := qda.RuneLen(text)
	if len(s.Coding) > 0 {
		im.rep.Warnings = append(im.rep.Warnings, fmt.Sprintf("TextSource %q: %d codings of the whole source imported as segments over its whole text", s.Name, len(s.Coding)))
	}
	for _, c := range s.Coding {
		im.segment(c, id, "", 0, n, im.coderOf(s.CreatingUser), im.coderOf)
	}
	for _, sel := range s.Selection {
		im.selection(sel, s.Name, id, n, selSeg)
	}
}

// selection reads one plain-text selection of the source id (n code
// points long, called name in messages): each of its codings becomes a
// segment over the selection's span, recorded in selSeg.
func (im *importer) selection(sel xSelection, name, id string, n int, selSeg map[string][]int) {
	sg := im.define("selection", sel.GUID)
	start, err1 := strconv.Atoi(strings.TrimSpace(sel.Start))
	end, err2 := strconv.Atoi(strings.TrimSpace(sel.End))
	if err1 != nil || err2 != nil || start < 0 || end < start || end > n {
		im.errorf("PlainTextSelection %s: startPosition %q endPosition %q: expected 0 <= start <= end <= %d (code points of %q)", sel.GUID, sel.Start, sel.End, n, name)
		return
	}
	if len(sel.Coding) == 0 {
		im.rep.Warnings = append(im.rep.Warnings, fmt.Sprintf("PlainTextSelection %s in %q has no coding and is not imported", sel.GUID, name))
	}
	for _, c := range sel.Coding {
		selSeg[sg] = append(selSeg[sg], len(im.p.Segments))
		im.segment(c, id, sg, start, end, im.coderOf(sel.CreatingUser), im.coderOf)
	}
}

// importCase reads the i-th case with its attribute values, and assigns
// it the sources and the segments of the selections it refers to.
func (im *importer) importCase(i int, c xCase, selSeg map[string][]int) {
	g := im.define("case", c.GUID)
	id := im.newID("case", c.Name, i+1)
	cs := qda.Case{ID: id, Name: or(c.Name, id), GUID: g, Values: im.values(fmt.Sprintf("Case %q", c.Name), c.VariableValue)}
	if len(c.CodeRef) > 0 {
		im.rep.Warnings = append(im.rep.Warnings, fmt.Sprintf("Case %q: %d codes applied to the case itself are not imported", c.Name, len(c.CodeRef)))
	}
	im.caseSources(c, id)
	im.caseSelections(c, id, selSeg)
	im.p.Cases = append(im.p.Cases, cs)
}

// caseSources assigns the sources that case c refers to the case id; a
// source already in another case keeps that case, with a warning.
func (im *importer) caseSources(c xCase, id string) {
	p := im.p
	for _, r := range c.SourceRef {
		sg := normGUID(r.Target)
		sid, ok := im.source[sg]
		if !ok {
			if im.guids[sg] == "source" {
				continue // a skipped source
			}
			im.errorf("Case %q: SourceRef %s: %w", c.Name, r.Target, ErrMissingRef)
			continue
		}
		for k := range p.Sources {
			if p.Sources[k].ID == sid {
				if p.Sources[k].Case != "" {
					im.rep.Warnings = append(im.rep.Warnings, fmt.Sprintf("source %q belongs to several cases; kept case %q", sid, p.Sources[k].Case))
				} else {
					p.Sources[k].Case = id
				}
			}
		}
	}
}

// caseSelections assigns the segments of the selections that case c
// refers to the case id.
func (im *importer) caseSelections(c xCase, id string, selSeg map[string][]int) {
	for _, r := range c.SelectionRef {
		sg := normGUID(r.Target)
		segs, ok := selSeg[sg]
		if !ok {
			if im.guids[sg] == "selection" {
				continue
			}
			im.errorf("Case %q: SelectionRef %s: %w", c.Name, r.Target, ErrMissingRef)
			continue
		}
		for _, k := range segs {
			im.p.Segments[k].Case = id
		}
	}
}
