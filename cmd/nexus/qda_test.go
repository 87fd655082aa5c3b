package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nexus/analysis/qda"
	"nexus/analysis/qda/synth"
)

func runQDA(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(&out, &errb, append([]string{"qda"}, args...))
	return out.String(), errb.String(), err
}

func TestQDACommands(t *testing.T) {
	dir := t.TempDir()
	pkg := filepath.Join(dir, "synthetic")
	if err := qda.Write(pkg, synth.Generate(synth.Seed), false); err != nil {
		t.Fatal(err)
	}
	out, _, err := runQDA(t, "agreement", pkg, "--coders", "coder-a,coder-b", "--unit", "characters")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if lines[0] != "code,units,percent,cohen_kappa,brennan_prediger,krippendorff_alpha,data" ||
		!strings.HasPrefix(lines[len(lines)-1], "(all),") || !strings.HasSuffix(lines[1], ",synthetic") {
		t.Errorf("agreement output:\n%s", out)
	}
	out, _, err = runQDA(t, "cooccurrence", pkg, "--by", "cases")
	if err != nil || !strings.HasPrefix(out, "code_a,code_b,n_a,n_b,n_ab,c,data\n") {
		t.Errorf("cooccurrence: %v\n%s", err, out)
	}
	out, _, err = runQDA(t, "frequencies", pkg, "--crosstab", "region", "--count", "cases")
	if err != nil || !strings.HasPrefix(out, "code,east,north,south,west,data\n") {
		t.Errorf("frequencies: %v\n%s", err, out)
	}
	out, _, err = runQDA(t, "frequencies", pkg)
	if err != nil || !strings.Contains(out, "\naccess-cost,Cost,107,11,synthetic\n") {
		t.Errorf("frequencies: %v\n%s", err, out)
	}
	qdpx := filepath.Join(dir, "s.qdpx")
	if _, _, err := runQDA(t, "export", pkg, "--out", qdpx); err != nil {
		t.Fatal(err)
	}
	back := filepath.Join(dir, "back")
	if _, _, err := runQDA(t, "import", qdpx, "--out", back); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(back, "segments.csv")); err != nil {
		t.Error(err)
	}
	// Importing again over an existing directory fails and leaves it alone.
	if _, _, err := runQDA(t, "import", qdpx, "--out", back); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("import over existing dir: %v", err)
	}
	for _, args := range [][]string{
		{"agreement"},
		{"agreement", pkg, "--unit", "words"},
		{"cooccurrence", pkg, "--by", "words"},
		{"export", pkg, "--out", filepath.Join(dir, "x.txt")},
		{"import", filepath.Join(dir, "nothing.qdpx"), "--out", filepath.Join(dir, "n")},
		{"frobnicate"},
		{"frequencies", pkg, "--crosstab", "height"},
		{"agreement", pkg, "--coders", "coder-a,nobody"},
	} {
		if _, _, err := runQDA(t, args...); err == nil {
			t.Errorf("%v: no error", args)
		}
	}
}
