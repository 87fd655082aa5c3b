//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
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

// checkError requires what nexus args printed to be a runtime error:
// exit status 1, nothing on standard output, every line of standard
// error after "nexus: ", naming file, and matching want.
func checkError(t *testing.T, args []string, file string, want *regexp.Regexp) {
	t.Helper()
	code, out, errs := nexus(args...)
	cmd := "nexus " + strings.Join(args, " ")
	if code != 1 || out != "" {
		t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 1 and no output", cmd, code, out, errs)
	}
	for _, line := range strings.Split(strings.TrimSuffix(errs, "\n"), "\n") {
		if !strings.HasPrefix(line, "nexus: ") {
			t.Errorf("%s: stderr line %q does not start with \"nexus: \"", cmd, line)
		}
	}
	if !strings.Contains(errs, file) || !want.MatchString(errs) {
		t.Errorf("%s: stderr %q, want it to name %s and match %q", cmd, errs, file, want)
	}
}

// scratch returns a new directory for notebooks, which must be inside a
// module: a temporary one with a go.mod of its own. It is never inside
// the repository, where the packages tested beside this one would see
// it come and go (testenv.Run).
func scratch(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/iotest\n\ngo 1.22\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestReadsBounded is the attack of issue 19 item 5: every file a command
// reads (trace's table, trace file and MANIFEST, quotes' paper, the
// packages of validate, hash, diff, export and build, an edge list, a
// notebook, an archive to import) is refused when it is /dev/zero,
// /dev/urandom or a FIFO, at once (a FIFO with no writer would hang a
// reader; /dev/zero would fill memory), naming the file.
func TestReadsBounded(t *testing.T) {
	tmp := t.TempDir()
	fifo := filepath.Join(tmp, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	table := []byte("a,b\n1,2\n")
	refused := regexp.MustCompile(`not a regular file: a (character device|named pipe \(FIFO\))|path leaves the package`)
	nbDir := scratch(t)
	absDataset, err := filepath.Abs(datasetDir)
	if err != nil {
		t.Fatal(err)
	}
	for i, target := range []string{"/dev/zero", "/dev/urandom", fifo} {
		dir := filepath.Join(tmp, strconv.Itoa(i))
		mk := func(name string) string { // a link named name to target
			p := filepath.Join(dir, name)
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.Symlink(target, p); err != nil {
				t.Fatal(err)
			}
			return p
		}
		write := func(name string, b []byte) string {
			p := filepath.Join(dir, name)
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
			return p
		}
		traceCSV := write("trace/t.csv", table)
		traceFile := mk("trace/t.trace.csv")
		manCSV := write("manifest/t.csv", table)
		manifest := mk("manifest/MANIFEST")
		desc := mk("pkg/datapackage.json")
		pkg := filepath.Dir(desc)
		nb := filepath.Join(nbDir, strconv.Itoa(i)+".md")
		if err := os.Symlink(target, nb); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			args []string
			file string
		}{
			{[]string{"trace", "-dataset", datasetDir, target + ":2:1"}, target},
			{[]string{"trace", "-dataset", datasetDir, traceCSV + ":2:1"}, traceFile},
			{[]string{"trace", manCSV + ":2:1"}, manifest},
			{[]string{"quotes", "-paper", target, datasetDir}, target},
			{[]string{"validate", pkg}, desc},
			{[]string{"hash", pkg}, desc},
			{[]string{"diff", datasetDir, pkg}, desc},
			{[]string{"export", "-dataset", pkg, "-out", "-"}, desc},
			{[]string{"build", "-dataset", pkg, "-out", filepath.Join(dir, "out")}, desc},
			{[]string{"network", "-edges", target, "-out", "-"}, target},
			{[]string{"render", "-out", filepath.Join(dir, "nb"), nb}, nb},
			{[]string{"claims", "-dataset", absDataset, nb}, nb},
			{[]string{"qda", "import", target, "--out", filepath.Join(dir, "imported")}, target},
			{[]string{"qda", "frequencies", pkg}, desc},
		} {
			if c.args[0] == "render" || c.args[0] == "claims" {
				// Errors name a notebook by its path in the module.
				inModule(t, nbDir, func(t *testing.T) { checkError(t, c.args, filepath.Base(c.file), refused) })
				continue
			}
			checkError(t, c.args, c.file, refused)
		}
	}
}

// inModule runs f in a subtest whose working directory is the module dir
// (see scratch): nexus render and claims take the module they run in as
// the compendium, and refuse a notebook outside it.
func inModule(t *testing.T, dir string, f func(t *testing.T)) {
	t.Helper()
	t.Run("in-module", func(t *testing.T) {
		t.Chdir(dir)
		f(t)
	})
}

// TestErrorsOnStderr is issue 19 item 12: each command's runtime error
// (here, a file that does not exist) goes to standard error after
// "nexus: ", names the file, and leaves standard output empty.
func TestErrorsOnStderr(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no-such")
	nb := filepath.Join(scratch(t), "no-such.md")
	absDataset, err := filepath.Abs(datasetDir)
	if err != nil {
		t.Fatal(err)
	}
	notFound := regexp.MustCompile(`no such file or directory`)
	for _, args := range [][]string{
		{"build", "-dataset", missing},
		{"manifest", "-dataset", missing, "-out", t.TempDir()},
		{"verify", "-dataset", missing},
		{"validate", missing},
		{"hash", missing},
		{"hash", "-w", missing},
		{"diff", missing, datasetDir},
		{"quotes", "-paper", missing, datasetDir},
		{"export", "-dataset", missing, "-out", "-"},
		{"network", "-edges", missing, "-out", "-"},
		{"network", "-dataset", missing, "-out", "-"},
		{"trace", "-dataset", datasetDir, missing + ":2:1"},
		{"render", "-out", t.TempDir(), nb},
		{"claims", "-dataset", absDataset, nb},
		{"qda", "frequencies", missing},
		{"qda", "import", missing + ".qdpx", "--out", filepath.Join(t.TempDir(), "x")},
	} {
		if args[0] == "render" || args[0] == "claims" {
			inModule(t, filepath.Dir(nb), func(t *testing.T) { checkError(t, args, filepath.Base(nb), notFound) })
			continue
		}
		checkError(t, args, missing, notFound)
	}
	// A descriptor that is not JSON: hash names it (it printed nothing
	// and exited 0 before).
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "datapackage.json"), []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range []string{"hash", "validate"} {
		checkError(t, []string{cmd, dir}, filepath.Join(dir, "datapackage.json")+":1:1: invalid descriptor", regexp.MustCompile(`unexpected end of JSON input`))
	}
	// A resource without a path: hash names the descriptor, not "".
	if err := os.WriteFile(filepath.Join(dir, "datapackage.json"), []byte(`{"name": "x", "resources": [{"name": "r"}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs := nexus("hash", dir)
	if code != 1 || strings.Contains(errs, "nexus: :") || !strings.Contains(errs, filepath.Join(dir, "datapackage.json")) {
		t.Errorf("hash of a resource without a path: exit %d, stderr %q", code, errs)
	}
}
