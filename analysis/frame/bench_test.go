package frame

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-gota/gota/dataframe"

	"github.com/nexus-toolkit/nexus/analysis/datapkg"
)

// synthetic writes a package of one resource of n rows shaped like
// relations.csv (text, integer, number with gaps, boolean) into dir.
func synthetic(b *testing.B, dir string, n int) *datapkg.Resource {
	b.Helper()
	desc := `{"name":"bench","resources":[{"name":"rows","path":"rows.csv","schema":{"fields":[
{"name":"id","type":"string"},{"name":"kind","type":"string"},{"name":"page","type":"integer"},
{"name":"weight","type":"number"},{"name":"directed","type":"boolean"}],"primaryKey":["id"]}}]}`
	var csv strings.Builder
	csv.WriteString("id,kind,page,weight,directed\n")
	kinds := []string{"support", "alliance", "rivalry", "pledge"}
	for i := range n {
		w := ""
		if i%7 != 0 {
			w = fmt.Sprintf("%d.%d", i%13, i%10)
		}
		fmt.Fprintf(&csv, "r%07d,%s,%d,%s,%t\n", i, kinds[i%4], 1+i%13, w, i%2 == 0)
	}
	for name, data := range map[string]string{"datapackage.json": desc, "rows.csv": csv.String()} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	p, err := datapkg.Read(dir)
	if err != nil {
		b.Fatal(err)
	}
	return p.Resource("rows")
}

func benchmarkFrame(b *testing.B, n int) {
	r := synthetic(b, b.TempDir(), n)
	b.ResetTimer()
	for b.Loop() {
		df, err := FromResource(r)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Count(df, "kind", "page"); err != nil {
			b.Fatal(err)
		}
		if _, err := Arrange(df, dataframe.Sort("kind"), dataframe.Sort("page"), dataframe.Sort("weight")); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFrame200 is the size of the paper's relations.csv: convert,
// count by two keys and sort by three.
func BenchmarkFrame200(b *testing.B) { benchmarkFrame(b, 200) }

// BenchmarkFrame100k is the same on 100,000 rows.
func BenchmarkFrame100k(b *testing.B) { benchmarkFrame(b, 100_000) }
