package safefile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// pkgDir returns a package directory holding data.csv and, beside it
// (outside the package), secret.txt.
func pkgDir(t *testing.T) (dir, secret string) {
	t.Helper()
	top := t.TempDir()
	dir = filepath.Join(top, "pkg")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "data.csv"), []byte("id\n1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	secret = filepath.Join(top, "secret.txt")
	if err := os.WriteFile(secret, []byte("password=hunter2\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir, secret
}

func TestReadFile(t *testing.T) {
	dir, _ := pkgDir(t)
	b, err := ReadFile(dir, "data.csv", 100)
	if err != nil || string(b) != "id\n1\n" {
		t.Fatalf("ReadFile = %q, %v", b, err)
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	// A relative link that stays inside is followed.
	if err := os.Symlink("../data.csv", filepath.Join(dir, "sub", "link.csv")); err != nil {
		t.Fatal(err)
	}
	if b, err := ReadFile(dir, "sub/link.csv", 100); err != nil || string(b) != "id\n1\n" {
		t.Fatalf("link inside: %q, %v", b, err)
	}
	if _, err := ReadFile(dir, "missing.csv", 100); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("missing file: %v, want ErrNotExist", err)
	}
}

// TestOutside is the attack of issue 11: a resource symlinked out of the
// package must not be read, by a relative or an absolute link, or by a
// path with "..".
func TestOutside(t *testing.T) {
	dir, secret := pkgDir(t)
	rel, err := filepath.Rel(dir, secret)
	if err != nil {
		t.Fatal(err)
	}
	for name, target := range map[string]string{"rel.csv": rel, "abs.csv": secret, "passwd.csv": "/etc/passwd"} {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	// A directory link that leads out, with the file behind it.
	if err := os.Symlink(filepath.Dir(secret), filepath.Join(dir, "up")); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"rel.csv", "abs.csv", "passwd.csv", "up/secret.txt", "../secret.txt", "/etc/passwd", `..\secret.txt`, ""} {
		b, err := ReadFile(dir, name, 1<<20)
		if !errors.Is(err, ErrOutside) {
			t.Errorf("%q: err %v, want ErrOutside", name, err)
		}
		if b != nil || err != nil && strings.Contains(err.Error(), "hunter2") {
			t.Errorf("%q: leaked %q, %v", name, b, err)
		}
	}
	_, err = ReadFile(dir, "rel.csv", 1<<20)
	if want := "path leaves the package: a symbolic link resolves it to "; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("message %q, want it to start %q", err, want)
	}
}

// TestNotRegular: a device, a FIFO and a directory are refused without a
// read, and a FIFO with no writer does not hang.
func TestNotRegular(t *testing.T) {
	dir, _ := pkgDir(t)
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.csv"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "dir.csv"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ dir, name, kind string }{
		{"/dev", "zero", "a character device"},
		{dir, "fifo.csv", "a named pipe (FIFO)"},
		{dir, "dir.csv", "a directory"},
	} {
		done := make(chan error, 1)
		go func() {
			_, err := ReadFile(tc.dir, tc.name, 1<<20)
			done <- err
		}()
		select {
		case err := <-done:
			if !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), tc.kind) {
				t.Errorf("%s: err %v, want ErrNotRegular naming %s", tc.name, err, tc.kind)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: ReadFile hangs", tc.name)
		}
	}
}

// TestTooLarge: a sparse 6 GB file is refused by its size before a byte
// is read, and a file that grows past the limit after Open fails while
// it is read.
func TestTooLarge(t *testing.T) {
	dir, _ := pkgDir(t)
	f, err := os.Create(filepath.Join(dir, "huge.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(6 << 30); err != nil {
		f.Close()
		t.Fatal(err)
	}
	f.Close()
	_, err = ReadFile(dir, "huge.csv", 1<<31-1)
	if want := "file too large: 6442450944 bytes, want at most 2147483647"; err == nil || err.Error() != want || !errors.Is(err, ErrTooLarge) {
		t.Errorf("sparse file: %v, want %q", err, want)
	}

	name := filepath.Join(dir, "data.csv")
	g, err := Open(dir, "data.csv", 5)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	if err := os.WriteFile(name, []byte("id\n1\n2\n3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(g)
	if !errors.Is(err, ErrTooLarge) || len(b) != 6 {
		t.Errorf("grown file: read %d bytes, %v; want 6 bytes and ErrTooLarge", len(b), err)
	}
	if n, err := g.Read(make([]byte, 10)); n != 0 || !errors.Is(err, ErrTooLarge) {
		t.Errorf("read after the limit: %d, %v", n, err)
	}
}
