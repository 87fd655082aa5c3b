package datapkg

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
)

// fuzzSeeds returns the CSV files of the fixtures and of the shipped
// dataset, when present.
func fuzzSeeds(f *testing.F, pattern string) {
	for _, glob := range []string{"testdata/good/" + pattern, "testdata/rules/*/" + pattern, "../../datasets/*/*/" + pattern} {
		files, _ := filepath.Glob(glob)
		for _, file := range files {
			if b, err := os.ReadFile(file); err == nil && len(b) < 1<<16 {
				f.Add(b)
			}
		}
	}
}

// FuzzTable reads arbitrary bytes as the people table of testdata/good
// (every type, list, missing values, a self-reference) and checks that
// reading never panics and that every problem has a position.
func FuzzTable(f *testing.F) {
	fuzzSeeds(f, "*.csv")
	f.Add([]byte("\xef\xbb\xbfid,name\r\n1,\"a\"\"b\"\r\n"))
	f.Add([]byte("\"unclosed"))
	f.Add([]byte("id,name,born,height,active,mentor,teams,seen,note\n1,\"x\r\ny\",,,,,,,\"\"\n"))
	p, err := Open("testdata/good")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		orig := string(data)
		defer func() {
			if string(data) != orig {
				t.Fatal("input modified")
			}
		}()
		for _, r := range p.Resources {
			tb := &Table{Resource: r, raw: data}
			var ps Problems
			add := func(pr *Problem) { ps = append(ps, pr) }
			tb.parse("f.csv", add)
			// The parallel scan must agree with the sequential one.
			forceSplit = true
			split := &Table{Resource: r, raw: data}
			var sps Problems
			split.parse("f.csv", func(pr *Problem) { sps = append(sps, pr) })
			forceSplit = false
			if !slices.Equal(tb.starts, split.starts) || !slices.Equal(tb.ends, split.ends) ||
				!slices.Equal(tb.lines, split.lines) || len(ps) != len(sps) {
				t.Fatalf("split scan differs: %d/%d cells, %d/%d problems", len(tb.starts), len(split.starts), len(ps), len(sps))
			}
			for i := range ps {
				if ps[i].Error() != sps[i].Error() {
					t.Fatalf("split scan problem %d: %v, want %v", i, sps[i], ps[i])
				}
			}
			tb.validate("f.csv", add)
			r.Table = tb
		}
		for _, r := range p.Resources {
			ps := p.foreignKeys(r)
			for _, pr := range ps {
				_ = pr.Error()
			}
			tb := r.Table
			for row := range tb.Len() {
				for fi := range r.Schema.Fields {
					tb.Value(row, fi)
					if l, c := tb.cellPos(row, fi); l < 1 || c < 0 {
						t.Fatalf("bad position %d:%d", l, c)
					}
				}
			}
		}
	})
}

// FuzzDescriptor parses arbitrary bytes as a datapackage.json.
func FuzzDescriptor(f *testing.F) {
	fuzzSeeds(f, DescriptorName)
	f.Add([]byte(`{"resources": [{"name": "a", "path": "a.csv", "schema": {"fields": [{"name": "x", "type": "date", "format": "%Y", "constraints": {"minimum": "2000", "enum": [1, "2"]}}], "primaryKey": "x", "foreignKeys": [{"fields": "x", "reference": {"resource": "", "fields": "x"}}]}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, ps := parseDescriptor("d", "d/datapackage.json", data)
		if p == nil {
			t.Fatal("nil package")
		}
		for _, pr := range ps {
			if pr.Err == nil {
				t.Fatal("problem without an error")
			}
			_ = pr.Error()
		}
		hs := make([]string, len(p.Resources))
		for i := range hs {
			hs[i] = "sha256:00"
		}
		if ps == nil {
			// A valid descriptor can have its hashes set.
			if _, err := setHashes(data, hs); err != nil {
				t.Fatalf("setHashes on a valid descriptor: %v", err)
			}
		}
	})
}

// FuzzMatcher checks the DFA of a pattern against regexp.
func FuzzMatcher(f *testing.F) {
	for _, p := range []string{`r[0-9]{3}`, `[a-z0-9]+(-[a-z0-9]+)*`, `10\.[0-9]{4,9}/\S+`, `(?i)a.b|c*`} {
		f.Add(p, "r123")
		f.Add(p, "abc-d9")
	}
	f.Fuzz(func(t *testing.T, pattern, s string) {
		re, err := regexp.Compile(`^(?:` + pattern + `)$`)
		if err != nil {
			return
		}
		m := newMatcher(re, compileDFA(pattern))
		if got, want := m.MatchString(s), re.MatchString(s); got != want {
			t.Fatalf("pattern %q on %q: DFA %v, regexp %v", pattern, s, got, want)
		}
	})
}
