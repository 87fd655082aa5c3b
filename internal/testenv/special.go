//go:build unix

package testenv

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// SpecialFiles makes, in dir, one file of each kind that a writer must
// never replace and a reader must refuse, and returns them by kind: "a
// character device", "a named pipe (FIFO)", "a symbolic link" (to
// target.txt, a regular file beside it holding "kept\n") and "a
// directory". The character device is a /dev/null made with mknod when
// the tests run as root; otherwise it is the real /dev/null, which a
// process that is not root cannot replace, since it cannot write /dev. A
// root that cannot mknod stops the test through Missing.
func SpecialFiles(t testing.TB, dir string) map[string]string {
	t.Helper()
	files := map[string]string{
		"a named pipe (FIFO)": filepath.Join(dir, "fifo"),
		"a symbolic link":     filepath.Join(dir, "link"),
		"a directory":         filepath.Join(dir, "sub"),
	}
	if err := syscall.Mkfifo(files["a named pipe (FIFO)"], 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "target.txt"), []byte("kept\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("target.txt", files["a symbolic link"]); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(files["a directory"], 0o755); err != nil {
		t.Fatal(err)
	}
	dev := filepath.Join(dir, "null")
	err := syscall.Mknod(dev, syscall.S_IFCHR|0o666, 1<<8|3) // major 1, minor 3: Linux's /dev/null
	switch {
	case err == nil:
	case os.Geteuid() != 0:
		dev = "/dev/null"
	default:
		Missing(t, "mknod of a character device failed as root: "+err.Error())
	}
	files["a character device"] = dev
	return files
}

// Unchanged fails the test unless every file of files (as SpecialFiles
// returns them) is still what before recorded, by os.Lstat: the same
// file, of the same mode; and the link's target still holds "kept\n".
func Unchanged(t testing.TB, files map[string]string, before map[string]os.FileInfo) {
	t.Helper()
	for kind, name := range files {
		after, err := os.Lstat(name)
		if err != nil || !os.SameFile(before[kind], after) || before[kind].Mode() != after.Mode() {
			t.Errorf("%s %s was replaced: %v", kind, name, err)
		}
		if kind == "a symbolic link" {
			if b, err := os.ReadFile(name); err != nil || string(b) != "kept\n" {
				t.Errorf("the link's target changed: %q, %v", b, err)
			}
		}
	}
}

// Lstat records files (as SpecialFiles returns them) for Unchanged.
func Lstat(t testing.TB, files map[string]string) map[string]os.FileInfo {
	t.Helper()
	out := map[string]os.FileInfo{}
	for kind, name := range files {
		fi, err := os.Lstat(name)
		if err != nil {
			t.Fatal(err)
		}
		out[kind] = fi
	}
	return out
}
