package refi

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/qda"
	"github.com/nexus-toolkit/nexus/internal/testenv"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// tools are the fixtures in the shape of other programs' exports (see
// the comment at the top of each project.qde).
var tools = []string{"maxqda", "atlasti", "nvivo"}

// summary renders what an import produced, for a golden file: the report
// and every CSV file of the package.
func summary(t *testing.T, p *qda.Project, rep *Report) []byte {
	var b bytes.Buffer
	for _, s := range rep.Skipped {
		b.WriteString("skipped: " + s + "\n")
	}
	for _, s := range rep.Warnings {
		b.WriteString("warning: " + s + "\n")
	}
	for _, s := range rep.Dropped {
		b.WriteString("dropped: " + s + "\n")
	}
	files := filesOf(t, p)
	var names []string
	for n := range files {
		if strings.HasSuffix(n, ".csv") {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		b.WriteString("\n== " + n + "\n")
		b.Write(files[n])
	}
	return b.Bytes()
}

// TestImportToolExports imports each fixture and compares the package
// and the report with testdata/<tool>.golden (go test -update rewrites
// them; review the diff).
func TestImportToolExports(t *testing.T) {
	for _, tool := range tools {
		p, rep, err := importBytes(t, dirArchive(t, filepath.Join("testdata", tool)))
		if err != nil {
			t.Fatalf("%s: %v", tool, err)
		}
		got := summary(t, p, rep)
		golden := filepath.Join("testdata", tool+".golden")
		if *update {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (go test ./analysis/qda/refi -update writes it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: import differs from %s (go test ./analysis/qda/refi -update rewrites it):\n%s", tool, golden, got)
		}
	}
}

// TestToolExportsCarry checks, beyond the golden files, the things each
// program's export carries.
func TestToolExportsCarry(t *testing.T) {
	load := func(tool string) (*qda.Project, *Report) {
		p, rep, err := importBytes(t, dirArchive(t, filepath.Join("testdata", tool)))
		if err != nil {
			t.Fatalf("%s: %v", tool, err)
		}
		return p, rep
	}
	m, rep := load("maxqda")
	if len(m.Sets) != 2 || !reflect.DeepEqual(m.Sets[0].Sources, []string{"interview-01", "interview-02"}) || m.Sets[0].Description != "Interviews of March 2025." {
		t.Errorf("MAXQDA sets: %+v", m.Sets)
	}
	if c := m.Codes[6]; c.Name != "Privacy" || c.Parent != "distrust" || c.Color != "#7030a0" || c.Description != "Who can see the data." {
		t.Errorf("MAXQDA nested code: %+v", c)
	}
	if len(m.Notes) != 2 || !reflect.DeepEqual(m.Notes[0].Refs, []string{"code:anxiety"}) || m.Notes[1].Coder != "tr" {
		t.Errorf("MAXQDA memos: %+v", m.Notes)
	}
	if len(m.Cases) != 3 || m.Sources[2].Case != "interview-03" || !reflect.DeepEqual(m.Cases[2].Values, []string{"5"}) || m.Sources[3].Case != "" {
		t.Errorf("MAXQDA document variables as cases: %+v / %+v", m.Cases, m.Sources)
	}
	if !contains(rep.Warnings, "document variables of 3 sources imported as one case per source: interview-01, interview-02, interview-03") {
		t.Errorf("MAXQDA warnings %q", rep.Warnings)
	}
	wantDropped := map[string]bool{"attribute origin of <Project>: 1": true,
		"attribute richTextPath of <TextSource>: 4": true}
	for _, d := range rep.Dropped {
		delete(wantDropped, d)
	}
	if len(wantDropped) > 0 {
		t.Errorf("MAXQDA: dropped %q, missing %v", rep.Dropped, wantDropped)
	}
	a, rep := load("atlasti")
	if len(a.Sets) != 2 || len(a.Sets[0].Codes) != 3 || len(a.Sets[1].Notes) != 1 {
		t.Errorf("ATLAS.ti sets: %+v", a.Sets)
	}
	if len(a.Notes) != 4 || !reflect.DeepEqual(a.Notes[2].Refs, []string{"project"}) || !strings.HasPrefix(a.Notes[1].Refs[0], "selection:") ||
		a.Notes[3].Text != "fixed price" || !strings.HasPrefix(a.Notes[3].Title, "Comment on Prices are fixed") {
		t.Errorf("ATLAS.ti notes: %+v", a.Notes)
	}
	byCoder := map[string]int{}
	for _, s := range a.Segments {
		byCoder[s.Coder]++
	}
	if byCoder["dana-levi"] != 5 || byCoder["ola-nowak"] != 4 {
		t.Errorf("ATLAS.ti codings by coder: %v", byCoder)
	}
	for _, d := range []string{"<Links> in <Project>: 1", "<Graphs> in <Project>: 1"} {
		if !contains(rep.Dropped, d) {
			t.Errorf("ATLAS.ti: dropped %q, missing %q", rep.Dropped, d)
		}
	}
	n, rep := load("nvivo")
	if len(n.Cases) != 3 || n.Sources[2].Case != n.Cases[2].ID || !reflect.DeepEqual(n.Cases[2].Values, []string{"58", "Female", "", "false"}) {
		t.Errorf("NVivo cases: %+v / %+v", n.Cases, n.Sources)
	}
	if n.Variables[0].Description != "Age in years at interview" || n.Variables[2].Type != "date" {
		t.Errorf("NVivo variables: %+v", n.Variables)
	}
	if len(n.Notes) != 1 || !strings.HasPrefix(n.Notes[0].Text, "P02 talks about safety") || n.Notes[0].Refs[0] != "source:participant-p02" {
		t.Errorf("NVivo memo: %+v", n.Notes)
	}
	if !contains(rep.Dropped, "<Description> in <Case>: 1") {
		t.Errorf("NVivo: dropped %q", rep.Dropped)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestToolRoundTrip: import -> export -> import gives the same package,
// byte for byte; the export validates against Project-mrt2019.xsd; a
// second export equals the first; the second import drops nothing that
// the first import kept.
func TestToolRoundTrip(t *testing.T) {
	xmllint := testenv.LookPath(t, "xmllint", "libxml2-utils")
	dir := t.TempDir()
	for _, tool := range tools {
		p1, _, err := importBytes(t, dirArchive(t, filepath.Join("testdata", tool)))
		if err != nil {
			t.Fatal(err)
		}
		out := exportBytes(t, p1)
		p2, rep2, err := importBytes(t, out)
		if err != nil {
			t.Fatalf("%s: re-import: %v", tool, err)
		}
		f1, f2 := filesOf(t, p1), filesOf(t, p2)
		if len(f1) != len(f2) {
			t.Errorf("%s: %d files, then %d", tool, len(f1), len(f2))
		}
		for k := range f1 {
			if !bytes.Equal(f1[k], f2[k]) {
				t.Errorf("%s: %s differs after import, export, import:\n%s\n----\n%s", tool, k, f1[k], f2[k])
			}
		}
		if !bytes.Equal(out, exportBytes(t, p2)) {
			t.Errorf("%s: second export differs from the first", tool)
		}
		// What nexus writes it carries, except its origin and the names
		// of selections (their text is kept).
		for _, d := range rep2.Dropped {
			if !strings.HasPrefix(d, "attribute name of <PlainTextSelection>: ") && d != "attribute origin of <Project>: 1" {
				t.Errorf("%s: the re-import of our own export drops %s", tool, d)
			}
		}
		qde, _, err := projectXML(p1)
		if err != nil {
			t.Fatal(err)
		}
		f := filepath.Join(dir, tool+".qde")
		os.WriteFile(f, qde, 0o644)
		if out, err := exec.Command(xmllint, "--noout", "--schema", "testdata/Project-mrt2019.xsd", f).CombinedOutput(); err != nil {
			t.Errorf("%s export does not validate: %v\n%s", tool, err, out)
		}
		var qdc bytes.Buffer
		if err := Codebook(&qdc, p1); err != nil {
			t.Fatal(err)
		}
		f = filepath.Join(dir, tool+".qdc")
		os.WriteFile(f, qdc.Bytes(), 0o644)
		if out, err := exec.Command(xmllint, "--noout", "--schema", "testdata/Codebook.xsd", f).CombinedOutput(); err != nil {
			t.Errorf("%s codebook does not validate: %v\n%s", tool, err, out)
		}
		// The fixtures themselves follow the schema.
		if out, err := exec.Command(xmllint, "--noout", "--schema", "testdata/Project-mrt2019.xsd", filepath.Join("testdata", tool, "project.qde")).CombinedOutput(); err != nil {
			t.Errorf("fixture %s does not validate: %v\n%s", tool, err, out)
		}
	}
}

// TestImportedPackagesValidate writes each imported project as a coding
// package and runs the validator of nexus validate on it: no problems,
// although the MAXQDA project's literature notes hold DOIs, an ISBN and
// page ranges ("ICLS 2025 1007-1015").
func TestImportedPackagesValidate(t *testing.T) {
	for _, tool := range tools {
		p, _, err := importBytes(t, dirArchive(t, filepath.Join("testdata", tool)))
		if err != nil {
			t.Fatal(err)
		}
		dir := filepath.Join(t.TempDir(), tool)
		if err := qda.Write(dir, p, false); err != nil {
			t.Fatal(err)
		}
		_, problems, err := qda.Validate(dir)
		if err != nil || len(problems) > 0 {
			t.Errorf("%s: %v %v", tool, err, problems)
		}
	}
}

// TestCodebookSets exports code sets into a .qdc and reads them back.
func TestCodebookSets(t *testing.T) {
	p, _, err := importBytes(t, dirArchive(t, "testdata/atlasti"))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Codebook(&b, p); err != nil {
		t.Fatal(err)
	}
	q, rep, err := ImportCodebook("x.qdc", bytes.NewReader(b.Bytes()), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if len(q.Sets) != 1 || q.Sets[0].Name != "Money codes" || !reflect.DeepEqual(q.Sets[0].Codes, p.Sets[0].Codes) {
		t.Errorf("code sets %+v", q.Sets)
	}
	if !reflect.DeepEqual(rep.Dropped, []string{"attribute origin of <CodeBook>: 1"}) {
		t.Errorf("dropped %q", rep.Dropped)
	}
}

// TestNoteOnUpperCaseSelection: a note attached to a selection whose GUID
// a hand-edited package writes in upper case keeps its place on export.
func TestNoteOnUpperCaseSelection(t *testing.T) {
	sel := "ABCDEF01-2345-4678-89AB-CDEF01234567"
	p := &qda.Project{Name: "x", Codes: []qda.Code{{ID: "a", Name: "A", Codable: true}},
		Sources:  []qda.Source{{ID: "s", Text: "some text"}},
		Segments: []qda.Segment{{ID: "1", Source: "s", Code: "a", Start: 0, End: 4, Selection: sel}},
		Notes:    []qda.Note{{ID: "n", Text: "memo", Refs: []string{"selection:" + sel}}}}
	q, _, err := importBytes(t, exportBytes(t, p))
	if err != nil {
		t.Fatal(err)
	}
	if len(q.Notes) != 1 || !reflect.DeepEqual(q.Notes[0].Refs, []string{"selection:" + strings.ToLower(sel)}) {
		t.Errorf("notes %+v", q.Notes)
	}
}

// TestShortColourValidates: REFI-QDA allows "#RGB" colours; an imported
// package with one validates.
func TestShortColourValidates(t *testing.T) {
	qde := `<Project xmlns="urn:QDA-XML:project:1.0" name="x"><CodeBook><Codes><Code guid="44444444-4444-4444-4444-444444444444" name="a" isCodable="true" color="#a0C"/></Codes></CodeBook></Project>`
	p, _, err := importBytes(t, zipOf(t, "project.qde", qde))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "x")
	if err := qda.Write(dir, p, false); err != nil {
		t.Fatal(err)
	}
	if _, problems, err := qda.Validate(dir); err != nil || len(problems) > 0 || p.Codes[0].Color != "#a0C" {
		t.Errorf("%v %v %q", err, problems, p.Codes[0].Color)
	}
}

// TestUnnamedRoundTrip: users, sources, cases and notes without names
// round-trip (an export names them by their ids).
func TestUnnamedRoundTrip(t *testing.T) {
	qde := `<Project xmlns="urn:QDA-XML:project:1.0" name="x">
<Users><User guid="11111111-1111-1111-1111-111111111111"/></Users>
<CodeBook><Codes><Code guid="44444444-4444-4444-4444-444444444444" name="a" isCodable="true"/></Codes></CodeBook>
<Cases><Case guid="55555555-5555-5555-5555-555555555555"><SourceRef targetGUID="66666666-6666-6666-6666-666666666666"/></Case></Cases>
<Sources><TextSource guid="66666666-6666-6666-6666-666666666666" creatingUser="11111111-1111-1111-1111-111111111111"><PlainTextContent>some text</PlainTextContent>
<PlainTextSelection guid="77777777-7777-7777-7777-777777777777" startPosition="0" endPosition="4"><Coding guid="88888888-8888-8888-8888-888888888888" creatingUser="11111111-1111-1111-1111-111111111111"><CodeRef targetGUID="44444444-4444-4444-4444-444444444444"/></Coding></PlainTextSelection>
<NoteRef targetGUID="99999999-9999-9999-9999-999999999999"/></TextSource></Sources>
<Notes><Note guid="99999999-9999-9999-9999-999999999999"><PlainTextContent>memo</PlainTextContent></Note></Notes>
</Project>`
	p1, _, err := importBytes(t, zipOf(t, "project.qde", qde))
	if err != nil {
		t.Fatal(err)
	}
	p2, _, err := importBytes(t, exportBytes(t, p1))
	if err != nil {
		t.Fatal(err)
	}
	f1, f2 := filesOf(t, p1), filesOf(t, p2)
	for k := range f1 {
		if !bytes.Equal(f1[k], f2[k]) {
			t.Errorf("%s differs after export and import:\n%s\n----\n%s", k, f1[k], f2[k])
		}
	}
}

// TestBOMWarned: a source file with a byte-order mark is kept as it is,
// with a warning, since REFI-QDA does not say whether positions count it.
func TestBOMWarned(t *testing.T) {
	qde := `<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Sources><TextSource guid="66666666-6666-6666-6666-666666666666" name="s" plainTextPath="internal://a.txt"/></Sources></Project>`
	p, rep, err := importBytes(t, zipOf(t, "project.qde", qde, "sources/a.txt", "\uFEFFhello"))
	if err != nil {
		t.Fatal(err)
	}
	if p.Sources[0].Text != "\uFEFFhello" || len(rep.Warnings) != 1 || !strings.Contains(rep.Warnings[0], "byte-order mark") {
		t.Errorf("text %q, warnings %q", p.Sources[0].Text, rep.Warnings)
	}
}
