package refi

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/qda"
)

// largeProject is a project of the size of a large real study (compare
// the MAXQDA project of issue 14 with 307 codes): 300 codes in folders
// three deep, 200 sources of about 20,000 code points, 3 coders, 60,000
// coded segments, 20 sets and 600 notes.
func largeProject() *qda.Project {
	r := rand.New(rand.NewPCG(14, 1))
	p := &qda.Project{Name: "large", Coders: []qda.Coder{{ID: "a"}, {ID: "b"}, {ID: "c"}}}
	for i := 0; i < 300; i++ {
		c := qda.Code{ID: fmt.Sprintf("c%03d", i), Name: fmt.Sprintf("Code %d", i), Codable: true, Color: "#336699", Description: "A code."}
		if i >= 10 {
			c.Parent = fmt.Sprintf("c%03d", i/10)
		}
		p.Codes = append(p.Codes, c)
	}
	line := "Interviewer: And then? Respondent: We went to the market, prices were high — très cher, as they say.\n"
	text := strings.Repeat(line, 20000/len([]rune(line)))
	n := len([]rune(text))
	for i := 0; i < 200; i++ {
		p.Sources = append(p.Sources, qda.Source{ID: fmt.Sprintf("s%03d", i), Name: fmt.Sprintf("Interview %d", i), Text: text})
	}
	for i := 0; i < 60000; i++ {
		start := r.IntN(n - 600)
		p.Segments = append(p.Segments, qda.Segment{ID: fmt.Sprintf("g%05d", i), Source: fmt.Sprintf("s%03d", r.IntN(200)),
			Code: fmt.Sprintf("c%03d", r.IntN(300)), Coder: p.Coders[i%3].ID, Start: start, End: start + 50 + r.IntN(500)})
	}
	for i := 0; i < 600; i++ {
		p.Notes = append(p.Notes, qda.Note{ID: fmt.Sprintf("n%03d", i), Title: "Memo", Coder: "a", Text: "A memo about a code.",
			Refs: []string{fmt.Sprintf("code:c%03d", i%300), fmt.Sprintf("segment:g%05d", i*7)}})
	}
	for i := 0; i < 20; i++ {
		s := qda.Set{ID: fmt.Sprintf("set%02d", i), Name: fmt.Sprintf("Set %d", i)}
		for j := 0; j < 10; j++ {
			s.Sources = append(s.Sources, fmt.Sprintf("s%03d", (i*10+j)%200))
			s.Codes = append(s.Codes, fmt.Sprintf("c%03d", (i*15+j)%300))
		}
		p.Sets = append(p.Sets, s)
	}
	return p
}

// BenchmarkExportLarge writes the large project as a .qdpx archive.
func BenchmarkExportLarge(b *testing.B) {
	p := largeProject()
	var out bytes.Buffer
	for b.Loop() {
		out.Reset()
		if err := Project(&out, p); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(out.Len()), "archive-bytes")
}

// BenchmarkImportLarge reads the archive of the large project.
func BenchmarkImportLarge(b *testing.B) {
	var out bytes.Buffer
	if err := Project(&out, largeProject()); err != nil {
		b.Fatal(err)
	}
	data := out.Bytes()
	for b.Loop() {
		p, _, err := ImportProject("large.qdpx", bytes.NewReader(data), int64(len(data)), DefaultLimits)
		if err != nil {
			b.Fatal(err)
		}
		if len(p.Segments) != 60000 || len(p.Notes) != 600 {
			b.Fatalf("%d segments, %d notes", len(p.Segments), len(p.Notes))
		}
	}
}

// BenchmarkCompareLarge lists the disagreements of two coders on the
// large project.
func BenchmarkCompareLarge(b *testing.B) {
	p := largeProject()
	for b.Loop() {
		if _, err := qda.Compare(p, p.CodableIDs(), "a", "b"); err != nil {
			b.Fatal(err)
		}
	}
}
