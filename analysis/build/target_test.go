//go:build unix

package build

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/safefile"
	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// TestCreateRefusesNonRegular is the attack of issue 19 item 3: every
// writer (WriteFile, Rewrite, Create; WriteWith and Buffer go through
// them) refuses a device, a FIFO, a symbolic link or a directory as its
// target, names it and what it is, and leaves it as it was, with no
// temporary file beside it.
func TestCreateRefusesNonRegular(t *testing.T) {
	dir := t.TempDir()
	files := testenv.SpecialFiles(t, dir)
	before := testenv.Lstat(t, files)
	writers := map[string]func(string) error{
		"WriteFile": func(n string) error { return WriteFile(n, []byte("x")) },
		"Rewrite":   func(n string) error { return Rewrite(n, []byte("x")) },
		"Create": func(n string) error {
			f, err := Create(n)
			if err == nil {
				f.Abort()
			}
			return err
		},
	}
	for kind, name := range files {
		for wname, write := range writers {
			err := write(name)
			if !errors.Is(err, safefile.ErrNotRegular) || !strings.HasPrefix(err.Error(), name+": ") || !strings.Contains(err.Error(), kind) {
				t.Errorf("%s onto %s: %v, want ErrNotRegular naming %s and %s", wname, kind, err, name, kind)
			}
		}
	}
	testenv.Unchanged(t, files, before)
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

// TestCommitRechecks: a name that becomes a symbolic link between Create
// and Commit is not replaced either.
func TestCommitRechecks(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "out.csv")
	f, err := Create(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Abort()
	f.Write([]byte("new\n"))
	if err := os.Symlink("elsewhere", name); err != nil {
		t.Fatal(err)
	}
	if err := f.Commit(); !errors.Is(err, safefile.ErrNotRegular) {
		t.Fatalf("Commit onto a link swapped in: %v, want ErrNotRegular", err)
	}
	if fi, err := os.Lstat(name); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", fi.Mode(), err)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("left behind: %v", ents)
	}
}

// TestWriteReplacesRegular: a regular file is still replaced.
func TestWriteReplacesRegular(t *testing.T) {
	name := filepath.Join(t.TempDir(), "out.csv")
	for _, s := range []string{"one\n", "two\n"} {
		if err := WriteFile(name, []byte(s)); err != nil {
			t.Fatal(err)
		}
		if b, _ := os.ReadFile(name); string(b) != s {
			t.Fatalf("got %q, want %q", b, s)
		}
	}
}
