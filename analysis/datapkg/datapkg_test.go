package datapkg

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./analysis/datapkg -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs:\n--- got\n%s--- want\n%s", path, got, want)
	}
}

func problemText(err error) []byte {
	var b bytes.Buffer
	ps := AsProblems(err)
	if ps == nil && err != nil {
		b.WriteString(err.Error() + "\n")
	}
	for _, p := range ps {
		b.WriteString(p.Error() + "\n")
	}
	return b.Bytes()
}

func TestGood(t *testing.T) {
	for _, dir := range []string{"testdata/good", "testdata/spreadsheet"} {
		p, err := Read(dir)
		if err != nil {
			t.Fatalf("%s: %v", dir, problemText(err))
		}
		if got, want := p.Rows(), 3+3+3+2; got != want {
			t.Errorf("%s: %d rows, want %d", dir, got, want)
		}
		people := p.Resource("people").Table
		name := people.Field("name")
		note := people.Field("note")
		if got := people.Text(1, note); got != "two\nlines" {
			t.Errorf("%s: note of row 1 = %q, want a value over two lines", dir, got)
		}
		if got := people.Line(2); got != 5 {
			t.Errorf("%s: row 2 starts on line %d, want 5 (after a two-line cell)", dir, got)
		}
		if got := people.Text(2, name); got != "Ćirić" {
			t.Errorf("%s: name = %q", dir, got)
		}
		if !people.IsMissing(1, people.Field("born")) || !people.IsMissing(2, people.Field("height")) {
			t.Errorf("%s: NA is a missing value", dir)
		}
		if v, ok := people.Bool(0, people.Field("active")); !v || !ok {
			t.Errorf("%s: active of row 0 = %v %v, want true (trueValues yes)", dir, v, ok)
		}
		if v, ok := people.Float(0, people.Field("height")); v != 1.70 || !ok {
			t.Errorf("%s: height = %v %v", dir, v, ok)
		}
		if got := people.List(0, people.Field("teams")); strings.Join(got, "|") != "ABC|BCD" {
			t.Errorf("%s: teams = %q", dir, got)
		}
		teams := p.Resource("teams").Table
		if got := teams.Text(1, teams.Field("name")); got != `Bravo "B" Club` {
			t.Errorf("%s: escaped quotes: %q", dir, got)
		}
		if got := teams.Text(0, 0); got != "ABC" {
			t.Errorf("%s: first cell after the BOM = %q", dir, got)
		}
		if v, ok := teams.Int(1, teams.Field("founded")); v != 1850 || !ok {
			t.Errorf("%s: founded = %v %v", dir, v, ok)
		}
		if got := teams.Value(2, teams.Field("league")); got != nil {
			t.Errorf("%s: missing league = %v, want nil", dir, got)
		}
	}
}

// TestRules reads one broken copy of testdata/good per rule and compares
// the problems with testdata/rules/<rule>.golden.
func TestRules(t *testing.T) {
	sentinel := map[string]error{
		"required": ErrRequired, "unique": ErrUnique, "enum": ErrEnum, "pattern": ErrPattern,
		"type-integer": ErrType, "type-number": ErrType, "type-boolean": ErrType, "type-date": ErrType,
		"type-datetime": ErrType, "type-year": ErrType, "type-yearmonth": ErrType, "type-list-item": ErrType,
		"minimum": ErrMinimum, "maximum": ErrMaximum, "exclusive-minimum": ErrMinimum,
		"min-length": ErrMinLength, "max-length": ErrMaxLength, "list-max-length": ErrMaxLength,
		"missing-values": ErrRequired, "primary-key": ErrUnique, "primary-key-missing": ErrRequired,
		"primary-key-composite": ErrUnique, "foreign-key": ErrForeignKey, "foreign-key-self": ErrForeignKey,
		"foreign-key-list": ErrForeignKey, "foreign-key-composite": ErrForeignKey, "hash": ErrHash,
		"header-missing": ErrHeader, "header-extra": ErrHeader, "header-order": ErrHeader,
		"field-count": ErrFieldCount, "encoding": ErrEncoding, "syntax-bare-quote": ErrSyntax,
		"syntax-after-quote": ErrSyntax, "syntax-unclosed": ErrSyntax, "empty-file": ErrHeader,
		"missing-file": ErrMissingFile, "descriptor-syntax": ErrDescriptor, "descriptor-type": ErrDescriptor,
		"descriptor-schema": ErrDescriptor, "date-precision": ErrDate, "nan-bounds": ErrNotFinite,
		"control": ErrControl, "format-chars": ErrFormat, "blank": ErrBlank, "range": ErrOrder,
		"version": ErrVersion,
	}
	dirs, err := filepath.Glob("testdata/rules/*")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, dir := range dirs {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			continue
		}
		n++
		rule := filepath.Base(dir)
		t.Run(rule, func(t *testing.T) {
			_, err := Read(dir)
			if err == nil {
				t.Fatal("valid, want problems")
			}
			want, ok := sentinel[rule]
			if !ok {
				t.Fatalf("no sentinel listed for rule %s", rule)
			}
			if !errors.Is(err, want) {
				t.Errorf("errors.Is(err, %v) = false; err: %v", want, err)
			}
			golden(t, filepath.Join("rules", rule+".golden"), problemText(err))
		})
	}
	if n != len(sentinel) {
		t.Errorf("%d rule fixtures, %d sentinels listed", n, len(sentinel))
	}
}

func TestNoDescriptor(t *testing.T) {
	_, err := Read(t.TempDir())
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("err = %v, want not exist", err)
	}
}

func TestProblemFormat(t *testing.T) {
	p := &Problem{Path: "a/b.csv", Line: 3, Column: 7, Field: "x", Value: "y", Err: ErrEnum}
	if got, want := p.Error(), `a/b.csv:3:7: field "x": value "y": not in enum`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	p = &Problem{Path: "a/b.csv", Err: ErrHash}
	if got, want := p.Error(), `a/b.csv: hash mismatch`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	long := &Problem{Path: "f", Line: 1, Field: "x", Value: strings.Repeat("é", 100), Err: ErrType}
	if got := long.Error(); !strings.Contains(got, `..."`) || !strings.HasPrefix(got, "f:1: ") {
		t.Errorf("long value not shortened: %s", got)
	}
	ps := Problems{p, long}
	if !errors.Is(ps, ErrType) || !errors.Is(ps, ErrHash) || errors.Is(ps, ErrEnum) {
		t.Error("errors.Is over Problems")
	}
	if !strings.HasSuffix(ps.Error(), "(and 1 more problems)") {
		t.Errorf("Problems.Error() = %s", ps.Error())
	}
}
