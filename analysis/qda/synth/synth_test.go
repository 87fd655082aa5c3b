package synth

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/qda"
)

// dataset is the committed output of cmd/gensynth.
const dataset = "../../../datasets/examples/synthetic-coding/v1.1.0"

// TestDatasetUpToDate checks that the committed synthetic dataset is
// exactly what the generator makes from the fixed seed. Regenerate with
// go run ./cmd/gensynth -out datasets/examples/synthetic-coding/v1.1.0 -replace.
func TestDatasetUpToDate(t *testing.T) {
	p := Generate(Seed)
	files, err := qda.Files(p)
	if err != nil {
		t.Fatal(err)
	}
	files["README.md"] = []byte(README(p, Seed))
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join(dataset, filepath.FromSlash(name)))
		if err != nil {
			t.Errorf("%v (regenerate with go run ./cmd/gensynth)", err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the generator's output (regenerate with go run ./cmd/gensynth)", name)
		}
	}
}

func TestLabelledSynthetic(t *testing.T) {
	p := Generate(Seed)
	if !p.Synthetic || !strings.Contains(p.Description, Label) || !strings.Contains(README(p, Seed), Label) {
		t.Error("the synthetic study does not say SYNTHETIC")
	}
	for _, s := range p.Sources {
		if !strings.HasPrefix(s.Text, "SYNTHETIC interview") {
			t.Errorf("source %s does not start with its label", s.ID)
		}
	}
}

func TestDatasetLoadsAndIsAnonymous(t *testing.T) {
	p, err := qda.Load(dataset)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Coders) < 3 || len(p.Variables) != 4 || len(p.Segments) < 500 {
		t.Errorf("dataset too small: %d coders, %d variables, %d segments", len(p.Coders), len(p.Variables), len(p.Segments))
	}
	problems, err := qda.CheckAnonymity(dataset)
	if err != nil {
		t.Fatal(err)
	}
	for _, pr := range problems {
		t.Error(pr)
	}
}

func TestOverlapsExist(t *testing.T) {
	p := Generate(Seed)
	var codes []string
	for _, c := range p.Codes {
		codes = append(codes, c.ID)
	}
	m, err := qda.CooccurrenceSegments(codes, p.Segments)
	if err != nil {
		t.Fatal(err)
	}
	off := 0
	for i := range m.Counts {
		for j := range m.Counts[i] {
			if i != j {
				off += m.Counts[i][j]
			}
		}
	}
	if off == 0 {
		t.Error("no overlapping segments of different codes")
	}
}
