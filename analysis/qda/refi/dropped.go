package refi

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"sort"
)

// carried describes what a coding package keeps of a REFI-QDA document:
// elements by "Parent/Child" (local names; "/Root" for the root), and
// attributes by "Element@name". Elements under reported are reported by
// the importer itself (skipped sources, codes applied to cases) and are
// not counted again.
type carried struct {
	elems, attrs, reported map[string]bool
}

func set(items ...string) map[string]bool {
	m := make(map[string]bool, len(items))
	for _, s := range items {
		m[s] = true
	}
	return m
}

// refAttrs are the targetGUID attributes of every reference element.
var refAttrs = []string{"CodeRef@targetGUID", "NoteRef@targetGUID", "SourceRef@targetGUID", "SelectionRef@targetGUID",
	"VariableRef@targetGUID", "MemberCode@targetGUID", "MemberSource@targetGUID", "MemberNote@targetGUID"}

var codeParts = []string{"Codes/Code", "Code/Code", "Code/Description", "Code@guid", "Code@name", "Code@isCodable", "Code@color"}

// projectCarried is what Import keeps of a project.qde.
var projectCarried = carried{
	elems: set(append([]string{"/Project",
		"Project/Users", "Project/CodeBook", "Project/Variables", "Project/Cases", "Project/Sources", "Project/Notes",
		"Project/Sets", "Project/Description", "Project/NoteRef",
		"Users/User", "CodeBook/Codes", "Code/NoteRef",
		"Variables/Variable", "Variable/Description",
		"Cases/Case", "Case/VariableValue", "Case/SourceRef", "Case/SelectionRef",
		"VariableValue/VariableRef", "VariableValue/TextValue", "VariableValue/BooleanValue", "VariableValue/IntegerValue",
		"VariableValue/FloatValue", "VariableValue/DateValue", "VariableValue/DateTimeValue",
		"Sources/TextSource", "TextSource/Description", "TextSource/PlainTextContent", "TextSource/PlainTextSelection",
		"TextSource/Coding", "TextSource/NoteRef", "TextSource/VariableValue",
		"PlainTextSelection/Coding", "PlainTextSelection/NoteRef", "PlainTextSelection/Description", "Coding/CodeRef", "Coding/NoteRef",
		"Notes/Note", "Note/PlainTextContent",
		"Sets/Set", "Set/Description", "Set/MemberCode", "Set/MemberSource", "Set/MemberNote",
	}, codeParts...)...),
	attrs: set(append(append([]string{"Project@name", "User@guid", "User@name", "User@id",
		"Variable@guid", "Variable@name", "Variable@typeOfVariable", "Case@guid", "Case@name",
		"TextSource@guid", "TextSource@name", "TextSource@plainTextPath", "TextSource@creatingUser",
		"PlainTextSelection@guid", "PlainTextSelection@startPosition", "PlainTextSelection@endPosition", "PlainTextSelection@creatingUser",
		"Coding@guid", "Coding@creatingUser", "Note@guid", "Note@name", "Note@creatingUser", "Note@plainTextPath",
		"Set@guid", "Set@name"}, refAttrs...), codeParts...)...),
	reported: set("Sources/PictureSource", "Sources/PDFSource", "Sources/AudioSource", "Sources/VideoSource", "Case/CodeRef"),
}

// codebookCarried is what ImportCodebook keeps of a .qdc codebook.
var codebookCarried = carried{
	elems: set(append([]string{"/CodeBook", "CodeBook/Codes", "CodeBook/Sets", "Sets/Set", "Set/Description", "Set/MemberCode"}, codeParts...)...),
	attrs: set(append([]string{"Set@guid", "Set@name", "MemberCode@guid"}, codeParts...)...),
}

// dropped lists what a REFI-QDA document holds that a coding package
// does not carry: every element (counted once with its content) and
// every attribute outside c, as "<Element> in <Parent>: N" or "attribute
// name of <Element>: N", sorted. Namespace declarations and
// xsi:schemaLocation are not data and are not listed. The document has
// been decoded before, so syntax errors do not occur here.
func dropped(doc []byte, c carried) []string {
	d := xml.NewDecoder(bytes.NewReader(doc))
	count := map[string]int{}
	var stack []string
	skip := 0 // depth inside an element that is not carried
	for {
		tok, err := d.RawToken() // no namespace translation: faster, and names are local
		if err != nil {
			break
		}
		if skip > 0 {
			switch tok.(type) {
			case xml.StartElement:
				skip++
			case xml.EndElement:
				skip--
			}
			continue
		}
		switch t := tok.(type) {
		case xml.StartElement:
			parent := ""
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			name := t.Name.Local
			key := parent + "/" + name
			if c.reported[key] || !c.elems[key] {
				if !c.reported[key] {
					count[fmt.Sprintf("<%s> in <%s>", name, parent)]++
				}
				skip = 1
				continue
			}
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" || a.Name.Local == "schemaLocation" {
					continue
				}
				if !c.attrs[name+"@"+a.Name.Local] {
					count[fmt.Sprintf("attribute %s of <%s>", a.Name.Local, name)]++
				}
			}
			stack = append(stack, name)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
	out := make([]string, 0, len(count))
	for k, n := range count {
		out = append(out, fmt.Sprintf("%s: %d", k, n))
	}
	sort.Strings(out)
	return out
}
