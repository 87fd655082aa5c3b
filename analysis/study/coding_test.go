package study

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/qda"
	"github.com/nexus-toolkit/nexus/analysis/qda/refi"
	"github.com/nexus-toolkit/nexus/internal/testenv"
)

func TestCodingProject(t *testing.T) {
	codes := []Code{
		{ID: "dim", Label: "Dimension", Kind: "group", Description: "G"},
		{ID: "dim-a", Label: "A", Parent: "dim", Kind: "dimension", Description: "a", Color: "#000000"},
		{ID: "dim-b", Label: "B", Parent: "dim", Kind: "dimension", Description: "b"},
		{ID: "imp-c", Label: "C", Kind: "implication", Description: "c"},
	}
	excerpts := []Excerpt{
		{ID: "ex1", Theme: "th1", Order: 1, Text: "Some text é", Codes: []string{"dim-a", "dim-b"}, Page: 7},
		{ID: "ex2", Theme: "th1", Order: 2, Text: "More", Codes: []string{"dim-a", "imp-c"}, Page: 8},
		{ID: "ex3", Theme: "th2", Order: 3, Text: "Other", Codes: []string{"dim-b"}, Page: 8},
	}
	p := CodingProject("study", codes, excerpts)
	if len(p.Cases) != 0 || len(p.Segments) != 5 || p.Segments[0].End != 11 {
		t.Errorf("project %+v", p)
	}
	if p.Codes[0].Codable || !p.Codes[1].Codable || p.Sources[0].Name != "ex1 (theme th1, p. 7)" {
		t.Errorf("codes %+v, sources %+v", p.Codes, p.Sources)
	}
	m, c, err := qda.ExcerptCooccurrence(p)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]int{{2, 1, 1}, {1, 2, 0}, {1, 0, 1}}
	if !reflect.DeepEqual(m.Rows, []string{"dim-a", "dim-b", "imp-c"}) || !reflect.DeepEqual(m.Counts, want) {
		t.Errorf("%v %v", m.Rows, m.Counts)
	}
	if qda.Round(c[0][1], 3) != 0.333 { // 1/(2+2-1)
		t.Errorf("c = %v", c)
	}
}

// TestOpenCodingPaperExcerpts maps the paper's dataset: nine excerpts, one
// segment per code the curators applied, no cases (the paper reports no
// per-respondent coding).
func TestOpenCodingPaperExcerpts(t *testing.T) {
	p := paperCoding(t)
	if len(p.Sources) != 9 || len(p.Cases) != 0 || len(p.Coders) != 1 {
		t.Errorf("%d sources, %d cases, %d coders; want 9, 0, 1", len(p.Sources), len(p.Cases), len(p.Coders))
	}
	m, c, err := qda.ExcerptCooccurrence(p)
	if err != nil {
		t.Fatal(err)
	}
	for i := range m.Rows {
		if m.Counts[i][i] > 9 || (m.Counts[i][i] > 0 && c[i][i] != 1) {
			t.Errorf("%s: diagonal %d, c %v", m.Rows[i], m.Counts[i][i], c[i][i])
		}
		for j := range m.Rows {
			if m.Counts[i][j] != m.Counts[j][i] || m.Counts[i][j] > m.Counts[i][i] {
				t.Errorf("%s x %s: %d", m.Rows[i], m.Rows[j], m.Counts[i][j])
			}
		}
	}
}

// paperCoding is the coding project of the paper's v1.0.0 excerpts.
func paperCoding(t *testing.T) *qda.Project {
	t.Helper()
	s, err := Load(datasetRoot + "/v1.0.0")
	if err != nil {
		t.Fatal(err)
	}
	return CodingProject(s.Name, s.Codes, s.Excerpts)
}

// TestCodingValidatesAgainstREFI exports the paper's coding project as
// REFI-QDA and validates project.qde and the codebook with xmllint
// (Debian libxml2-utils) against the schemas kept with package refi.
func TestCodingValidatesAgainstREFI(t *testing.T) {
	xmllint := testenv.LookPath(t, "xmllint", "libxml2-utils")
	p := paperCoding(t)
	var qdpx, qdc bytes.Buffer
	if err := refi.Project(&qdpx, p); err != nil {
		t.Fatal(err)
	}
	if err := refi.Codebook(&qdc, p); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(qdpx.Bytes()), int64(qdpx.Len()))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open("project.qde")
	if err != nil {
		t.Fatal(err)
	}
	qde, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	const xsd = "../qda/refi/testdata/"
	for name, c := range map[string]struct {
		data []byte
		xsd  string
	}{
		"ttp-alliances.qde": {qde, xsd + "Project-mrt2019.xsd"},
		"ttp-alliances.qdc": {qdc.Bytes(), xsd + "Codebook.xsd"},
	} {
		f := filepath.Join(dir, name)
		if err := os.WriteFile(f, c.data, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(xmllint, "--noout", "--schema", c.xsd, f).CombinedOutput()
		if err != nil {
			t.Errorf("%s does not validate against %s: %v\n%s", name, c.xsd, err, out)
		}
	}
}
