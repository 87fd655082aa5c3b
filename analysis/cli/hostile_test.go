package cli

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/qda"
	"github.com/nexus-toolkit/nexus/analysis/qda/synth"
)

// The attacks of issue 11 on the command line.

// exitCode runs nexus and returns its exit status, standard output and
// standard error.
func exitCode(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	err := run(&stdout, &stderr, args)
	var ee exitError
	switch {
	case err == nil:
		return 0, stdout.String(), stderr.String()
	case errors.As(err, &ee):
		return ee.code, stdout.String(), stderr.String()
	}
	return 2, stdout.String(), stderr.String() + err.Error()
}

// copyFixture copies the files of the datapkg fixture src into dst.
func copyFixture(t *testing.T, src, dst string) {
	t.Helper()
	if err := os.MkdirAll(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	ents, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestValidateSymlinkOut: validate refuses a resource linked outside the
// package and does not print what the file holds.
func TestValidateSymlinkOut(t *testing.T) {
	top := t.TempDir()
	secret := filepath.Join(top, "secret.csv")
	os.WriteFile(secret, []byte("code,name,founded,season,league\nTOPSECRET,hunter2,x,x,x\n"), 0o600)
	dir := filepath.Join(top, "pkg")
	copyFixture(t, fixtures+"/good", dir)
	os.Remove(filepath.Join(dir, "teams.csv"))
	if err := os.Symlink(secret, filepath.Join(dir, "teams.csv")); err != nil {
		t.Fatal(err)
	}
	code, out, errs := exitCode(t, "validate", dir)
	want := "nexus: " + filepath.Join(dir, "teams.csv") + `: resource "teams": path leaves the package: a symbolic link resolves it to ` + secret
	if code != 1 || out != "" || !strings.Contains(errs, want) {
		t.Errorf("exit %d, output:\n%s%s\nwant a line starting %q", code, out, errs, want)
	}
	if strings.Contains(out+errs, "TOPSECRET") || strings.Contains(out+errs, "hunter2") {
		t.Errorf("validate prints the secret:\n%s%s", out, errs)
	}
}

// TestQDAExportSymlinkOut: qda export of a coding package whose source
// text is linked to a file outside it fails and packs nothing.
func TestQDAExportSymlinkOut(t *testing.T) {
	top := t.TempDir()
	secret := filepath.Join(top, "passwd")
	os.WriteFile(secret, []byte("root:x:0:0:TOPSECRET:/root:/bin/sh\n"), 0o600)
	pkg := filepath.Join(top, "pkg")
	if err := qda.Write(pkg, synth.Generate(synth.Seed), false); err != nil {
		t.Fatal(err)
	}
	texts, _ := filepath.Glob(filepath.Join(pkg, "sources", "*.txt"))
	if len(texts) == 0 {
		t.Fatal("the synthetic package has no source texts")
	}
	os.Remove(texts[0])
	if err := os.Symlink(secret, texts[0]); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(top, "project.qdpx")
	code, stdout, stderr := exitCode(t, "qda", "export", pkg, "--out", out)
	if code == 0 || !strings.Contains(stdout+stderr, "path leaves the package") || strings.Contains(stdout+stderr, "TOPSECRET") {
		t.Errorf("exit %d:\n%s%s", code, stdout, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("%s was written", out)
	}
}

// TestHashWriteRefuses: hash -w refuses a published version unless
// --force, and a symlinked datapackage.json always, naming the file and
// the reason and changing nothing.
func TestHashWriteRefuses(t *testing.T) {
	top := t.TempDir()
	dir := filepath.Join(top, "v1.0.0")
	copyFixture(t, fixtures+"/rules/hash", dir)
	os.WriteFile(filepath.Join(top, "CHANGELOG.md"), []byte("# Changelog\n\n## [1.0.0] - 2026-01-01\n"), 0o644)
	desc := filepath.Join(dir, "datapackage.json")
	before, _ := os.ReadFile(desc)
	code, _, out := exitCode(t, "hash", "-w", dir)
	if code != 1 || !strings.Contains(out, "nexus: "+desc+": published version: version 1.0.0 has an entry in "+filepath.Join(top, "CHANGELOG.md")+":3") ||
		!strings.Contains(out, "pass --force") {
		t.Errorf("published: exit %d:\n%s", code, out)
	}
	if after, _ := os.ReadFile(desc); !bytes.Equal(before, after) {
		t.Error("hash -w changed a published version")
	}
	if code, out, _ := exitCode(t, "hash", "-w", "--force", dir); code != 0 || !strings.Contains(out, "hashes rewritten") {
		t.Errorf("--force: exit %d:\n%s", code, out)
	}

	link := filepath.Join(top, "v1.1.0")
	copyFixture(t, fixtures+"/rules/hash", link)
	ldesc := filepath.Join(link, "datapackage.json")
	os.Rename(ldesc, filepath.Join(link, "descriptor.json"))
	os.Symlink("descriptor.json", ldesc)
	code, _, out = exitCode(t, "hash", "-w", "--force", link)
	if code != 1 || !strings.Contains(out, "nexus: "+ldesc+": refusing to rewrite a symbolic link: it points to descriptor.json") {
		t.Errorf("symlink: exit %d:\n%s", code, out)
	}
	if fi, err := os.Lstat(ldesc); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Error("hash -w replaced the link")
	}
}

// TestHashMismatchHint: a hash mismatch found by validate or build
// suggests nexus hash -w DIR.
func TestHashMismatchHint(t *testing.T) {
	dir := fixtures + "/rules/hash"
	code, _, out := exitCode(t, "validate", dir)
	if code != 1 || !strings.Contains(out, "hash mismatch") || !strings.Contains(out, "nexus hash -w "+dir) {
		t.Errorf("validate: exit %d:\n%s", code, out)
	}
	// build, on a copy of the dataset with one byte changed.
	ds := filepath.Join(t.TempDir(), "v1.0.0")
	copyFixture(t, "../../datasets/ttp-alliances/v1.0.0", ds)
	events := filepath.Join(ds, "events.csv")
	b, _ := os.ReadFile(events)
	os.WriteFile(events, bytes.Replace(b, []byte("2007"), []byte("2008"), 1), 0o644)
	code, out, errs := exitCode(t, "build", "-dataset", ds, "-out", t.TempDir(), "T5")
	if code == 0 || !strings.Contains(out+errs, "hash mismatch") || !strings.Contains(out+errs, "nexus hash -w "+ds) {
		t.Errorf("build: exit %d:\n%s%s", code, out, errs)
	}
}

// TestNetworkOverflow: weights of 1e308 give an error naming the
// measure, exit status 1 and no metrics; NaN, infinite and out-of-range
// weights are reported at file:line:column.
func TestNetworkOverflow(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "edges.csv")
	os.WriteFile(in, []byte("source,target,w\na,b,1e308\nb,c,1e308\n"), 0o644)
	outFile := filepath.Join(dir, "m.csv")
	code, _, stderr := exitCode(t, "network", "--edges", in, "--weight", "w", "--out", outFile)
	if want := `graph: weights overflow float64: strength: node "b": its link weights sum to +Inf`; code != 1 || !strings.Contains(stderr, want) {
		t.Errorf("exit %d, stderr:\n%s\nwant %q", code, stderr, want)
	}
	if _, err := os.Stat(outFile); err == nil {
		t.Error("metrics written despite the overflow")
	}
	// Subnormal lengths: the reciprocal of a distance overflows; as
	// strengths, their lengths 1/weight do.
	os.WriteFile(in, []byte("source,target,w\na,b,5e-324\nb,c,5e-324\n"), 0o644)
	for weighted, want := range map[string]string{
		"length":   `graph: weights overflow float64: closeness: node "a": +Inf`,
		"distance": `graph: weights overflow float64: distance: link "a" -- "b": 1/weight of 5e-324 is +Inf`,
	} {
		code, _, stderr = exitCode(t, "network", "--edges", in, "--weight", "w", "--weighted", weighted, "--out", outFile)
		if code != 1 || !strings.Contains(stderr, want) {
			t.Errorf("subnormal, -weighted %s: exit %d, stderr:\n%s\nwant %q", weighted, code, stderr, want)
		}
	}
	os.WriteFile(in, []byte("source,target,w\na,b,NaN\nb,c,Inf\nc,d,1e309\nd,e,0\ne,f,5e-324\n"), 0o644)
	code, _, stderr = exitCode(t, "network", "--edges", in, "--weight", "w", "--out", outFile)
	for _, want := range []string{
		in + `:2:5: bad weight: column "w" value "NaN"`,
		in + `:3:5: bad weight: column "w" value "Inf"`,
		in + `:4:5: bad weight: column "w" value "1e309"`,
		in + `:5:5: bad weight: column "w" value "0"`,
	} {
		if code != 1 || !strings.Contains(stderr, want) {
			t.Errorf("exit %d, stderr lacks %q:\n%s", code, want, stderr)
		}
	}
}

// TestValidateBadValues: an impossible date, NaN against a minimum and
// control characters are reported at file:line:column, every one.
func TestValidateBadValues(t *testing.T) {
	runGolden(t, "validate-bad-values", 1, "validate", fixtures+"/rules/date-precision", fixtures+"/rules/nan-bounds", fixtures+"/rules/control")
}

// TestNetworkEdgesNotRegular: /dev/zero as the edge list is refused at
// once instead of read for ever.
func TestNetworkEdgesNotRegular(t *testing.T) {
	code, _, errs := exitCode(t, "network", "--edges", "/dev/zero", "--out", "-")
	if code == 0 || !strings.Contains(errs, "/dev/zero: not a regular file: a character device") {
		t.Errorf("exit %d:\n%s", code, errs)
	}
}
