package datapkg

import "fmt"

func (t *Table) header(file string, line int, rec []uint32, end int, add func(*Problem)) {
	fields := t.Resource.Schema.Fields
	t.ncol = len(rec)
	t.Header = make([]string, len(rec))
	for i, s := range rec {
		if i == len(rec)-1 {
			t.Header[i] = t.span(int(s), end, true)
		} else {
			t.Header[i] = t.span(int(s), int(rec[i+1])-1, false)
		}
	}
	pos := map[string]int{}
	cc := &colCounter{raw: t.raw}
	cols := make([]int, len(rec))
	for i, s := range rec {
		cols[i] = cc.at(int(s))
	}
	for i, h := range t.Header {
		if _, dup := pos[h]; dup {
			add(&Problem{Path: file, Line: line, Column: cols[i], Err: fmt.Errorf("%w: column %d %q appears twice", ErrHeader, i+1, h)})
			continue
		}
		pos[h] = i
	}
	known := map[string]bool{}
	for fi, f := range fields {
		known[f.Name] = true
		if c, ok := pos[f.Name]; ok {
			t.col[fi] = c
		} else {
			add(&Problem{Path: file, Line: line, Err: fmt.Errorf("%w: column %q is missing, want it as column %d", ErrHeader, f.Name, fi+1)})
		}
	}
	extra := false
	for i, h := range t.Header {
		if !known[h] {
			extra = true
			add(&Problem{Path: file, Line: line, Column: cols[i], Err: fmt.Errorf("%w: column %d %q is not in the schema", ErrHeader, i+1, h)})
		}
	}
	if extra || len(t.Header) != len(fields) {
		return
	}
	for i, h := range t.Header {
		if h != fields[i].Name {
			add(&Problem{Path: file, Line: line, Column: cols[i], Err: fmt.Errorf("%w: column %d is %q, want %q (schema order)", ErrHeader, i+1, h, fields[i].Name)})
		}
	}
}
