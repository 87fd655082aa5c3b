package refi

import (
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/qda"
)

// memosXML adds the notes, their NoteRefs and the sets of p to x, whose
// other parts projectXML has built. coder maps coder ids to user GUIDs.
func memosXML(x *xProject, p *qda.Project, g guids, coder map[string]string) {
	target := map[string]string{"project": "project"} // note ref -> GUID of the object
	for _, c := range p.Codes {
		target["code:"+c.ID] = g.of("code", c.ID, c.GUID)
	}
	for _, s := range p.Sources {
		target["source:"+s.ID] = g.of("source", s.ID, s.GUID)
	}
	for _, s := range p.Segments {
		target["segment:"+s.ID] = g.of("coding", s.ID, s.GUID)
		if s.Selection != "" {
			target["selection:"+strings.ToLower(s.Selection)] = g.of("selection", s.ID, s.Selection) // as projectXML writes it
		}
	}
	noteGUID := map[string]string{}
	refs := map[string][]xRef{} // object GUID -> NoteRefs, in note order
	if len(p.Notes) > 0 {
		x.Notes = &xNotes{}
	}
	for _, n := range p.Notes {
		guid := g.of("note", n.ID, n.GUID)
		noteGUID[n.ID] = guid
		name := n.Title
		if name == "" {
			name = n.ID
		}
		text := n.Text
		x.Notes.Note = append(x.Notes.Note, xTextSource{GUID: guid, Name: name, CreatingUser: coder[n.Coder], Content: &text})
		for _, r := range n.Refs {
			kind, id, _ := strings.Cut(r, ":")
			if kind == "selection" {
				r = "selection:" + strings.ToLower(id)
			}
			t := target[r]
			refs[t] = append(refs[t], xRef{guid})
		}
	}
	x.NoteRef = refs["project"]
	var walk func(cs []xCode)
	walk = func(cs []xCode) {
		for i := range cs {
			cs[i].NoteRef = refs[cs[i].GUID]
			walk(cs[i].Code)
		}
	}
	if x.CodeBook != nil {
		walk(x.CodeBook.Codes.Code)
	}
	if x.Sources != nil {
		for i := range x.Sources.Text {
			ts := &x.Sources.Text[i]
			ts.NoteRef = refs[ts.GUID]
			for j := range ts.Selection {
				sel := &ts.Selection[j]
				sel.NoteRef = refs[sel.GUID]
				for k := range sel.Coding {
					sel.Coding[k].NoteRef = refs[sel.Coding[k].GUID]
				}
			}
		}
	}
	if len(p.Sets) > 0 {
		x.Sets = &xSets{}
	}
	for _, s := range p.Sets {
		xs := xSet{GUID: g.of("set", s.ID, s.GUID), Name: s.Name, Description: s.Description}
		for _, id := range s.Codes {
			xs.MemberCode = append(xs.MemberCode, xRef{target["code:"+id]})
		}
		for _, id := range s.Sources {
			xs.MemberSource = append(xs.MemberSource, xRef{target["source:"+id]})
		}
		for _, id := range s.Notes {
			xs.MemberNote = append(xs.MemberNote, xRef{noteGUID[id]})
		}
		x.Sets.Set = append(x.Sets.Set, xs)
	}
}

// codeSets returns the sets of p that have codes, as .qdc code sets; the
// sources and notes of a set have no place in a codebook.
func codeSets(p *qda.Project, g guids) *xCBSets {
	var out xCBSets
	for _, s := range p.Sets {
		if len(s.Codes) == 0 {
			continue
		}
		xs := xCBSet{GUID: g.of("set", s.ID, s.GUID), Name: s.Name, Description: s.Description}
		for _, c := range p.Codes {
			for _, id := range s.Codes {
				if id == c.ID {
					xs.MemberCode = append(xs.MemberCode, xCBMember{g.of("code", c.ID, c.GUID)})
				}
			}
		}
		out.Set = append(out.Set, xs)
	}
	if len(out.Set) == 0 {
		return nil
	}
	return &out
}
