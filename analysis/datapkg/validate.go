package datapkg

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/nexus-toolkit/nexus/analysis/safefile"
)

// Read opens the package in dir and reads and validates every resource.
// The package is returned even when it has problems, with the tables that
// could be read; the error is then Problems (or an *fs.PathError when the
// descriptor cannot be read).
func Read(dir string) (*Package, error) {
	p, err := Open(dir)
	if err != nil {
		return p, err
	}
	return p, p.Validate()
}

// Validate reads every resource of the package into its Table and checks
// it against the schema, the foreign keys and the declared hash. It
// returns Problems, or nil when the package is valid.
func (p *Package) Validate() error {
	var ps Problems
	for _, r := range p.Resources {
		r.Table = nil
		if r.file == "" {
			continue
		}
		ps = append(ps, r.read()...)
	}
	for _, r := range p.Resources {
		if r.Table != nil {
			ps = append(ps, p.foreignKeys(r)...)
		}
	}

	// Stable order: resources in descriptor order, then line and column.
	idx := map[string]int{}
	for i, r := range p.Resources {
		idx[r.file] = i + 1
	}
	slices.SortStableFunc(ps, func(a, b *Problem) int {
		if c := idx[a.Path] - idx[b.Path]; c != 0 {
			return c
		}
		return comparePos(a, b)
	})
	if len(ps) == 0 {
		return nil
	}
	return ps
}

// Rows returns the total number of rows of the package's tables.
func (p *Package) Rows() int {
	n := 0
	for _, r := range p.Resources {
		if r.Table != nil {
			n += r.Table.Len()
		}
	}
	return n
}

// splitHash splits a declared hash into its algorithm and hex digest.
func splitHash(h string) (alg, digest string, err error) {
	alg, digest, ok := strings.Cut(h, ":")
	if !ok {
		alg, digest = "md5", h
	}
	alg = strings.ToLower(alg)
	want := map[string]int{"md5": 32, "sha1": 40, "sha256": 64, "sha512": 128}[alg]
	if want == 0 {
		return "", "", fmt.Errorf("%w: algorithm %q, want md5, sha1, sha256 or sha512", ErrUnsupported, alg)
	}
	if _, err := hex.DecodeString(digest); err != nil || len(digest) != want {
		return "", "", fmt.Errorf("%w: digest %q, want %d hex digits", ErrDescriptor, digest, want)
	}
	return alg, strings.ToLower(digest), nil
}

func newHash(alg string) hash.Hash {
	switch alg {
	case "md5":
		return md5.New()
	case "sha1":
		return sha1.New()
	case "sha512":
		return sha512.New()
	}
	return sha256.New()
}

func (r *Resource) read() Problems {
	file := r.file
	raw, err := safefile.ReadFile(r.dir, r.Path, maxFile)
	if err != nil {
		return Problems{readProblem(r, err)}
	}
	// Hash while the file is parsed and validated; report it last, so
	// that the order of problems does not depend on timing.
	var wg sync.WaitGroup
	var hashProblem *Problem
	if r.Hash != "" {
		wg.Add(1)
		go func() {
			defer wg.Done()
			alg, want, err := splitHash(r.Hash)
			if err != nil {
				return // reported with the descriptor
			}
			h := newHash(alg)
			h.Write(raw)
			if got := hex.EncodeToString(h.Sum(nil)); got != want {
				hashProblem = &Problem{Path: file, Err: fmt.Errorf("%w: declared %s:%s, file has %s:%s; %s", ErrHash, alg, want, alg, got, RehashHint(r.dir))}
			}
		}()
	}
	t, ps := r.table(raw)
	r.Table = t
	wg.Wait()
	if hashProblem != nil {
		ps = append(ps, hashProblem)
	}
	return ps
}

// readProblem reports why the file of r could not be read: a refusal of
// package safefile names the resource and the reason; anything else is
// ErrMissingFile.
func readProblem(r *Resource, err error) *Problem {
	if errors.Is(err, safefile.ErrOutside) || errors.Is(err, safefile.ErrNotRegular) || errors.Is(err, safefile.ErrTooLarge) {
		return &Problem{Path: r.file, Err: fmt.Errorf("resource %q: %w", r.Name, err)}
	}
	return &Problem{Path: r.file, Err: fmt.Errorf("%w: %v", ErrMissingFile, err)}
}

// validate checks every field, a few fields at a time in parallel, and
// the primary key.
func (t *Table) validate(file string, report func(*Problem)) {
	var mu sync.Mutex
	add := func(p *Problem) {
		mu.Lock()
		report(p)
		mu.Unlock()
	}
	fields := t.Resource.Schema.Fields
	n := len(fields)
	t.missing = make([][]uint64, n)
	t.ints = make([][]int64, n)
	t.floats = make([][]float64, n)
	t.bools = make([][]bool, n)
	pk := t.Resource.Schema.PrimaryKey
	work := make(chan int)
	var wg sync.WaitGroup
	workers := min(runtime.GOMAXPROCS(0), n)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for fi := range work {
				t.validateField(file, fi, len(pk) == 1 && pk[0] == fields[fi].Name, slices.Contains(pk, fields[fi].Name), add)
			}
		}()
	}
	for fi := range fields {
		work <- fi
	}
	close(work)
	wg.Wait()
	if len(pk) > 1 {
		t.compositeKey(file, pk, add)
	}
}

func (f *Field) isMissing(s string) bool {
	for _, m := range f.missing {
		if s == m {
			return true
		}
	}
	return false
}

// validateField reads the cells of field fi into its typed column and
// checks each against the field's type and constraints: required, pattern
// and dates, enum, bounds, lengths and uniqueness. soleKey and inKey tell
// whether the field is the whole primary key or a part of it.
func (t *Table) validateField(file string, fi int, soleKey, inKey bool, add func(*Problem)) {
	f := t.Resource.Schema.Fields[fi]
	rows := t.Len()
	miss := make([]uint64, (rows+63)/64)
	t.missing[fi] = miss
	c := t.col[fi]
	if c < 0 {
		for r := range rows {
			miss[r>>6] |= 1 << (r & 63)
		}
		return // the header problem says it all
	}
	ints, floats, bools := t.typedColumns(fi, f.Type, rows)
	cons := &f.Constraints
	required := cons.Required || inKey
	unique := cons.Unique || soleKey
	fc := &fieldCheck{t: t, f: f, fi: fi, c: c, file: file, add: add, ints: ints, lastRow: -1, ascending: unique}
	var pattern *matcher
	if f.pattern != nil {
		pattern = newMatcher(f.pattern, f.prog)
	}
	onlyEmpty := len(f.missing) == 1 && f.missing[0] == ""
	hasLen := cons.MinLength != nil || cons.MaxLength != nil
	constrained := f.enum != nil && f.Type != "list" || f.min != nil || f.max != nil || hasLen && f.Type != "list"
	for r := range rows {
		s := t.textAt(r, c)
		if onlyEmpty && len(s) == 0 || !onlyEmpty && f.isMissing(s) {
			miss[r>>6] |= 1 << (r & 63)
			if required {
				fc.required(r, s, inKey)
			}
			continue
		}
		var ord float64
		switch f.Type {
		case "string":
			if pattern != nil && !pattern.MatchString(s) {
				fc.bad(r, s, fmt.Errorf("%w %q", ErrPattern, cons.Pattern))
			} else if f.date {
				if err := checkDate(s); err != nil {
					fc.bad(r, s, err)
				}
			}
		case "integer", "year":
			v, ok := parseInt(s)
			if !ok {
				fc.bad(r, s, fmt.Errorf("%w: %s", ErrType, typeWant(f.Type, f.Format)))
				miss[r>>6] |= 1 << (r & 63) // no value of the type
				continue
			}
			ints[r] = v
			ord = float64(v)
		case "number":
			v, ok := parseNumber(s)
			if !ok {
				fc.bad(r, s, fmt.Errorf("%w: %s", ErrType, typeWant(f.Type, f.Format)))
				miss[r>>6] |= 1 << (r & 63) // no value of the type
				continue
			}
			floats[r] = v
			ord = v
		case "boolean":
			v, ok := parseBool(f, s)
			if !ok {
				fc.bad(r, s, fmt.Errorf("%w: %s", ErrType, boolWant(f)))
				miss[r>>6] |= 1 << (r & 63) // no value of the type
				continue
			}
			bools[r] = v
		case "list":
			if !t.checkList(f, pattern, s, func(err error) { fc.bad(r, s, err) }) {
				continue
			}
		default:
			v, ok := checkValue(f, f.Type, f.layout, s)
			if !ok {
				fc.bad(r, s, fmt.Errorf("%w: %s", ErrType, typeWant(f.Type, f.Format)))
				miss[r>>6] |= 1 << (r & 63) // no value of the type
				continue
			}
			ord = v
			if pattern != nil && !pattern.MatchString(s) {
				fc.bad(r, s, fmt.Errorf("%w %q", ErrPattern, cons.Pattern))
			}
		}
		if constrained {
			fc.constraints(r, s, ord)
		}
		if unique {
			fc.unique(r, s)
		}
	}
	fc.duplicates()
}

// typedColumns makes the typed column of field fi, of the given type, for
// rows rows: integers (integer, year), numbers or booleans; the other
// two are nil, and all three for any other type.
func (t *Table) typedColumns(fi int, typ string, rows int) (ints []int64, floats []float64, bools []bool) {
	switch typ {
	case "integer", "year":
		ints = make([]int64, rows)
		t.ints[fi] = ints
	case "number":
		floats = make([]float64, rows)
		t.floats[fi] = floats
	case "boolean":
		bools = make([]bool, rows)
		t.bools[fi] = bools
	}
	return ints, floats, bools
}

// fieldCheck is the state of the check of one field of a table: where a
// problem is reported, and what the uniqueness check has seen.
type fieldCheck struct {
	t     *Table
	f     *Field
	fi, c int // the field and its column in the file
	file  string
	add   func(*Problem)
	ints  []int64 // the typed column of an integer field, else nil

	// A cell can have many problems (one per list item): its position
	// is found once.
	lastRow, line, col int

	// Keys are often in ascending order: while they are, they are
	// unique without hashing; the first step down hashes what came before.
	ascending, started bool
	prev               string
	seen               *uniq
}

// bad reports a problem of the cell of row r, whose text is s.
func (fc *fieldCheck) bad(r int, s string, err error) {
	if r != fc.lastRow {
		fc.lastRow = r
		fc.line, fc.col = fc.t.cellPos(r, fc.fi)
	}
	fc.add(&Problem{Path: fc.file, Line: fc.line, Column: fc.col, Field: fc.f.Name, Value: s, Err: err})
}

// required reports the missing value s of row r of a required field or a
// field of the primary key.
func (fc *fieldCheck) required(r int, s string, inKey bool) {
	what := "want a value"
	if inKey && !fc.f.Constraints.Required {
		what = "want a value for the primary key"
	}
	fc.bad(r, s, fmt.Errorf("%w, %s", ErrRequired, what))
}

// constraints checks the value s of row r, of ordinal ord, against the
// field's enum, bounds and lengths.
func (fc *fieldCheck) constraints(r int, s string, ord float64) {
	f := fc.f
	cons := &f.Constraints
	if f.enum != nil && f.Type != "list" {
		k := s
		if f.Type != "string" {
			k, _ = enumKey(f, s)
		}
		if !inEnum(f, k) {
			fc.bad(r, s, fmt.Errorf("%w, %s", ErrEnum, enumWant(f)))
		}
	}
	if (f.min != nil || f.max != nil) && !f.inBounds(ord) {
		fc.bad(r, s, f.boundsError(ord))
	}
	if (cons.MinLength != nil || cons.MaxLength != nil) && f.Type != "list" {
		n := runeLen(s)
		if cons.MinLength != nil && n < *cons.MinLength {
			fc.bad(r, s, fmt.Errorf("%w: %d characters, want at least %d", ErrMinLength, n, *cons.MinLength))
		}
		if cons.MaxLength != nil && n > *cons.MaxLength {
			fc.bad(r, s, fmt.Errorf("%w: %d characters, want at most %d", ErrMaxLength, n, *cons.MaxLength))
		}
	}
}

// keyOf returns the key of row r for uniqueness: integers compare by
// value; ok is false when the cell is missing or not of the type.
func (fc *fieldCheck) keyOf(r int) (string, bool) {
	if fc.t.missing[fc.fi][r>>6]&(1<<(r&63)) != 0 {
		return "", false
	}
	s := fc.t.textAt(r, fc.c)
	if fc.ints != nil {
		v, ok := parseInt(s)
		if !ok {
			return "", false
		}
		if !canonicalInt(s) {
			return strconv.FormatInt(v, 10), true
		}
	}
	return s, true
}

// unique records the value s of row r for the uniqueness check: while
// the keys ascend nothing is hashed; at the first step down the keys so
// far are hashed, and every later one.
func (fc *fieldCheck) unique(r int, s string) {
	key := s
	if fc.ints != nil && !canonicalInt(s) {
		key = strconv.FormatInt(fc.ints[r], 10)
	}
	if fc.ascending {
		if !fc.started || key > fc.prev {
			fc.prev, fc.started = key, true
			return
		}
		fc.ascending = false
		fc.seen = newUniq(fc.t.Len())
		for q := range r {
			if k, ok := fc.keyOf(q); ok {
				fc.seen.add(k, q)
			}
		}
	}
	if fc.seen != nil {
		fc.seen.add(key, r)
	}
}

// duplicates reports every row whose key an earlier row has.
func (fc *fieldCheck) duplicates() {
	if fc.seen == nil {
		return
	}
	fc.seen.dupes(func(r int) string { k, _ := fc.keyOf(r); return k }, func(r, first int) {
		fc.bad(r, fc.t.textAt(r, fc.c), fmt.Errorf("%w, first on line %d", ErrUnique, fc.t.lines[first]))
	})
}

// inBounds reports whether the ordinal v of a value is within the field's
// minimum and maximum. NaN, INF and -INF are within no bound: Table Schema
// reads them as numbers, so a field without bounds accepts them, but a
// bounded field wants a finite number (NaN compares false with
// everything, and would otherwise pass both bounds).
func (f *Field) inBounds(v float64) bool {
	return v-v == 0 && // false for NaN and ±Inf
		(f.min == nil || v > f.min.v || !f.min.excl && v == f.min.v) &&
		(f.max == nil || v < f.max.v || !f.max.excl && v == f.max.v)
}

// boundsError says why v is not inBounds: ErrNotFinite, ErrMinimum or
// ErrMaximum.
func (f *Field) boundsError(v float64) error {
	minOp, maxOp := ">=", "<="
	if f.min != nil && f.min.excl {
		minOp = ">"
	}
	if f.max != nil && f.max.excl {
		maxOp = "<"
	}
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		var want []string
		if f.min != nil {
			want = append(want, minOp+" "+f.min.text)
		}
		if f.max != nil {
			want = append(want, maxOp+" "+f.max.text)
		}
		return fmt.Errorf("%w, want a number %s", ErrNotFinite, strings.Join(want, " and "))
	case f.min != nil && !(v > f.min.v || !f.min.excl && v == f.min.v):
		return fmt.Errorf("%w, want %s %s", ErrMinimum, minOp, f.min.text)
	}
	return fmt.Errorf("%w, want %s %s", ErrMaximum, maxOp, f.max.text)
}

// canonicalInt reports whether s is an integer written the one way
// strconv.FormatInt writes it, so that it can be compared as text.
func canonicalInt(s string) bool {
	if len(s) == 0 || s[0] == '+' {
		return false
	}
	d := s
	if s[0] == '-' {
		d = s[1:]
	}
	return len(d) > 0 && (d[0] != '0' || len(d) == 1 && s[0] != '-')
}

// inEnum reports whether the canonical value k is in f's enum: a linear
// scan for short enums, which beats hashing.
func inEnum(f *Field, k string) bool {
	if f.enumList != nil {
		for _, e := range f.enumList {
			if len(e) == len(k) && e == k {
				return true
			}
		}
		return false
	}
	return f.enum[k]
}

func boolWant(f *Field) string {
	q := func(ss []string) string {
		out := make([]string, len(ss))
		for i, s := range ss {
			out[i] = strconv.Quote(s)
		}
		return strings.Join(out, ", ")
	}
	return "want a boolean: " + q(f.TrueValues) + " or " + q(f.FalseValues)
}

// checkList checks the items of a list cell and reports each bad one.
func (t *Table) checkList(f *Field, pattern *matcher, s string, bad func(error)) bool {
	cons := &f.Constraints
	ok := true
	n := 0
	for rest := s; ; {
		item, tail, more := strings.Cut(rest, f.Delimiter)
		n++
		if _, good := checkValue(f, f.ItemType, f.itemLay, item); !good {
			bad(fmt.Errorf("%w: item %d %q: %s", ErrType, n, item, typeWant(f.ItemType, "")))
			ok = false
		} else {
			if pattern != nil && !pattern.MatchString(item) {
				bad(fmt.Errorf("%w %q: item %d %q", ErrPattern, cons.Pattern, n, item))
			} else if f.date {
				if err := checkDate(item); err != nil {
					bad(fmt.Errorf("item %d %q: %w", n, item, err))
				}
			}
			if f.enum != nil && !f.enum[item] {
				bad(fmt.Errorf("%w: item %d %q, %s", ErrEnum, n, item, enumWant(f)))
			}
		}
		if !more {
			break
		}
		rest = tail
	}
	if cons.MinLength != nil && n < *cons.MinLength {
		bad(fmt.Errorf("%w: %d items, want at least %d", ErrMinLength, n, *cons.MinLength))
	}
	if cons.MaxLength != nil && n > *cons.MaxLength {
		bad(fmt.Errorf("%w: %d items, want at most %d", ErrMaxLength, n, *cons.MaxLength))
	}
	return ok
}

func (t *Table) compositeKey(file string, pk []string, add func(*Problem)) {
	idx := make([]int, len(pk))
	for i, name := range pk {
		idx[i] = t.Field(name)
		if t.col[idx[i]] < 0 {
			return
		}
	}
	seen := make(map[string]int32, t.Len())
	for r := range t.Len() {
		k, ok := tupleKey(t, r, idx)
		if !ok {
			continue // reported as a missing required value
		}
		if first, dup := seen[k]; dup {
			l, c := t.cellPos(r, idx[0])
			add(&Problem{Path: file, Line: l, Column: c, Field: strings.Join(pk, ","), Value: strings.ReplaceAll(k, "\x00", ","),
				Err: fmt.Errorf("%w of the primary key, first on line %d", ErrUnique, t.lines[first])})
		} else {
			seen[k] = int32(r)
		}
	}
}
