package refi

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/nexus-toolkit/nexus/analysis/qda"
)

// memos reads the notes, the note references and the sets of x into the
// project, after project has read everything they refer to. source reads
// an internal file of the archive.
func (im *importer) memos(x *xProject, source func(file string) ([]byte, error)) {
	p := im.p
	noteID := map[string]string{} // note GUID -> id
	noteIdx := map[string]int{}   // note id -> index in p.Notes
	if x.Notes != nil {
		for i, n := range x.Notes.Note {
			g := im.define("note", n.GUID)
			text, ok := im.noteText(n, source)
			if !ok {
				continue
			}
			id := im.newID("note", n.Name, i+1)
			noteID[g] = id
			noteIdx[id] = len(p.Notes)
			p.Notes = append(p.Notes, qda.Note{ID: id, Title: or(n.Name, id), Coder: im.coderOf(n.CreatingUser), Text: text, GUID: g})
		}
	}
	attach := func(refs []xRef, target, where string) {
		for _, r := range refs {
			id, ok := noteID[normGUID(r.Target)]
			if !ok {
				if im.guids[normGUID(r.Target)] != "note" {
					im.errorf("%s: NoteRef %s: %w", where, r.Target, ErrMissingRef)
				}
				continue
			}
			n := &p.Notes[noteIdx[id]]
			n.Refs = append(n.Refs, target)
		}
	}
	attach(x.NoteRef, "project", "Project")
	if x.CodeBook != nil {
		var walk func(cs []xCode)
		walk = func(cs []xCode) {
			for _, c := range cs {
				attach(c.NoteRef, "code:"+im.code[normGUID(c.GUID)], fmt.Sprintf("Code %q", c.Name))
				walk(c.Code)
			}
		}
		walk(x.CodeBook.Codes.Code)
	}
	comments := 0
	segOf := map[string]string{} // coding GUID -> segment id
	for _, s := range p.Segments {
		segOf[s.GUID] = s.ID
	}
	if x.Sources != nil {
		for _, s := range x.Sources.Text {
			sid, ok := im.source[normGUID(s.GUID)]
			if !ok {
				continue // skipped and reported
			}
			attach(s.NoteRef, "source:"+sid, fmt.Sprintf("TextSource %q", s.Name))
			for _, c := range s.Coding {
				attach(c.NoteRef, "segment:"+segOf[normGUID(c.GUID)], "Coding "+c.GUID)
			}
			for _, sel := range s.Selection {
				if len(sel.Coding) == 0 {
					if len(sel.NoteRef) > 0 {
						im.rep.Warnings = append(im.rep.Warnings, fmt.Sprintf("PlainTextSelection %s in %q has no coding: %d notes keep their text but lose their place", sel.GUID, s.Name, len(sel.NoteRef)))
					}
					continue
				}
				attach(sel.NoteRef, "selection:"+normGUID(sel.GUID), "PlainTextSelection "+sel.GUID)
				if strings.TrimSpace(sel.Description) != "" {
					title := "Comment on " + strings.TrimSpace(sel.Name)
					id := im.newID("note", title, len(p.Notes)+1)
					p.Notes = append(p.Notes, qda.Note{ID: id, Title: title, Coder: im.coderOf(sel.CreatingUser), Text: sel.Description,
						Refs: []string{"selection:" + normGUID(sel.GUID)}, GUID: GUID(p.Name, "note", id)})
					comments++
				}
				for _, c := range sel.Coding {
					attach(c.NoteRef, "segment:"+segOf[normGUID(c.GUID)], "Coding "+c.GUID)
				}
			}
		}
	}
	if comments > 0 {
		im.rep.Warnings = append(im.rep.Warnings, fmt.Sprintf("%d descriptions of selections (comments on quotations) imported as notes on their selections", comments))
	}
	im.sets(x, noteID)
}

// noteText returns the plain text of a note: its PlainTextContent or its
// internal plain-text file. A note without plain text is reported as
// skipped.
func (im *importer) noteText(n xTextSource, source func(file string) ([]byte, error)) (string, bool) {
	switch {
	case n.Content != nil:
		return *n.Content, true
	case strings.HasPrefix(n.PlainTextPath, "internal://"):
		return im.internalText("Note", n.Name, n.PlainTextPath, source)
	}
	im.rep.Skipped = append(im.rep.Skipped, fmt.Sprintf("Note %q: no plain-text content", n.Name))
	return "", false
}

// internalText reads the UTF-8 text of an internal:// plain-text path of
// a TextSource or Note: a file name in the archive's sources/ folder.
func (im *importer) internalText(kind, name, path string, source func(file string) ([]byte, error)) (string, bool) {
	file := strings.TrimPrefix(path, "internal://")
	if err := checkEntryName(file); err != nil || strings.Contains(file, "/") {
		im.errorf("%s %q: plainTextPath %q: expected a file name in sources/", kind, name, path)
		return "", false
	}
	b, err := source(file)
	if err != nil {
		im.errorf("%s %q: %v", kind, name, err)
		return "", false
	}
	if !utf8.Valid(b) {
		im.errorf("%s %q: %s is not UTF-8", kind, name, file)
		return "", false
	}
	if kind == "TextSource" && bytes.HasPrefix(b, []byte("\uFEFF")) {
		im.rep.Warnings = append(im.rep.Warnings, fmt.Sprintf("TextSource %q: %s starts with a byte-order mark, kept as the first code point; if the program that exported it did not count it, every selection is one code point late", name, file))
	}
	return string(b), true
}

// sets reads the sets of x; members that were skipped (a PDF source, a
// note without text) are left out with a warning.
func (im *importer) sets(x *xProject, noteID map[string]string) {
	if x.Sets == nil {
		return
	}
	for i, s := range x.Sets.Set {
		g := im.define("set", s.GUID)
		set := qda.Set{ID: im.newID("set", s.Name, i+1), Name: s.Name, Description: s.Description, GUID: g}
		member := func(refs []xRef, kind string, ids map[string]string) []string {
			var out []string
			for _, r := range refs {
				t := normGUID(r.Target)
				if id, ok := ids[t]; ok {
					out = append(out, id)
					continue
				}
				if im.guids[t] == "" {
					im.errorf("Set %q: Member%s %s: %w", s.Name, kind, r.Target, ErrMissingRef)
					continue
				}
				im.rep.Warnings = append(im.rep.Warnings, fmt.Sprintf("Set %q: member %s %s was not imported and is left out", s.Name, strings.ToLower(kind), r.Target))
			}
			return out
		}
		set.Codes = member(s.MemberCode, "Code", im.code)
		set.Sources = member(s.MemberSource, "Source", im.source)
		set.Notes = member(s.MemberNote, "Note", noteID)
		im.p.Sets = append(im.p.Sets, set)
	}
}
