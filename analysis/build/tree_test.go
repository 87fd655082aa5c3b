package build

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// tree reads every file under dir as slash-separated paths.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestWriteTree(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "pkg")
	if err := WriteTree(dir, map[string][]byte{"a.csv": []byte("a"), "sources/s1.txt": []byte("s")}); err != nil {
		t.Fatal(err)
	}
	// A second version replaces the whole tree: b.csv is gone.
	if err := WriteTree(dir, map[string][]byte{"a.csv": []byte("A"), "c/d.txt": []byte("d")}); err != nil {
		t.Fatal(err)
	}
	if got, want := tree(t, dir), map[string]string{"a.csv": "A", "c/d.txt": "d"}; !reflect.DeepEqual(got, want) {
		t.Errorf("tree %v, want %v", got, want)
	}
	if fi, _ := os.Stat(filepath.Join(dir, "c", "d.txt")); fi == nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("file mode %v, want 0644", fi)
	}
	// Bad paths are all reported and nothing changes.
	err := WriteTree(dir, map[string][]byte{"../x": nil, "/abs": nil, `a\b`: nil, "ok": []byte("x")})
	for _, want := range []string{`"../x"`, `"/abs"`, `"a\\b"`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v does not name %s", err, want)
		}
	}
	if got := tree(t, dir); len(got) != 2 || got["a.csv"] != "A" {
		t.Errorf("a refused write changed the tree: %v", got)
	}
	// Nothing temporary is left beside the tree.
	ents, _ := os.ReadDir(parent)
	if len(ents) != 1 || ents[0].Name() != "pkg" {
		t.Errorf("parent holds %v, want only pkg", ents)
	}
}

// TestRewriteKeepsMode: Rewrite keeps the permission bits of the file it
// replaces, where WriteFile sets 0644.
func TestRewriteKeepsMode(t *testing.T) {
	name := filepath.Join(t.TempDir(), "datapackage.json")
	if err := os.WriteFile(name, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	os.Chmod(name, 0o600)
	if err := Rewrite(name, []byte("new")); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(name)
	if b, _ := os.ReadFile(name); err != nil || string(b) != "new" || fi.Mode().Perm() != 0o600 {
		t.Errorf("after Rewrite: %q, mode %v (%v), want new, 0600", b, fi.Mode(), err)
	}
	if err := WriteFile(name, []byte("x")); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(name); fi.Mode().Perm() != 0o644 {
		t.Errorf("WriteFile mode %v, want 0644", fi.Mode())
	}
	ents, _ := os.ReadDir(filepath.Dir(name))
	if len(ents) != 1 {
		t.Errorf("temporary files left: %v", ents)
	}
}

// ExampleWriteTree writes a directory, then a second version of it that
// replaces the first whole.
func ExampleWriteTree() {
	parent, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(parent)
	dir := filepath.Join(parent, "project")
	WriteTree(dir, map[string][]byte{"codes.csv": []byte("id\n"), "sources/s1.txt": []byte("text")})
	WriteTree(dir, map[string][]byte{"codes.csv": []byte("id\na\n")})
	files, _ := Files(dir)
	fmt.Println(files)
	// Output: [codes.csv]
}

// ExampleRewrite edits a file in place atomically, keeping its mode.
func ExampleRewrite() {
	dir, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(dir)
	name := filepath.Join(dir, "datapackage.json")
	os.WriteFile(name, []byte("{}"), 0o600)
	os.Chmod(name, 0o600)
	Rewrite(name, []byte(`{"name":"x"}`))
	fi, _ := os.Stat(name)
	b, _ := os.ReadFile(name)
	fmt.Println(fi.Mode().Perm(), string(b))
	// Output: -rw------- {"name":"x"}
}

// TestWriteTreeRelative: a tree named by a bare relative path, in the
// working directory, with nested directories is written and ends (a
// ./-prefixed scratch directory once made the walk up the parents loop
// for ever on an ATLAS.ti project imported with --out out).
func TestWriteTreeRelative(t *testing.T) {
	t.Chdir(t.TempDir())
	done := make(chan error, 1)
	go func() {
		done <- WriteTree("out", map[string][]byte{"a.csv": []byte("x"), "sources/deep/b.txt": []byte("y")})
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("WriteTree of a relative directory did not end in 30 s")
	}
	for _, f := range []string{"out/a.csv", "out/sources/deep/b.txt"} {
		fi, err := os.Stat(f)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode %v, want 0644", f, fi.Mode().Perm())
		}
	}
	if fi, err := os.Stat("out/sources/deep"); err != nil || fi.Mode().Perm() != 0o755 {
		t.Errorf("out/sources/deep: %v %v, want a 0755 directory", fi, err)
	}
}
