package datapkg

import (
	"slices"
	"sync"

	"github.com/nexus-toolkit/nexus/analysis/safefile"
)

// ReadTable reads the file of the resource and checks it against its
// schema, as Read does, but checks neither the declared hash nor the
// foreign keys, which concern the whole package: it is how a reader that
// needs one table (package qda, say) reads it. The table is returned
// whenever the file could be read, with its problems in file order.
func (r *Resource) ReadTable() (*Table, error) {
	raw, err := safefile.ReadFile(r.dir, r.Path, maxFile)
	if err != nil {
		return nil, Problems{readProblem(r, err)}
	}
	t, ps := r.table(raw)
	if len(ps) == 0 {
		return t, nil
	}
	slices.SortStableFunc(ps, comparePos)
	return t, ps
}

// table parses and validates raw, the resource's file, and returns its
// problems in no particular order.
func (r *Resource) table(raw []byte) (*Table, Problems) {
	var ps Problems
	var mu sync.Mutex
	add := func(p *Problem) {
		mu.Lock()
		ps = append(ps, p)
		mu.Unlock()
	}
	t := &Table{Resource: r, raw: raw}
	t.parse(r.file, add)
	t.validate(r.file, add)
	return t, ps
}

// Position returns the line and character column where the cell of row
// and field starts, as a Problem about it gives them (column 0 when the
// file lacks the field's column).
func (t *Table) Position(row, field int) (line, col int) { return t.cellPos(row, field) }
