package datapkg

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestDiff(t *testing.T) {
	diffGolden(t, "testdata/diff", "diff.golden")
}

// diffGolden diffs the packages v1.0.0 and v1.1.0 under dir, compares the
// changes with the golden file name, checks that a package has no change
// with itself, and returns the changes.
func diffGolden(t *testing.T, dir, name string) []Change {
	t.Helper()
	old, err := Read(dir + "/v1.0.0")
	if err != nil {
		t.Fatal(err)
	}
	new, err := Read(dir + "/v1.1.0")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	cs := Diff(old, new)
	for _, c := range cs {
		fmt.Fprintln(&b, c)
	}
	golden(t, name, b.Bytes())
	for _, p := range []*Package{old, new} {
		if same := Diff(p, p); len(same) != 0 {
			t.Errorf("Diff of a package with itself: %v", same)
		}
	}
	return cs
}

// TestDiffSeesEverything is issue 19 item 10, on a golden file: composite
// keys compared as tuples (("a,b","c") and ("a","b,c") are two rows),
// identical rows of a resource without a primary key counted, a key with
// a newline quoted, and every schema change reported (each constraint,
// the primary key, the path, a custom property), while a mere reordering
// of the descriptor's keys is no change.
func TestDiffSeesEverything(t *testing.T) {
	for _, c := range diffGolden(t, "testdata/diff-schema", "diff-schema.golden") {
		if c.Kind == RowRemoved && c.Resource == "pairs" && !slices.Equal(c.KeyValues, []string{"a,b", "c"}) {
			t.Errorf("removed pairs row has key %q, want (a,b; c)", c.KeyValues)
		}
	}
}

func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	ents, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

func TestRehash(t *testing.T) {
	dir := copyDir(t, "testdata/good")
	name := filepath.Join(dir, DescriptorName)
	orig, _ := os.ReadFile(name)
	// Up to date: nothing is written.
	if _, changed, err := Rehash(dir, RehashOptions{}); err != nil || changed {
		t.Fatalf("Rehash of a good package: changed %v, err %v", changed, err)
	}
	// Change a file: only its hash changes, in place.
	games := filepath.Join(dir, "games.csv")
	b, _ := os.ReadFile(games)
	os.WriteFile(games, append(b, "BCD,2,1,0\n"...), 0o644)
	if _, err := Read(dir); !strings.Contains(fmt.Sprint(err), "hash mismatch") {
		t.Fatalf("want a hash mismatch, got %v", err)
	}
	hs, changed, err := Rehash(dir, RehashOptions{})
	if err != nil || !changed {
		t.Fatalf("changed %v, err %v", changed, err)
	}
	if _, err := Read(dir); err != nil {
		t.Fatalf("after Rehash: %v", err)
	}
	now, _ := os.ReadFile(name)
	if len(now) != len(orig) {
		t.Errorf("descriptor changed length %d -> %d; only a hash value should change", len(orig), len(now))
	}
	for _, h := range hs {
		if !h.OK() {
			t.Errorf("%s not ok after Rehash", h.Path)
		}
	}
	// No hashes: they are inserted after "path", in that line's style.
	raw := []byte("{\n  \"name\": \"x\",\n  \"resources\": [\n    {\n      \"name\": \"games\",\n      \"path\": \"games.csv\",\n      \"schema\": {\"fields\": [{\"name\": \"team\"}, {\"name\": \"round\"}, {\"name\": \"score\"}, {\"name\": \"home\"}]}\n    },\n    {\"name\": \"b\", \"path\": \"games.csv\"}\n  ]\n}\n")
	out, err := setHashes(raw, []string{"sha256:aa", "sha256:bb"})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "rehash.golden", out)
}

// TestMatcher checks the DFA against regexp on random strings.
func TestMatcher(t *testing.T) {
	patterns := []string{
		`r[0-9]{3}`, `[a-z0-9]+(-[a-z0-9]+)*`, `[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?`, `#[0-9A-F]{6}`,
		`10\.[0-9]{4,9}/\S+`, `https?://\S+`, `a|ab|abc`, `(?i)abc`, `.*x.*`, `^a$`, `\bx`, `[^,]*`, ``,
		`é+`, `(a*)*b`,
	}
	alphabet := []byte("ar0123456789-z#AF./:hpst \\xXbcé\n")
	rng := rand.New(rand.NewPCG(1, 2))
	for _, p := range patterns {
		re := regexp.MustCompile(`^(?:` + p + `)$`)
		m := newMatcher(re, compileDFA(p))
		for range 3000 {
			n := rng.IntN(12)
			var b []byte
			for range n {
				b = append(b, alphabet[rng.IntN(len(alphabet))])
			}
			s := string(b)
			if got, want := m.MatchString(s), re.MatchString(s); got != want {
				t.Errorf("pattern %q on %q: DFA %v, regexp %v", p, s, got, want)
			}
		}
		for _, s := range []string{"r123", "abc-def", "2014-06-30", "#E69F00", "10.1080/x", "https://a", "abc", "ABC"} {
			if got, want := m.MatchString(s), re.MatchString(s); got != want {
				t.Errorf("pattern %q on %q: DFA %v, regexp %v", p, s, got, want)
			}
		}
	}
}

func TestUniq(t *testing.T) {
	vals := []string{"a", "b", "a", "c", "b", "a", ""}
	for _, n := range []int{7, 100000} {
		u := newUniq(n)
		for i := range n {
			u.add(vals[i%len(vals)], i)
		}
		dups := 0
		u.dupes(func(r int) string { return vals[r%len(vals)] }, func(r, first int) {
			dups++
			if vals[first%len(vals)] != vals[r%len(vals)] || first >= r {
				t.Errorf("row %d reported as duplicate of %d", r, first)
			}
			if want := strings.Index(strings.Join(vals, ""), vals[r%len(vals)]); vals[r%len(vals)] != "" && first != want {
				t.Errorf("row %d: first %d, want %d", r, first, want)
			}
		})
		if want := n - 4; dups != want {
			t.Errorf("n=%d: %d duplicates, want %d", n, dups, want)
		}
	}
}

// TestNoModify checks that reading leaves every file as it was.
func TestNoModify(t *testing.T) {
	dir := copyDir(t, "testdata/good")
	before := map[string][]byte{}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		before[e.Name()], _ = os.ReadFile(filepath.Join(dir, e.Name()))
	}
	p, err := Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	Diff(p, p)
	Hashes(dir)
	for name, b := range before {
		now, _ := os.ReadFile(filepath.Join(dir, name))
		if !bytes.Equal(now, b) {
			t.Errorf("%s modified", name)
		}
	}
}

func TestTypes(t *testing.T) {
	f := &Field{Type: "date"}
	for _, c := range []struct {
		typ, layout, s string
		ok             bool
	}{
		{"date", layoutDate, "2024-02-29", true},
		{"date", layoutDate, "2023-02-29", false},
		{"date", layoutDate, "2024-2-9", false},
		{"time", layoutTime, "23:59:59", true},
		{"time", layoutTime, "24:00:00", false},
		{"datetime", layoutDatetime, "2024-01-02T03:04:05Z", true},
		{"datetime", layoutDatetime, "2024-01-02", false},
		{"yearmonth", "", "2024-12", true},
		{"yearmonth", "", "2024-00", false},
		{"integer", "", "-12", true},
		{"integer", "", "1e3", false},
		{"integer", "", "99999999999999999999", false},
		{"number", "", "1e3", true},
		{"number", "", "NaN", true},
		{"number", "", "-INF", true},
		{"number", "", "0x10", false},
		{"number", "", "1_000", false},
		{"object", "", `{"a": 1}`, true},
		{"object", "", `[1]`, false},
		{"array", "", `[1]`, true},
		{"duration", "", "P1Y2M3DT4H5M6S", true},
		{"duration", "", "P", false},
		{"geopoint", "", "90, 45", true},
		{"geopoint", "", "190, 45", false},
	} {
		if _, ok := checkValue(f, c.typ, c.layout, c.s); ok != c.ok {
			t.Errorf("%s %q: ok %v, want %v", c.typ, c.s, ok, c.ok)
		}
	}
	for _, c := range []struct{ format, s string }{{"%d/%m/%Y", "31/12/2024"}, {"any", "2024/12/31"}} {
		l, err := timeLayout("date", c.format)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := parseTime(l, c.s); !ok {
			t.Errorf("format %q: %q does not parse", c.format, c.s)
		}
	}
	if _, err := timeLayout("date", "%Q"); err == nil {
		t.Error("unknown directive accepted")
	}
}

// TestSplitScan checks the parallel scan against the sequential one on
// a large file with quoted cells over several lines around the middle.
func TestSplitScan(t *testing.T) {
	var b strings.Builder
	b.WriteString("team,round,reason\n")
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range 20000 {
		switch rng.IntN(5) {
		case 0:
			fmt.Fprintf(&b, "ABC,%d,\"multi\nline \"\"quoted\"\"\r\ncell\"\n", i)
		case 1:
			fmt.Fprintf(&b, "ABC,%d,\"a, b\"\r\n", i)
		case 2:
			fmt.Fprintf(&b, "ABC,%d,bare\"quote\n\n", i)
		default:
			fmt.Fprintf(&b, "ABC,%d,plain\n", i)
		}
	}
	p, err := Open("testdata/good")
	if err != nil {
		t.Fatal(err)
	}
	r := p.Resource("replays")
	data := []byte(b.String())
	seq := &Table{Resource: r, raw: data}
	var sp, pp Problems
	seq.parse("f", func(x *Problem) { sp = append(sp, x) })
	forceSplit = true
	defer func() { forceSplit = false }()
	par := &Table{Resource: r, raw: data}
	par.parse("f", func(x *Problem) { pp = append(pp, x) })
	if seq.Len() != 20000 || par.Len() != seq.Len() {
		t.Fatalf("rows: sequential %d, split %d, want 20000", seq.Len(), par.Len())
	}
	for row := range seq.Len() {
		for f := range 3 {
			if a, b := seq.Text(row, f), par.Text(row, f); a != b || seq.Line(row) != par.Line(row) {
				t.Fatalf("row %d field %d: %q line %d vs %q line %d", row, f, a, seq.Line(row), b, par.Line(row))
			}
		}
	}
	if len(sp) != len(pp) || len(sp) == 0 {
		t.Fatalf("problems: sequential %d, split %d", len(sp), len(pp))
	}
	for i := range sp {
		if sp[i].Error() != pp[i].Error() {
			t.Fatalf("problem %d: %v vs %v", i, sp[i], pp[i])
		}
	}
	if got := seq.Text(0, 2); !strings.HasPrefix(got, "multi\nline \"quoted\"\ncell") && got != "a, b" && got != "plain" && got != "bare\"quote" {
		t.Errorf("first reason %q", got)
	}
}

// writePackage writes a descriptor and files into a new directory.
func writePackage(t *testing.T, desc string, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, DescriptorName), []byte(desc), 0o644)
	for name, data := range files {
		os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644)
	}
	return dir
}

// TestIntegerKeys: integer keys compare by value, not by text.
func TestIntegerKeys(t *testing.T) {
	desc := `{"name": "k", "resources": [{"name": "p", "path": "p.csv", "schema": {
		"fields": [{"name": "id", "type": "integer"}, {"name": "boss", "type": "integer"}],
		"primaryKey": ["id"], "foreignKeys": [{"fields": ["boss"], "reference": {"resource": "", "fields": ["id"]}}]}}]}`
	dir := writePackage(t, desc, map[string]string{"p.csv": "id,boss\n1,\n2,001\n3,+2\n"})
	if _, err := Read(dir); err != nil {
		t.Errorf("boss 001 and +2 refer to ids 1 and 2: %v", err)
	}
	dir = writePackage(t, desc, map[string]string{"p.csv": "id,boss\n5,\n3,\n05,\n"})
	_, err := Read(dir)
	if ps := AsProblems(err); len(ps) != 1 || !errors.Is(ps[0], ErrUnique) || ps[0].Line != 4 {
		t.Errorf("05 duplicates 5: got %v", err)
	}
}
