package qda_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/qda"
	"github.com/nexus-toolkit/nexus/analysis/qda/synth"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./analysis/qda -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test ./analysis/qda -update rewrites it):\n%s", path, got)
	}
}

func codable(p *qda.Project) []string {
	var ids []string
	for _, c := range p.Codes {
		if c.Codable {
			ids = append(ids, c.ID)
		}
	}
	return ids
}

func TestGoldenReports(t *testing.T) {
	p := synth.Generate(synth.Seed)
	for _, tc := range []struct {
		name string
		gran qda.Granularity
	}{{"agreement-documents.golden", qda.Documents}, {"agreement-characters.golden", qda.Characters}} {
		rows, err := qda.Agreements(codable(p), p.CoderIDs(), p.Sources, p.Segments, tc.gran)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := qda.WriteAgreementCSV(&b, rows, p.Codes, p.Synthetic); err != nil {
			t.Fatal(err)
		}
		golden(t, tc.name, b.Bytes())
	}
	m, err := qda.CooccurrenceSegments(codable(p), p.Resolved())
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	qda.WriteCooccurrenceCSV(&b, m, qda.CCoefficient(m), p.Synthetic)
	golden(t, "cooccurrence-segments.golden", b.Bytes())
}
