package datapkg

import (
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
)

// foreignKeys checks the foreign keys of r against the tables read.
func (p *Package) foreignKeys(r *Resource) Problems {
	fks := r.Schema.ForeignKeys
	out := make([]Problems, len(fks))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, fk := range fks {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			out[i] = p.foreignKey(r, fk)
			<-sem
		}()
	}
	wg.Wait()
	var ps Problems
	for _, o := range out {
		ps = append(ps, o...)
	}
	return ps
}

// foreignKey checks one foreign key of r.
func (p *Package) foreignKey(r *Resource, fk ForeignKey) Problems {
	var ps Problems
	t := r.Table
	{
		ref := r
		if fk.Resource != "" {
			ref = p.Resource(fk.Resource)
		}
		if ref == nil || ref.Table == nil || ref.Table.incomplete {
			// Reported already; a key may be on a row left out.
			return nil
		}
		rt := ref.Table
		local := make([]int, len(fk.Fields))
		for i, name := range fk.Fields {
			local[i] = t.Field(name)
		}
		remote := make([]int, len(fk.Reference))
		for i, name := range fk.Reference {
			remote[i] = rt.Field(name)
			if remote[i] < 0 || rt.col[remote[i]] < 0 {
				remote = nil
				break
			}
		}
		if remote == nil {
			return nil
		}
		keys := make(map[string]struct{}, rt.Len())
		for row := range rt.Len() {
			if k, ok := tupleKey(rt, row, remote); ok {
				keys[k] = struct{}{}
			}
		}
		target := ref.Name + "." + strings.Join(fk.Reference, ",")
		if len(fk.Reference) > 1 {
			target = ref.Name + ".(" + strings.Join(fk.Reference, ",") + ")"
		}
		name := strings.Join(fk.Fields, ",")
		lf := r.Schema.Fields[local[0]]
		list := len(local) == 1 && lf.Type == "list"
		for row := range t.Len() {
			if list {
				if t.IsMissing(row, local[0]) || t.col[local[0]] < 0 {
					continue
				}
				s := t.Text(row, local[0])
				l, c := -1, 0
				for n, rest := 1, s; ; n++ {
					item, tail, more := strings.Cut(rest, lf.Delimiter)
					if _, ok := keys[item]; !ok {
						if l < 0 {
							l, c = t.cellPos(row, local[0])
						}
						ps = append(ps, &Problem{Path: r.file, Line: l, Column: c, Field: name, Value: s,
							Err: fmt.Errorf("%w: item %d %q, want a value of %s", ErrForeignKey, n, item, target)})
					}
					if !more {
						break
					}
					rest = tail
				}
				continue
			}
			k, ok := tupleKey(t, row, local)
			if !ok {
				continue // a missing value refers to nothing
			}
			if _, found := keys[k]; !found {
				l, c := t.cellPos(row, local[0])
				ps = append(ps, &Problem{Path: r.file, Line: l, Column: c, Field: name, Value: strings.ReplaceAll(k, "\x00", ","),
					Err: fmt.Errorf("%w, want a value of %s", ErrForeignKey, target)})
			}
		}
	}
	return ps
}

// tupleKey joins the cells of fields in row; ok is false when one is
// missing or absent.
func tupleKey(t *Table, row int, fields []int) (string, bool) {
	if len(fields) == 1 {
		f := fields[0]
		if t.col[f] < 0 || t.IsMissing(row, f) {
			return "", false
		}
		return t.keyText(row, f), true
	}
	var b strings.Builder
	for i, f := range fields {
		if t.col[f] < 0 || t.IsMissing(row, f) {
			return "", false
		}
		if i > 0 {
			b.WriteByte(0)
		}
		b.WriteString(t.keyText(row, f))
	}
	return b.String(), true
}

// keyText returns a cell as a key: integers by value ("007" is "7"),
// everything else as text.
func (t *Table) keyText(row, f int) string {
	s := t.Text(row, f)
	if t.ints[f] != nil && !canonicalInt(s) {
		if v, ok := t.Int(row, f); ok {
			return strconv.FormatInt(v, 10)
		}
	}
	return s
}
