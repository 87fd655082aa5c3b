package refi

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strconv"
	"time"

	"github.com/nexus-toolkit/nexus/analysis/qda"
)

// Origin is the origin attribute written into exports.
const Origin = "nexus"

// zipTime is the fixed modification time of every exported zip entry.
var zipTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// guids derives or keeps the GUIDs of a project's objects.
type guids struct{ project string }

func (g guids) of(kind, id, kept string) string {
	if kept != "" {
		return kept
	}
	return GUID(g.project, kind, id)
}

func projectName(p *qda.Project) string {
	if p.Name != "" {
		return p.Name
	}
	return "coding"
}

// codeTree nests the codes of p under their parents, in codebook order.
func codeTree(p *qda.Project, g guids) []xCode {
	children := qda.Children(p.Codes)
	byID := make(map[string]qda.Code, len(p.Codes))
	for _, c := range p.Codes {
		byID[c.ID] = c
	}
	var build func(parent string) []xCode
	build = func(parent string) []xCode {
		var out []xCode
		for _, id := range children[parent] {
			c := byID[id]
			out = append(out, xCode{GUID: g.of("code", c.ID, c.GUID), Name: c.Name, IsCodable: c.Codable,
				Color: c.Color, Description: c.Description, Code: build(c.ID)})
		}
		return out
	}
	return build("")
}

// Codebook writes the codebook of p as a REFI-QDA .qdc document.
func Codebook(w io.Writer, p *qda.Project) error {
	if errs := p.Check(); len(errs) > 0 {
		return qda.Errors(errs)
	}
	if len(p.Codes) == 0 {
		return fmt.Errorf("the codebook is empty, expected at least one code")
	}
	g := guids{projectName(p)}
	cb := xCodeBook{Xmlns: CodebookNS, Origin: Origin, Codes: xCodes{Code: codeTree(p, g)}, Sets: codeSets(p, g)}
	return writeXML(w, cb)
}

func writeXML(w io.Writer, v any) error {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	b.WriteByte('\n')
	_, err := w.Write(b.Bytes())
	return err
}

// variableType maps Frictionless field types to REFI-QDA typeOfVariable.
var variableType = map[string]string{
	"string": "Text", "boolean": "Boolean", "integer": "Integer", "number": "Float", "date": "Date", "datetime": "DateTime",
}

// Project writes p as a REFI-QDA .qdpx archive: project.qde and one
// sources/<GUID>.txt file per source.
func Project(w io.Writer, p *qda.Project) error {
	qde, texts, err := projectXML(p)
	if err != nil {
		return err
	}
	names := make([]string, 0, len(texts)+1)
	files := map[string][]byte{"project.qde": qde}
	names = append(names, "project.qde")
	for n, t := range texts {
		files[n] = t
		names = append(names, n)
	}
	sort.Strings(names)
	zw := zip.NewWriter(w)
	for _, n := range names {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			return err
		}
		if _, err := fw.Write(files[n]); err != nil {
			return err
		}
	}
	return zw.Close()
}

// projectXML renders project.qde and the source files of p.
func projectXML(p *qda.Project) (qde []byte, texts map[string][]byte, err error) {
	if errs := p.Check(); len(errs) > 0 {
		return nil, nil, qda.Errors(errs)
	}
	g := guids{projectName(p)}
	x := xProject{Xmlns: ProjectNS, Name: projectName(p), Origin: Origin, Description: p.Description}
	if p.Title != "" {
		x.Name = p.Title
	}
	var coder map[string]string
	x.Users, coder = usersXML(p, g)
	code := map[string]string{}
	for _, c := range p.Codes {
		code[c.ID] = g.of("code", c.ID, c.GUID)
	}
	if len(p.Codes) > 0 {
		x.CodeBook = &xCodeBook{Codes: xCodes{Code: codeTree(p, g)}}
	}
	var varGUID []string
	if x.Variables, varGUID, err = variablesXML(p, g); err != nil {
		return nil, nil, err
	}
	selsOf, err := selectionsXML(p, g, coder, code)
	if err != nil {
		return nil, nil, err
	}
	var srcGUID map[string]string
	if x.Sources, texts, srcGUID, err = sourcesXML(p, g, selsOf); err != nil {
		return nil, nil, err
	}
	selRefs := map[string][]xRef{} // case id -> its selections, in source order
	for _, s := range p.Sources {
		for _, sl := range selsOf[s.ID] {
			selRefs[sl.case_] = append(selRefs[sl.case_], xRef{sl.x.GUID})
		}
	}
	if x.Cases, err = casesXML(p, g, varGUID, srcGUID, selRefs); err != nil {
		return nil, nil, err
	}
	memosXML(&x, p, g, coder)
	var b bytes.Buffer
	if err := writeXML(&b, x); err != nil {
		return nil, nil, err
	}
	return b.Bytes(), texts, nil
}

// usersXML renders the coders of p as users (nil when p has none) and
// maps each coder id to its user GUID.
func usersXML(p *qda.Project, g guids) (*xUsers, map[string]string) {
	coder := map[string]string{}
	if len(p.Coders) == 0 {
		return nil, coder
	}
	users := &xUsers{}
	for _, c := range p.Coders {
		guid := g.of("user", c.ID, c.GUID)
		coder[c.ID] = guid
		name := c.Name
		if name == "" {
			name = c.ID
		}
		users.User = append(users.User, xUser{GUID: guid, Name: name, ID: c.ID})
	}
	return users, coder
}

// variablesXML renders the case attributes of p as typed variables (nil
// when p has none) and returns the GUID of each, in attribute order.
func variablesXML(p *qda.Project, g guids) (*xVariables, []string, error) {
	varGUID := make([]string, len(p.Variables))
	if len(p.Variables) == 0 {
		return nil, varGUID, nil
	}
	vars := &xVariables{}
	for i, v := range p.Variables {
		name := v.Title
		if name == "" {
			name = v.Name
		}
		t, ok := variableType[v.Type]
		if !ok {
			return nil, nil, fmt.Errorf("case attribute %q: type %q has no REFI-QDA variable type, expected string, boolean, integer, number, date or datetime", v.Name, v.Type)
		}
		varGUID[i] = g.of("variable", v.Name, "")
		vars.Variable = append(vars.Variable, xVariable{GUID: varGUID[i], Name: name, Type: t, Description: v.Description})
	}
	return vars, varGUID, nil
}

// selection is one plain-text selection being built, with the case of
// the segment that made it.
type selection struct {
	x     xSelection
	case_ string
}

// selectionsXML groups the segments of p by their selection GUID, each
// segment one coding of its selection, and returns the selections of each
// source in segment order. coder and code map ids to GUIDs.
func selectionsXML(p *qda.Project, g guids, coder, code map[string]string) (map[string][]*selection, error) {
	selsOf := map[string][]*selection{}
	bySelGUID := map[string]*selection{}
	for _, s := range p.Segments {
		selGUID := g.of("selection", s.ID, s.Selection)
		cg := g.of("coding", s.ID, s.GUID)
		coding := xCoding{GUID: cg, CreatingUser: coder[s.Coder], CodeRef: xRef{code[s.Code]}}
		if s.Selection != "" {
			if prev, ok := bySelGUID[selGUID]; ok {
				if prev.x.Start != strconv.Itoa(s.Start) || prev.x.End != strconv.Itoa(s.End) {
					return nil, fmt.Errorf("segment %q: selection %s spans [%s,%s) in another segment, expected the same span", s.ID, selGUID, prev.x.Start, prev.x.End)
				}
				prev.x.Coding = append(prev.x.Coding, coding)
				continue
			}
		}
		sl := &selection{x: xSelection{GUID: selGUID, Name: s.ID, Start: strconv.Itoa(s.Start), End: strconv.Itoa(s.End),
			CreatingUser: coder[s.Coder], Coding: []xCoding{coding}}, case_: s.Case}
		bySelGUID[selGUID] = sl
		selsOf[s.Source] = append(selsOf[s.Source], sl)
	}
	return selsOf, nil
}

// sourcesXML renders the sources of p as plain-text sources with their
// selections (nil when p has none), the text file of each, keyed by its
// path in the archive, and the GUID of each source by id.
func sourcesXML(p *qda.Project, g guids, selsOf map[string][]*selection) (*xSources, map[string][]byte, map[string]string, error) {
	texts := map[string][]byte{}
	srcGUID := map[string]string{}
	var xs *xSources
	if len(p.Sources) > 0 {
		xs = &xSources{}
	}
	for _, s := range p.Sources {
		guid := g.of("source", s.ID, s.GUID)
		srcGUID[s.ID] = guid
		if len(s.Text) > 1<<31-1 {
			return nil, nil, nil, fmt.Errorf("source %q: %d bytes, more than REFI-QDA's 2,147,483,647-byte limit", s.ID, len(s.Text))
		}
		texts["sources/"+guid+".txt"] = []byte(s.Text)
		ts := xTextSource{GUID: guid, Name: s.Name, PlainTextPath: "internal://" + guid + ".txt", Description: s.Description}
		if ts.Name == "" {
			ts.Name = s.ID
		}
		for _, sl := range selsOf[s.ID] {
			ts.Selection = append(ts.Selection, sl.x)
		}
		xs.Text = append(xs.Text, ts)
	}
	return xs, texts, srcGUID, nil
}

// casesXML renders the cases of p with their values, sources and
// selections; nil when p has no cases.
func casesXML(p *qda.Project, g guids, varGUID []string, srcGUID map[string]string, selRefs map[string][]xRef) (*xCases, error) {
	if len(p.Cases) == 0 {
		return nil, nil
	}
	srcRefs := map[string][]xRef{}
	for _, s := range p.Sources {
		srcRefs[s.Case] = append(srcRefs[s.Case], xRef{srcGUID[s.ID]})
	}
	xs := &xCases{}
	for _, c := range p.Cases {
		xc := xCase{GUID: g.of("case", c.ID, c.GUID), Name: c.Name, SourceRef: srcRefs[c.ID], SelectionRef: selRefs[c.ID]}
		if xc.Name == "" {
			xc.Name = c.ID
		}
		for i, v := range c.Values {
			if v == "" {
				continue
			}
			vv, err := variableValue(p.Variables[i], v)
			if err != nil {
				return nil, fmt.Errorf("case %q: %v", c.ID, err)
			}
			vv.VariableRef = xRef{varGUID[i]}
			xc.VariableValue = append(xc.VariableValue, vv)
		}
		xs.Case = append(xs.Case, xc)
	}
	return xs, nil
}

// variableValue renders one typed case attribute value.
func variableValue(v qda.Variable, s string) (xVariableValue, error) {
	var vv xVariableValue
	bad := func(want string) (xVariableValue, error) {
		return vv, fmt.Errorf("attribute %q: value %q: expected %s", v.Name, s, want)
	}
	switch v.Type {
	case "boolean":
		b, err := strconv.ParseBool(s)
		if err != nil {
			return bad("true or false")
		}
		t := strconv.FormatBool(b)
		vv.BooleanValue = &t
	case "integer":
		if _, err := strconv.ParseInt(s, 10, 64); err != nil {
			return bad("an integer")
		}
		vv.IntegerValue = &s
	case "number":
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return bad("a number")
		}
		t := strconv.FormatFloat(f, 'f', -1, 64)
		vv.FloatValue = &t
	case "date":
		if _, err := time.Parse("2006-01-02", s); err != nil {
			return bad("a date YYYY-MM-DD")
		}
		vv.DateValue = &s
	case "datetime":
		if _, err := time.Parse(time.RFC3339, s); err != nil {
			return bad("a date-time YYYY-MM-DDThh:mm:ssZ")
		}
		vv.DateTimeValue = &s
	default:
		vv.TextValue = &s
	}
	return vv, nil
}
