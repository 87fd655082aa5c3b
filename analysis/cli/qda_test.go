package cli

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/datapkg"
	"github.com/nexus-toolkit/nexus/analysis/qda"
	"github.com/nexus-toolkit/nexus/analysis/qda/synth"
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
	if lines[0] != "code,name,units,percent,cohen_kappa,brennan_prediger,krippendorff_alpha,data" ||
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
		{"compare", pkg},
		{"compare", pkg, "--coders", "coder-a"},
		{"compare", pkg, "--coders", "coder-a,nobody"},
		{"init"},
		{"init", pkg},
	} {
		if _, _, err := runQDA(t, args...); err == nil {
			t.Errorf("%v: no error", args)
		}
	}
}

// TestQDAInit: qda init writes an empty package that nexus validate
// accepts and that the other qda commands open.
func TestQDAInit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "My Study")
	if _, _, err := runQDA(t, "init", dir); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if err := run(&out, &errb, []string{"validate", dir}); err != nil {
		t.Fatalf("validate: %v\n%s%s", err, out.String(), errb.String())
	}
	if out.String() != "my-study 0.1.0: valid: 7 resources, 0 rows\n" {
		t.Errorf("validate: %q", out.String())
	}
	got, _, err := runQDA(t, "frequencies", dir)
	if err != nil || got != "code,name,segments,cases\n" {
		t.Errorf("frequencies of an empty package: %v %q", err, got)
	}
}

// editedPackage writes the synthetic study into a temporary package and
// replaces the first old in its segments.csv with new, leaving the
// recorded hash as it was.
func editedPackage(t *testing.T, old, new string) string {
	t.Helper()
	pkg := filepath.Join(t.TempDir(), "pkg")
	if err := qda.Write(pkg, synth.Generate(synth.Seed), false); err != nil {
		t.Fatal(err)
	}
	seg := filepath.Join(pkg, "segments.csv")
	b, err := os.ReadFile(seg)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(seg, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	return pkg
}

// TestQDAValidatesFirst: a package whose segments.csv no longer matches
// its hash is refused by every qda command, with the problems nexus
// validate prints.
func TestQDAValidatesFirst(t *testing.T) {
	pkg := editedPackage(t, ",coder-a,", ",coder-b,")
	var want, errb bytes.Buffer
	if err := run(&errb, &want, []string{"validate", pkg}); err == nil || !strings.Contains(want.String(), "segments.csv") {
		t.Fatalf("validate accepts the changed package: %v\n%s", err, want.String())
	}
	for _, args := range [][]string{
		{"frequencies", pkg}, {"agreement", pkg}, {"compare", pkg, "--coders", "coder-a,coder-b"},
		{"cooccurrence", pkg}, {"export", pkg, "--out", filepath.Join(t.TempDir(), "x.qdpx")},
	} {
		out, stderr, err := runQDA(t, args...)
		if err != (exitError{1}) || out != "" {
			t.Errorf("%v: err %v, output %q", args, err, out)
		}
		if stderr != want.String() {
			t.Errorf("%v: stderr\n%s\nwant the problems of nexus validate\n%s", args, stderr, want.String())
		}
	}
}

// TestQDARefusesMismatchedHeader: a renamed column, with the hashes
// brought up to date, is refused as nexus validate refuses it.
func TestQDARefusesMismatchedHeader(t *testing.T) {
	pkg := editedPackage(t, "id,source,case,code,coder,start,end", "id,source,case,code,coder,begin,end")
	if _, _, err := datapkg.Rehash(pkg, datapkg.RehashOptions{}); err != nil {
		t.Fatal(err)
	}
	var want, errb bytes.Buffer
	if err := run(&errb, &want, []string{"validate", pkg}); err == nil {
		t.Fatal("validate accepts a renamed column")
	}
	out, stderr, err := runQDA(t, "agreement", pkg)
	if err == nil || out != "" || stderr != want.String() || !strings.Contains(stderr, "segments.csv:1:") {
		t.Errorf("agreement on a renamed column: %v, stdout %q, stderr\n%s\nwant\n%s", err, out, stderr, want.String())
	}
}

// TestQDACompare: the comparison of the shipped synthetic study equals
// the golden file of package qda (same generator, same seed).
func TestQDACompare(t *testing.T) {
	out, _, err := runQDA(t, "compare", "../../datasets/examples/synthetic-coding/v1.1.0", "--coders", "coder-a,coder-b")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../analysis/qda/testdata/compare-coder-a-coder-b.golden")
	if err != nil {
		t.Fatal(err)
	}
	if out != string(want) {
		t.Errorf("qda compare differs from analysis/qda/testdata/compare-coder-a-coder-b.golden:\n%s", out)
	}
}

// TestQDAImportReportsDropped: importing a MAXQDA-shaped project prints
// what the package does not carry, as "dropped:" lines with counts.
func TestQDAImportReportsDropped(t *testing.T) {
	root := "../../analysis/qda/refi/testdata/maxqda"
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		w, err := zw.Create(filepath.ToSlash(rel))
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	})
	if err != nil || zw.Close() != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	qdpx := filepath.Join(dir, "maxqda.qdpx")
	if err := os.WriteFile(qdpx, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, err := runQDA(t, "import", qdpx, "--out", filepath.Join(dir, "pkg"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"dropped: attribute richTextPath of <TextSource>: 4\n", "dropped: attribute origin of <Project>: 1\n"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	out, _, err := runQDA(t, "frequencies", filepath.Join(dir, "pkg"))
	if err != nil || !strings.Contains(out, "\nprivacy,Privacy,2,1\n") {
		t.Errorf("frequencies of the import: %v\n%s", err, out)
	}
	// MAXQDA's document variables became cases, so they cross-tabulate.
	out, _, err = runQDA(t, "frequencies", filepath.Join(dir, "pkg"), "--crosstab", "semester", "--count", "cases")
	if err != nil || !strings.HasPrefix(out, "code,3,5\n") || !strings.Contains(out, "\ncollaboration,0,1\n") {
		t.Errorf("crosstab by a document variable: %v\n%s", err, out)
	}
}

// TestQDARunMatchesUsage checks that every subcommand the usage names has
// a function that runs it, and that no function runs an unnamed one.
func TestQDARunMatchesUsage(t *testing.T) {
	named := map[string]bool{}
	for _, sub := range qdaSubcommands() {
		named[sub] = true
		if qdaRun[sub] == nil {
			t.Errorf("qda %s: named in the usage, but nothing runs it", sub)
		}
	}
	for sub := range qdaRun {
		if !named[sub] {
			t.Errorf("qda %s: runs, but the usage does not name it", sub)
		}
	}
}
