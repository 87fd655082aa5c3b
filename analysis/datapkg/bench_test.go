package datapkg

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// synthDescriptor is the descriptor of the synthetic package used by the
// benchmarks: a relations table shaped like the dataset's, with a pattern,
// a unique key, a boolean, an enum, a bounded integer and two foreign keys.
const synthDescriptor = `{
  "name": "synthetic",
  "version": "0.0.0",
  "resources": [
    {"name": "organizations", "path": "organizations.csv", "schema": {
      "fields": [{"name": "id", "type": "string", "constraints": {"required": true, "unique": true}}],
      "primaryKey": ["id"]}},
    {"name": "relations", "path": "relations.csv", "schema": {
      "fields": [
        {"name": "id", "type": "string", "constraints": {"required": true, "unique": true, "pattern": "r[0-9]{7}"}},
        {"name": "source", "type": "string", "constraints": {"required": true}},
        {"name": "target", "type": "string", "constraints": {"required": true}},
        {"name": "directed", "type": "boolean", "constraints": {"required": true}},
        {"name": "tie_type", "type": "string", "constraints": {"required": true, "enum": ["alliance", "affiliation", "merger", "split", "pledge", "rivalry"]}},
        {"name": "year", "type": "integer", "constraints": {"minimum": 1900, "maximum": 2100}}
      ],
      "primaryKey": ["id"],
      "foreignKeys": [
        {"fields": ["source"], "reference": {"resource": "organizations", "fields": ["id"]}},
        {"fields": ["target"], "reference": {"resource": "organizations", "fields": ["id"]}}
      ]}}
  ]
}`

// writeSynth writes the synthetic package with n relations into dir and
// returns the size of relations.csv.
func writeSynth(tb testing.TB, dir string, n int) int64 { return writeSynthOrder(tb, dir, n, false) }

// writeSynthOrder writes the synthetic package, with the relation ids in
// ascending order or, when shuffled, in a scrambled order.
func writeSynthOrder(tb testing.TB, dir string, n int, shuffled bool) int64 {
	tb.Helper()
	if err := os.WriteFile(filepath.Join(dir, DescriptorName), []byte(synthDescriptor), 0o644); err != nil {
		tb.Fatal(err)
	}
	const orgs = 1000
	f, err := os.Create(filepath.Join(dir, "organizations.csv"))
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "id")
	for i := range orgs {
		fmt.Fprintf(w, "org-%d\n", i)
	}
	w.Flush()
	f.Close()
	f, err = os.Create(filepath.Join(dir, "relations.csv"))
	if err != nil {
		tb.Fatal(err)
	}
	w = bufio.NewWriter(f)
	ties := []string{"alliance", "affiliation", "merger", "split", "pledge", "rivalry"}
	fmt.Fprintln(w, "id,source,target,directed,tie_type,year")
	x := uint32(1)
	for i := range n {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		id := i
		if shuffled {
			id = int(uint64(i) * 999983 % uint64(n)) // 999983 is prime: a permutation
		}
		fmt.Fprintf(w, "r%07d,org-%d,org-%d,%t,%s,%d\n", id, x%orgs, (x/orgs)%orgs, x&1 == 0, ties[x%6], 1990+x%36)
	}
	w.Flush()
	f.Close()
	fi, _ := os.Stat(filepath.Join(dir, "relations.csv"))
	return fi.Size()
}

func benchRead(b *testing.B, n int) { benchReadOrder(b, n, false) }

func benchReadOrder(b *testing.B, n int, shuffled bool) {
	dir := b.TempDir()
	size := writeSynthOrder(b, dir, n, shuffled)
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		p, err := Read(dir)
		if err != nil {
			b.Fatal(err)
		}
		if got := p.Resource("relations").Table.Len(); got != n {
			b.Fatalf("%d rows, want %d", got, n)
		}
	}
}

// BenchmarkRead1M is the speed target of the project: a typed, validated
// load of 1,000,000 relations (about 40 MB).
func BenchmarkRead1M(b *testing.B) { benchRead(b, 1_000_000) }

// BenchmarkRead1MShuffled is BenchmarkRead1M with the ids out of order,
// so that uniqueness is checked by hashing rather than by order.
func BenchmarkRead1MShuffled(b *testing.B) { benchReadOrder(b, 1_000_000, true) }

// BenchmarkRead1K is a realistic dataset size.
func BenchmarkRead1K(b *testing.B) { benchRead(b, 1_000) }

// BenchmarkReadDataset reads the shipped dataset, when present.
func BenchmarkReadDataset(b *testing.B) {
	dir := "../../datasets/ttp-alliances/v1.0.0"
	if _, err := os.Stat(filepath.Join(dir, DescriptorName)); err != nil {
		b.Skip("no dataset")
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(dir); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEncodingCSV1M is the baseline: encoding/csv alone reading the
// same file, with no types and no validation.
func BenchmarkEncodingCSV1M(b *testing.B) {
	dir := b.TempDir()
	size := writeSynth(b, dir, 1_000_000)
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		f, err := os.Open(filepath.Join(dir, "relations.csv"))
		if err != nil {
			b.Fatal(err)
		}
		r := csv.NewReader(bufio.NewReaderSize(f, 1<<16))
		r.ReuseRecord = true
		n := 0
		for {
			_, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		f.Close()
		if n != 1_000_001 {
			b.Fatalf("%d records", n)
		}
	}
}

// BenchmarkScan1M is the CSV scan of BenchmarkRead1M alone: cells, lines
// and the header, with no types or constraints.
func BenchmarkScan1M(b *testing.B) {
	dir := b.TempDir()
	size := writeSynth(b, dir, 1_000_000)
	p, err := Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "relations.csv"))
	if err != nil {
		b.Fatal(err)
	}
	r := p.Resource("relations")
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		t := &Table{Resource: r, raw: raw}
		t.parse("relations.csv", func(p *Problem) { b.Fatal(p) })
		if t.Len() != 1_000_000 {
			b.Fatal(t.Len())
		}
	}
}

// BenchmarkCtrlSpan1M is the scan for control characters that Read runs
// over the body of every quoted field, here over the whole relations file
// of BenchmarkRead1M (whose fields are not quoted, so Read itself finds
// its control characters on the way, at no cost).
func BenchmarkCtrlSpan1M(b *testing.B) {
	dir := b.TempDir()
	b.SetBytes(writeSynth(b, dir, 1_000_000))
	d, err := os.ReadFile(filepath.Join(dir, "relations.csv"))
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if ctrl := ctrlSpan(d, 0, len(d), nil); len(ctrl) > 0 {
			b.Fatal("control characters found")
		}
	}
}
