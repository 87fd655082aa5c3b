package quotes

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/datapkg"
)

// synthetic writes a 13-page paper of random words and a package of n
// quotes of 12 words, nine in ten taken from their page (some over a page
// break), the rest invented, into dir.
func synthetic(b *testing.B, dir string, n int) *Paper {
	b.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	words := make([]string, 2000)
	for i := range words {
		words[i] = fmt.Sprintf("w%d", i)
	}
	pages := make([][]string, 13)
	for i := range pages {
		for j := 0; j < 900; j++ { // about a printed page
			pages[i] = append(pages[i], words[rng.IntN(len(words))])
		}
	}
	var text strings.Builder
	for _, p := range pages {
		text.WriteString(strings.Join(p, " ") + "\f")
	}
	var csv strings.Builder
	csv.WriteString("id,page,page_end,quote\n")
	for i := 0; i < n; i++ {
		pg := rng.IntN(13)
		at := rng.IntN(900 - 12)
		q := strings.Join(pages[pg][at:at+12], " ")
		end := ""
		switch {
		case i%10 == 9:
			q = "invented " + q
		case i%10 == 8 && pg < 12:
			q = strings.Join(append(pages[pg][888:], pages[pg+1][:6]...), " ")
			end = fmt.Sprint(pg + 2)
		}
		fmt.Fprintf(&csv, "q%d,%d,%s,%s\n", i, pg+1, end, q)
	}
	desc, _ := os.ReadFile(filepath.Join("testdata", "pkg", "datapackage.json"))
	for name, data := range map[string]string{
		"datapackage.json": string(desc),
		"claims.csv":       csv.String(),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	p, err := Split(text.String(), SplitOptions{})
	if err != nil {
		b.Fatal(err)
	}
	return p
}

func benchmarkCheck(b *testing.B, n int) {
	dir := b.TempDir()
	paper := synthetic(b, dir, n)
	pkg, err := datapkg.Read(dir)
	if err != nil {
		b.Fatal(err)
	}
	fields := Conventional(pkg)
	b.ResetTimer()
	for b.Loop() {
		rep := Check(pkg, paper, fields)
		if rep.Checked != n || len(rep.Misses) < n/10 {
			b.Fatalf("checked %d, %d misses", rep.Checked, len(rep.Misses))
		}
	}
}

// BenchmarkCheck300 is the size of the paper's dataset (256 texts).
func BenchmarkCheck300(b *testing.B) { benchmarkCheck(b, 300) }

// BenchmarkCheck100k is a study 400 times larger.
func BenchmarkCheck100k(b *testing.B) { benchmarkCheck(b, 100_000) }
