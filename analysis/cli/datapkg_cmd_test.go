package cli

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The -update flag rewrites golden files. It is defined here unless
// another test file of the package has defined it already.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files of testdata")
	}
}

func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// fixtures are the data package fixtures of package datapkg.
const fixtures = "../../analysis/datapkg/testdata"

// runGolden runs nexus with args and compares its exit code and output
// with testdata/name.golden.
func runGolden(t *testing.T, name string, wantCode int, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := exit(&stderr, run(&stdout, &stderr, args))
	if code != wantCode {
		t.Errorf("nexus %s: exit %d, want %d\nstdout:\n%sstderr:\n%s", strings.Join(args, " "), code, wantCode, &stdout, &stderr)
	}
	got := stdout.String()
	if stderr.Len() > 0 {
		got += "stderr:\n" + stderr.String()
	}
	path := filepath.Join("testdata", name+".golden")
	if updating() {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return got
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./analysis/cli -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("nexus %s: output differs from %s:\n--- got\n%s--- want\n%s", strings.Join(args, " "), path, got, want)
	}
	return got
}

func TestValidateCommand(t *testing.T) {
	runGolden(t, "validate-good", 0, "validate", fixtures+"/good", fixtures+"/spreadsheet")
	runGolden(t, "validate-enum", 1, "validate", fixtures+"/rules/enum")
	rules, _ := filepath.Glob(fixtures + "/rules/*")
	var dirs []string
	for _, r := range rules {
		if fi, err := os.Stat(r); err == nil && fi.IsDir() {
			dirs = append(dirs, r)
		}
	}
	out := runGolden(t, "validate-many", 1, append([]string{"validate", "-max", "5"}, dirs...)...)
	if !strings.Contains(out, "more problems") {
		t.Error("no summary line after -max problems")
	}
	runGolden(t, "validate-nodir", 1, "validate", fixtures+"/no-such-package")
	runGolden(t, "validate-usage", 2, "validate")
}

func TestDiffCommand(t *testing.T) {
	runGolden(t, "diff", 0, "diff", fixtures+"/diff/v1.0.0", fixtures+"/diff/v1.1.0")
	runGolden(t, "diff-invalid", 1, "diff", fixtures+"/diff/v1.0.0", fixtures+"/rules/enum")
	runGolden(t, "diff-schema", 0, "diff", fixtures+"/diff-schema/v1.0.0", fixtures+"/diff-schema/v1.1.0")
}

func TestHashCommand(t *testing.T) {
	runGolden(t, "hash-good", 0, "hash", fixtures+"/good")
	runGolden(t, "hash-mismatch", 0, "hash", fixtures+"/rules/hash")
	// -w rewrites a copy; a second run has nothing to do.
	dir := filepath.Join(t.TempDir(), "pkg")
	os.Mkdir(dir, 0o755)
	ents, _ := os.ReadDir(fixtures + "/rules/hash")
	for _, e := range ents {
		b, _ := os.ReadFile(filepath.Join(fixtures, "rules/hash", e.Name()))
		os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644)
	}
	var out bytes.Buffer
	if err := run(&out, &out, []string{"hash", "-w", dir}); err != nil {
		t.Fatalf("hash -w: %v\n%s", err, &out)
	}
	if !strings.Contains(out.String(), "hashes rewritten") {
		t.Errorf("hash -w: %s", &out)
	}
	out.Reset()
	if err := run(&out, &out, []string{"validate", dir}); err != nil {
		t.Errorf("validate after hash -w: %v\n%s", err, &out)
	}
	out.Reset()
	run(&out, &out, []string{"hash", "-w", dir})
	if !strings.Contains(out.String(), "hashes up to date") {
		t.Errorf("second hash -w: %s", &out)
	}
}
