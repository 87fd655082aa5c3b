package qda

import "strings"

// checkMemos reports the problems of the sets and notes of p: duplicate
// ids and members or references that p does not define. codes, sources
// and coders are the ids p defines.
func (p *Project) checkMemos(codes, sources, coders map[string]bool) []error {
	var errs []error
	notes := map[string]bool{}
	for _, n := range p.Notes {
		if n.ID == "" {
			errs = append(errs, itemErr("note", n.ID, "empty id"))
		} else if notes[n.ID] {
			errs = append(errs, itemErr("note", n.ID, "duplicate id"))
		}
		notes[n.ID] = true
	}
	segments := map[string]bool{}
	selections := map[string]bool{}
	for _, s := range p.Segments {
		segments[s.ID] = true
		if s.Selection != "" {
			selections[strings.ToLower(s.Selection)] = true
		}
	}
	for _, n := range p.Notes {
		if n.Coder != "" && !coders[n.Coder] {
			errs = append(errs, itemErr("note", n.ID, "coder %q is not a coder", n.Coder))
		}
		for _, r := range n.Refs {
			kind, id, _ := strings.Cut(r, ":")
			ok := false
			switch kind {
			case "project":
				ok = id == ""
			case "code":
				ok = codes[id]
			case "source":
				ok = sources[id]
			case "segment":
				ok = segments[id]
			case "selection":
				ok = selections[strings.ToLower(id)]
			}
			if !ok {
				errs = append(errs, itemErr("note", n.ID, "ref %q: expected project, or code:, source:, segment: or selection: and an existing id", r))
			}
		}
	}
	seen := map[string]bool{}
	for _, s := range p.Sets {
		if s.ID == "" || seen[s.ID] {
			errs = append(errs, itemErr("set", s.ID, "empty or duplicate id"))
		}
		seen[s.ID] = true
		for _, m := range []struct {
			kind string
			ids  []string
			def  map[string]bool
		}{{"code", s.Codes, codes}, {"source", s.Sources, sources}, {"note", s.Notes, notes}} {
			for _, id := range m.ids {
				if !m.def[id] {
					errs = append(errs, itemErr("set", s.ID, "member %s %q is not a %s", m.kind, id, m.kind))
				}
			}
		}
	}
	return errs
}

// splitList splits a ';'-separated list cell; an empty cell is no items.
func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ";")
}

// memos reads the optional sets and notes resources.
func (l *loader) memos(p *Project, tab func(string) *Table) {
	if st := tab("sets"); st != nil {
		c := l.cols(st, []string{"id", "name"}, []string{"description", "codes", "sources", "notes", "guid"})
		for r, row := range st.Rows {
			s := Set{ID: get(row, c["id"]), Name: get(row, c["name"]), Description: get(row, c["description"]),
				Codes: splitList(get(row, c["codes"])), Sources: splitList(get(row, c["sources"])),
				Notes: splitList(get(row, c["notes"])), GUID: l.guid(st, r, c["guid"])}
			l.at("set", s.ID, st, r)
			p.Sets = append(p.Sets, s)
		}
	}
	if nt := tab("notes"); nt != nil {
		c := l.cols(nt, []string{"id"}, []string{"title", "coder", "refs", "text", "guid"})
		for r, row := range nt.Rows {
			n := Note{ID: get(row, c["id"]), Title: get(row, c["title"]), Coder: get(row, c["coder"]),
				Refs: splitList(get(row, c["refs"])), Text: get(row, c["text"]), GUID: l.guid(nt, r, c["guid"])}
			l.at("note", n.ID, nt, r)
			p.Notes = append(p.Notes, n)
		}
	}
}
