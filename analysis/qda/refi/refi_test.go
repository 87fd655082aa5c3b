package refi

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/qda"
	"github.com/nexus-toolkit/nexus/analysis/qda/synth"
	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// zipOf builds an archive from name/content pairs, in order.
func zipOf(t *testing.T, entries ...string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for i := 0; i < len(entries); i += 2 {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: entries[i], Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(entries[i+1]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// atlasArchive zips testdata/atlas, an example after Annex A.2 of the
// REFI-QDA standard as exported by ATLAS.ti.
func atlasArchive(t *testing.T) []byte { return dirArchive(t, "testdata/atlas") }

// dirArchive zips the files under root, with slash-separated names
// relative to root.
func dirArchive(t *testing.T, root string) []byte {
	t.Helper()
	var entries []string
	filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(root, path)
		entries = append(entries, filepath.ToSlash(rel), string(b))
		return nil
	})
	return zipOf(t, entries...)
}

func importBytes(t *testing.T, b []byte) (*qda.Project, *Report, error) {
	return ImportProject("test.qdpx", bytes.NewReader(b), int64(len(b)), DefaultLimits)
}

func exportBytes(t *testing.T, p *qda.Project) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Project(&b, p); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func filesOf(t *testing.T, p *qda.Project) map[string][]byte {
	t.Helper()
	f, err := qda.Files(p)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestImportOtherProgram(t *testing.T) {
	p, rep, err := importBytes(t, atlasArchive(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Codes) != 6 || p.Codes[3].ID != "diet-coke" || p.Codes[3].Parent != "coke" {
		t.Errorf("codes %+v", p.Codes)
	}
	if len(p.Sources) != 2 || len(p.Segments) != 3 {
		t.Fatalf("sources %d segments %d", len(p.Sources), len(p.Segments))
	}
	s := p.Segments[0]
	if got := qda.Span(p.Sources[0].Text, s.Start, s.End); got != "Oh, that was great. See you tomorrow? Eleven thirty. Mm." {
		t.Errorf("selection text %q", got)
	}
	if got := qda.Span(p.Sources[1].Text, 0, 41); got != "I'm a single mum with a toddler — ü é ñ. " {
		t.Errorf("code points: %q", got)
	}
	if s.Coder != "user-one" || p.Segments[1].Selection != p.Segments[2].Selection {
		t.Errorf("segments %+v", p.Segments)
	}
	wantSkipped := []string{
		`PictureSource "cornflakes-n-milk.jpg": only plain-text sources are imported`,
		`PDFSource "Kellogg's Passion for Nutrition.pdf": only plain-text sources are imported`,
	}
	if !reflect.DeepEqual(rep.Skipped, wantSkipped) {
		t.Errorf("skipped %q", rep.Skipped)
	}
}

func TestImportCasesAndVariables(t *testing.T) {
	b, err := os.ReadFile("testdata/cases/project.qde")
	if err != nil {
		t.Fatal(err)
	}
	p, rep, err := importBytes(t, zipOf(t, "project.qde", string(b)))
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Skipped) != 0 || len(rep.Warnings) != 0 {
		t.Errorf("report %+v", rep)
	}
	ids := p.CodeIDs()
	if !reflect.DeepEqual(ids, []string{"topics", "cost", "cost-2"}) || p.Codes[0].Codable || p.Codes[2].Parent != "topics" {
		t.Errorf("codes %+v", p.Codes)
	}
	if p.Codes[1].GUID != "0c000000-0000-4000-8000-000000000002" {
		t.Errorf("GUID not normalized: %q", p.Codes[1].GUID)
	}
	wantVars := []qda.Variable{{Name: "age_group", Title: "Age group", Type: "integer"}, {Name: "rural", Title: "Rural", Type: "boolean"}}
	if !reflect.DeepEqual(p.Variables, wantVars) {
		t.Errorf("variables %+v", p.Variables)
	}
	if !reflect.DeepEqual(p.Cases[0].Values, []string{"3", "true"}) || !reflect.DeepEqual(p.Cases[1].Values, []string{"", ""}) {
		t.Errorf("cases %+v", p.Cases)
	}
	if p.Sources[0].Case != "respondent-a" || p.Segments[0].Case != "" || p.Segments[1].Case != "respondent-b" {
		t.Errorf("case links: source %q, segments %+v", p.Sources[0].Case, p.Segments)
	}
	// The second coding has no creatingUser: its selection's user codes it.
	if p.Segments[0].Coder != "coder-one" || p.Segments[1].Coder != "coder-two" {
		t.Errorf("coders %+v", p.Segments)
	}
	if got := qda.Span(p.Sources[0].Text, p.Segments[1].Start, p.Segments[1].End); got != "the bus takes an hour." {
		t.Errorf("span %q", got)
	}
}

func TestRoundTrip(t *testing.T) {
	cases, err := os.ReadFile("testdata/cases/project.qde")
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string][]byte{
		"cases":     zipOf(t, "project.qde", string(cases)),
		"atlas":     atlasArchive(t),
		"synthetic": exportBytes(t, synth.Generate(synth.Seed)),
	} {
		p1, _, err := importBytes(t, b)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out := exportBytes(t, p1)
		p2, _, err := importBytes(t, out)
		if err != nil {
			t.Fatalf("%s: re-import: %v", name, err)
		}
		f1, f2 := filesOf(t, p1), filesOf(t, p2)
		for k := range f1 {
			if !bytes.Equal(f1[k], f2[k]) {
				t.Errorf("%s: %s differs after import, export, import:\n%s\n----\n%s", name, k, f1[k], f2[k])
			}
		}
		if !bytes.Equal(out, exportBytes(t, p2)) {
			t.Errorf("%s: second export differs from the first", name)
		}
	}
}

func TestSyntheticRoundTripKeepsData(t *testing.T) {
	p := synth.Generate(synth.Seed)
	q, _, err := importBytes(t, exportBytes(t, p))
	if err != nil {
		t.Fatal(err)
	}
	if len(q.Segments) != len(p.Segments) || len(q.Cases) != len(p.Cases) || len(q.Variables) != 4 {
		t.Fatalf("lost data: %d/%d segments, %d/%d cases", len(q.Segments), len(p.Segments), len(q.Cases), len(p.Cases))
	}
	for i := range p.Segments {
		a, b := p.Segments[i], q.Segments[i]
		if a.Start != b.Start || a.End != b.End || q.Sources[indexOf(q, b.Source)].Case == "" {
			t.Fatalf("segment %d: %+v vs %+v", i, a, b)
		}
	}
	if !reflect.DeepEqual(p.Cases[0].Values, q.Cases[0].Values) || q.Variables[2].Type != "integer" {
		t.Errorf("case values %v vs %v", p.Cases[0].Values, q.Cases[0].Values)
	}
}

func indexOf(p *qda.Project, src string) int {
	for i, s := range p.Sources {
		if s.ID == src {
			return i
		}
	}
	return -1
}

func TestExportDeterministic(t *testing.T) {
	a := exportBytes(t, synth.Generate(synth.Seed))
	b := exportBytes(t, synth.Generate(synth.Seed))
	if !bytes.Equal(a, b) {
		t.Error("two exports differ")
	}
	// Python: uuid.uuid5(uuid.NAMESPACE_URL, "nexus:qda:ttp-alliances:code:dim-finance").
	if g := GUID("ttp-alliances", "code", "dim-finance"); g != "37a88c8e-6fc8-5ddf-ba58-011dcd6adb34" {
		t.Errorf("GUID = %s, want the RFC 4122 version 5 UUID", g)
	}
	if GUID("p", "code", "x") == GUID("p", "code", "y") || GUID("p", "code", "x") != GUID("p", "code", "x") {
		t.Error("GUID not a function of its arguments")
	}
}

func TestCodebookRoundTrip(t *testing.T) {
	p := synth.Generate(synth.Seed)
	var b bytes.Buffer
	if err := Codebook(&b, p); err != nil {
		t.Fatal(err)
	}
	q, _, err := ImportCodebook("x.qdc", bytes.NewReader(b.Bytes()), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if len(q.Codes) != len(p.Codes) {
		t.Fatalf("%d codes, want %d", len(q.Codes), len(p.Codes))
	}
	for i := range p.Codes {
		a, c := p.Codes[i], q.Codes[i]
		if a.Name != c.Name || a.Codable != c.Codable || a.Color != c.Color || a.Description != c.Description || (a.Parent == "") != (c.Parent == "") {
			t.Errorf("code %d: %+v vs %+v", i, a, c)
		}
	}
}

// TestXSD validates exports with xmllint (Debian libxml2-utils) against
// the REFI-QDA schemas in testdata.
func TestXSD(t *testing.T) {
	xmllint := testenv.LookPath(t, "xmllint", "libxml2-utils")
	dir := t.TempDir()
	p := synth.Generate(synth.Seed)
	qde, _, err := projectXML(p)
	if err != nil {
		t.Fatal(err)
	}
	var qdc bytes.Buffer
	if err := Codebook(&qdc, p); err != nil {
		t.Fatal(err)
	}
	paper := &qda.Project{Name: "paper", Codes: []qda.Code{{ID: "g", Name: "Group"}, {ID: "g-a", Name: "A & <b>", Parent: "g", Codable: true, Color: "#E69F00", Description: "quote \"x\""}},
		Sources: []qda.Source{{ID: "ex1", Name: "ex1", Text: "Some text."}}, Coders: []qda.Coder{{ID: "curators", Name: "Dataset curators (inferred coding)"}},
		Segments: []qda.Segment{{ID: "ex1-g-a", Source: "ex1", Code: "g-a", Coder: "curators", Start: 0, End: 10}}}
	qde2, _, err := projectXML(paper)
	if err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]struct {
		data []byte
		xsd  string
	}{
		"synthetic.qde": {qde, "testdata/Project-mrt2019.xsd"},
		"paper.qde":     {qde2, "testdata/Project-mrt2019.xsd"},
		"synthetic.qdc": {qdc.Bytes(), "testdata/Codebook.xsd"},
	} {
		f := filepath.Join(dir, name)
		os.WriteFile(f, c.data, 0o644)
		out, err := exec.Command(xmllint, "--noout", "--schema", c.xsd, f).CombinedOutput()
		if err != nil {
			t.Errorf("%s does not validate against %s: %v\n%s", name, c.xsd, err, out)
		}
	}
}

func TestHostileArchives(t *testing.T) {
	good, _, _ := projectXML(&qda.Project{Name: "x", Codes: []qda.Code{{ID: "a", Name: "A", Codable: true}}})
	bomb := strings.Repeat("\x00", 4<<20)
	small := DefaultLimits
	small.MaxFile = 1000
	for _, tc := range []struct {
		name    string
		archive []byte
		lim     Limits
		want    error
		msg     string
	}{
		{"dotdot", zipOf(t, "project.qde", string(good), "sources/../../evil.txt", "x"), DefaultLimits, ErrUnsafePath, `"..`},
		{"absolute", zipOf(t, "project.qde", string(good), "/etc/evil", "x"), DefaultLimits, ErrUnsafePath, "absolute"},
		{"drive", zipOf(t, "project.qde", string(good), "C:/evil", "x"), DefaultLimits, ErrUnsafePath, "absolute"},
		{"backslash", zipOf(t, "project.qde", string(good), "sources\\..\\evil", "x"), DefaultLimits, ErrUnsafePath, "backslash"},
		{"bomb", zipOf(t, "project.qde", string(good), "sources/a.txt", bomb), DefaultLimits, ErrRatio, "zip bomb"},
		{"large", zipOf(t, "project.qde", string(good)+strings.Repeat(" ", 2000)), small, ErrTooLarge, "limit"},
		{"malformed", zipOf(t, "project.qde", `<Project name="x"><Users></Project>`), DefaultLimits, ErrXML, "project.qde:1:"},
		{"two roots", zipOf(t, "project.qde", `<Project name="x"/><Project name="y"/>`), DefaultLimits, ErrXML, "second root"},
		{"missing code", zipOf(t, "project.qde", `<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Sources><TextSource guid="11111111-1111-1111-1111-111111111111" name="s"><PlainTextContent>abc</PlainTextContent><PlainTextSelection guid="22222222-2222-2222-2222-222222222222" startPosition="0" endPosition="2"><Coding guid="33333333-3333-3333-3333-333333333333"><CodeRef targetGUID="44444444-4444-4444-4444-444444444444"/></Coding></PlainTextSelection></TextSource></Sources></Project>`), DefaultLimits, ErrMissingRef, "CodeRef 44444444"},
		{"missing source", zipOf(t, "project.qde", `<Project name="x"><Cases><Case guid="11111111-1111-1111-1111-111111111111" name="c"><SourceRef targetGUID="55555555-5555-5555-5555-555555555555"/></Case></Cases></Project>`), DefaultLimits, ErrMissingRef, "SourceRef 55555555"},
		{"entities", zipOf(t, "project.qde", `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><Project name="&lol2;"/>`), DefaultLimits, ErrXML, "entity"},
		{"duplicate", zipOf(t, "project.qde", string(good), "PROJECT.QDE", string(good)), DefaultLimits, ErrUnsafePath, "twice"},
		{"no qde", zipOf(t, "other.xml", "<x/>"), DefaultLimits, nil, "no project.qde"},
		{"missing file", zipOf(t, "project.qde", `<Project name="x"><Sources><TextSource guid="11111111-1111-1111-1111-111111111111" name="s" plainTextPath="internal://nothere.txt"/></Sources></Project>`), DefaultLimits, nil, "no entry sources/nothere.txt"},
		{"bad span", zipOf(t, "project.qde", `<Project name="x"><CodeBook><Codes><Code guid="44444444-4444-4444-4444-444444444444" name="a" isCodable="true"/></Codes></CodeBook><Sources><TextSource guid="11111111-1111-1111-1111-111111111111" name="s"><PlainTextContent>abc</PlainTextContent><PlainTextSelection guid="22222222-2222-2222-2222-222222222222" startPosition="0" endPosition="9"><Coding guid="33333333-3333-3333-3333-333333333333"><CodeRef targetGUID="44444444-4444-4444-4444-444444444444"/></Coding></PlainTextSelection></TextSource></Sources></Project>`), DefaultLimits, nil, "expected 0 <= start <= end <= 3"},
		{"not zip", []byte("hello"), DefaultLimits, nil, "not a zip archive"},
	} {
		_, _, err := ImportProject("evil.qdpx", bytes.NewReader(tc.archive), int64(len(tc.archive)), tc.lim)
		if err == nil {
			t.Errorf("%s: accepted", tc.name)
			continue
		}
		if tc.want != nil && !errors.Is(err, tc.want) {
			t.Errorf("%s: error %v, want %v", tc.name, err, tc.want)
		}
		if !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%s: error %q does not mention %q", tc.name, err, tc.msg)
		}
	}
}

func TestImportWritesOnlyOut(t *testing.T) {
	// ImportProject never touches the file system; Write puts the
	// package only under its directory.
	root := t.TempDir()
	p, _, err := importBytes(t, atlasArchive(t))
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(root, "out")
	if err := qda.Write(out, p, false); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(root)
	if len(entries) != 1 || entries[0].Name() != "out" {
		t.Errorf("root holds %v", entries)
	}
	if _, err := qda.Load(out); err != nil {
		t.Error(err)
	}
}

func TestImportFileFailureWritesNothing(t *testing.T) {
	root := t.TempDir()
	evil := filepath.Join(root, "in", "evil.qdpx")
	os.MkdirAll(filepath.Dir(evil), 0o755)
	os.WriteFile(evil, zipOf(t, "project.qde", `<Project name="x"/>`, "../escape.txt", "x"), 0o644)
	if _, err := ImportFile(evil, filepath.Join(root, "out", "pkg"), DefaultLimits); !errors.Is(err, ErrUnsafePath) {
		t.Fatalf("got %v", err)
	}
	var files []string
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if !d.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	if len(files) != 1 {
		t.Errorf("files after a failed import: %v", files)
	}
}

// FuzzImportProject checks that no archive makes the importer panic.
func FuzzImportProject(f *testing.F) {
	f.Add([]byte(`<Project name="x"/>`))
	f.Add([]byte(`<Project name="x"><CodeBook><Codes><Code guid="44444444-4444-4444-4444-444444444444" name="a" isCodable="true"/></Codes></CodeBook><Sources><TextSource guid="11111111-1111-1111-1111-111111111111" name="s"><PlainTextContent>abc</PlainTextContent><PlainTextSelection guid="22222222-2222-2222-2222-222222222222" startPosition="0" endPosition="2"><Coding guid="33333333-3333-3333-3333-333333333333"><CodeRef targetGUID="44444444-4444-4444-4444-444444444444"/></Coding></PlainTextSelection></TextSource></Sources></Project>`))
	// The source files of the tool fixtures go into every archive, so
	// their project.qde seeds import and mutations of them reach the
	// round trip.
	sources := map[string][]byte{}
	for _, tool := range tools {
		if b, err := os.ReadFile(filepath.Join("testdata", tool, "project.qde")); err == nil {
			f.Add(b)
		}
		files, _ := filepath.Glob(filepath.Join("testdata", tool, "sources", "*"))
		for _, file := range files {
			if b, err := os.ReadFile(file); err == nil {
				sources["sources/"+filepath.Base(file)] = b
			}
		}
	}
	names := make([]string, 0, len(sources))
	for n := range sources {
		names = append(names, n)
	}
	sort.Strings(names)
	f.Add([]byte(`<Project name="x"><Users><User guid="11111111-1111-1111-1111-111111111111" name="u"/></Users><Notes><Note guid="22222222-2222-2222-2222-222222222222" name="n" creatingUser="11111111-1111-1111-1111-111111111111"><PlainTextContent>memo</PlainTextContent></Note></Notes><Sets><Set guid="33333333-3333-3333-3333-333333333333" name="s"><MemberNote targetGUID="22222222-2222-2222-2222-222222222222"/></Set></Sets><NoteRef targetGUID="22222222-2222-2222-2222-222222222222"/></Project>`))
	f.Fuzz(func(t *testing.T, qde []byte) {
		var b bytes.Buffer
		zw := zip.NewWriter(&b)
		w, _ := zw.Create("project.qde")
		w.Write(qde)
		for _, n := range names {
			w, _ := zw.Create(n)
			w.Write(sources[n])
		}
		zw.Close()
		p, _, err := ImportProject("f.qdpx", bytes.NewReader(b.Bytes()), int64(b.Len()), DefaultLimits)
		if err == nil {
			// Whatever imports must export, and re-import to the same
			// package.
			var out bytes.Buffer
			if err := Project(&out, p); err != nil {
				t.Fatalf("export of an imported project: %v", err)
			}
			q, _, err := ImportProject("g.qdpx", bytes.NewReader(out.Bytes()), int64(out.Len()), DefaultLimits)
			if err != nil {
				t.Fatalf("re-import of an export: %v", err)
			}
			f1, err1 := qda.Files(p)
			f2, err2 := qda.Files(q)
			if (err1 == nil) != (err2 == nil) {
				t.Fatalf("files: %v / %v", err1, err2)
			}
			for k := range f1 {
				if !bytes.Equal(f1[k], f2[k]) {
					t.Fatalf("%s differs after export and import:\n%s\n----\n%s", k, f1[k], f2[k])
				}
			}
		}
	})
}
