//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// synthetic is a coding package that qda export reads.
const synthetic = "../../datasets/examples/synthetic-coding/v1.1.0"

// TestOutRefusesNonRegular is the attack of issue 19 item 3: every
// command with -out refuses a device, a FIFO, a symbolic link or a
// directory, says so on standard error with its name, exits 1 and
// replaces nothing.
func TestOutRefusesNonRegular(t *testing.T) {
	dir := t.TempDir()
	edges := filepath.Join(dir, "edges.csv")
	if err := os.WriteFile(edges, []byte("source,target\na,b\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	files := testenv.SpecialFiles(t, dir)
	before := testenv.Lstat(t, files)
	commands := []func(out string) []string{
		func(out string) []string {
			return []string{"export", "-dataset", datasetDir, "-format", "graphml", "-out", out}
		},
		func(out string) []string {
			return []string{"export", "-dataset", datasetDir, "-format", "bibtex", "-out", out}
		},
		func(out string) []string { return []string{"network", "-edges", edges, "-out", out} },
		func(out string) []string { return []string{"network", "-dataset", datasetDir, "-out", out} },
		// Refused before the notebook is even looked for.
		func(out string) []string {
			return []string{"claims", "-dataset", datasetDir, "-out", out, "notebooks/none.md"}
		},
	}
	for _, command := range commands {
		for kind, name := range files {
			args := command(name)
			code, out, errs := nexus(args...)
			if code != 1 || out != "" || !strings.HasPrefix(errs, "nexus: "+name+": not a regular file: "+kind) {
				t.Errorf("nexus %s (%s): exit %d, stdout %q, stderr %q", strings.Join(args, " "), kind, code, out, errs)
			}
		}
	}
	testenv.Unchanged(t, files, before)
}

// TestOutRefusesNonRegularNamed covers the commands whose -out gives a
// name the output's own (qda export's .qdpx, export -format csv's two
// files): refused, and nothing written, not even the other file.
func TestOutRefusesNonRegularNamed(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "x.qdpx")
	if err := os.Symlink("target.qdpx", link); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("target.csv", filepath.Join(dir, "net-edges.csv")); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"qda", "export", synthetic, "--out", link},
		{"export", "-dataset", datasetDir, "-format", "csv", "-out", filepath.Join(dir, "net.csv")},
	} {
		code, _, errs := nexus(args...)
		if code != 1 || !strings.Contains(errs, "not a regular file: a symbolic link") {
			t.Errorf("nexus %s: exit %d, stderr %q", strings.Join(args, " "), code, errs)
		}
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 2 {
		t.Errorf("files written beside the links: %v", ents)
	}
}
