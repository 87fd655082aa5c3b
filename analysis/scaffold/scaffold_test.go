package scaffold

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/datapkg"
)

// root is this checkout of the toolkit.
const root = "../.."

// A directory that holds anything is refused, naming what it holds, and
// left as it was.
func TestNewRefusesNonEmpty(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"notes.txt", "data"} {
		if err := os.Mkdir(filepath.Join(dir, name), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	_, err := New(dir, Options{Toolkit: root})
	if !errors.Is(err, ErrNotEmpty) || !strings.Contains(err.Error(), "it holds data/, notes.txt/") {
		t.Fatalf("error %v, want ErrNotEmpty naming data/ and notes.txt/", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("the refused directory now holds %d entries, want the 2 it had", len(entries))
	}
	many := t.TempDir()
	for i := range 12 {
		os.WriteFile(filepath.Join(many, string(rune('a'+i))), nil, 0o644)
	}
	if _, err := New(many, Options{Toolkit: root}); err == nil || !strings.Contains(err.Error(), "and 2 more") {
		t.Errorf("twelve entries: %v, want ten named and 2 more", err)
	}
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o644)
	if _, err := New(file, Options{Toolkit: root}); err == nil || !strings.Contains(err.Error(), "not a directory") {
		t.Errorf("a file: %v, want not a directory", err)
	}
}

// Names, module and package are derived from the directory, and bad ones
// are reported together.
func TestFields(t *testing.T) {
	f, err := fields("/x/jjatt-bali-2002", Options{Toolkit: root})
	if err != nil {
		t.Fatal(err)
	}
	if f.Name != "jjatt-bali-2002" || f.Module != "jjatt-bali-2002" || f.Package != "jjattbali2002" || f.ToolkitVersion != DevelVersion {
		t.Errorf("fields %+v", f)
	}
	f, _ = fields("2002-study", Options{ToolkitVersion: "v1.2.0"})
	if f.Package != "study2002study" || f.Toolkit != "" || f.ToolkitVersion != "v1.2.0" {
		t.Errorf("fields %+v", f)
	}
	_, err = fields("Bad Name", Options{Module: "a b", Package: "Pkg", Title: `say "hi"`})
	for _, want := range []string{`name "bad name"`, `module path "a b"`, `package "Pkg"`, "title", "no toolkit"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v lacks %q", err, want)
		}
	}
	if _, err := fields("x", Options{Toolkit: t.TempDir()}); err == nil || !strings.Contains(err.Error(), "expected a checkout of "+ToolkitModule) {
		t.Errorf("a toolkit without go.mod: %v", err)
	}
}

// The new compendium's go directive is the toolkit's own.
func TestGoDirective(t *testing.T) {
	mod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(mod), "\ngo "+GoDirective+"\n") {
		t.Errorf("the toolkit's go.mod has no line go %s", GoDirective)
	}
}

// Every template renders, the files land where Files says, the replace
// directive points back at the toolkit, and the starter data package is
// valid with its hashes.
func TestNewWrites(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "first-study")
	f, err := New(dir, Options{Toolkit: root})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			got = append(got, filepath.ToSlash(rel))
		}
		return nil
	})
	want := append(Files(f), "go.sum")
	if strings.Join(got, " ") != strings.Join(sortedCopy(want), " ") {
		t.Errorf("files\n%v\nwant\n%v", got, sortedCopy(want))
	}
	for _, p := range []string{"analysis/firststudy/study.go", "datasets/first-study/v0.1.0/datapackage.json", "notebooks/01-start.md", ".ci/run", ".github/workflows/verify.yml"} {
		if !slices.Contains(want, p) {
			t.Errorf("no %s", p)
		}
	}
	mod, _ := os.ReadFile(filepath.Join(dir, "go.mod"))
	abs, _ := filepath.Abs(root)
	rel, _ := filepath.Rel(dir, abs)
	if !strings.Contains(string(mod), "replace "+ToolkitModule+" => "+filepath.ToSlash(rel)+"\n") {
		t.Errorf("go.mod has no replace to %s:\n%s", rel, mod)
	}
	if st, err := os.Stat(filepath.Join(dir, ".ci", "run")); err != nil || st.Mode()&0o100 == 0 {
		t.Errorf(".ci/run is not executable: %v", err)
	}
	if _, err := datapkg.Read(filepath.Join(dir, "datasets", "first-study", "v0.1.0")); err != nil {
		t.Errorf("the starter data package: %v", err)
	}
	if st, err := os.Stat(filepath.Join(dir, "figures")); err != nil || !st.IsDir() {
		t.Error("no figures/ directory")
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(dir), ".first-study.new-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary directories left: %v", leftovers)
	}
}

func sortedCopy(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}
