package qda_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/nexus-toolkit/nexus/analysis/qda"
	"github.com/nexus-toolkit/nexus/analysis/qda/synth"
	"github.com/nexus-toolkit/nexus/analysis/safefile"
)

// hostileSource writes the synthetic coding package and replaces the text
// of its first source by what replace makes of the file's path.
func hostileSource(t *testing.T, replace func(name string) error) string {
	t.Helper()
	pkg := filepath.Join(t.TempDir(), "pkg")
	p := synth.Generate(synth.Seed)
	if err := qda.Write(pkg, p, false); err != nil {
		t.Fatal(err)
	}
	tables, err := qda.DirTables(pkg)
	if err != nil {
		t.Fatal(err)
	}
	st, err := tables.Table("sources")
	if err != nil || st == nil || len(st.Rows) == 0 || st.Column("path") < 0 {
		t.Fatalf("the synthetic package has no source files: %v", err)
	}
	name := filepath.Join(pkg, filepath.FromSlash(st.Rows[0][st.Column("path")]))
	if err := os.Remove(name); err != nil {
		t.Fatal(err)
	}
	if err := replace(name); err != nil {
		t.Fatal(err)
	}
	return pkg
}

// TestSourceOutside is the attack of issue 11: a source text symlinked to
// a file outside the package (/etc/passwd, say) must not be read, so that
// an export cannot pack it.
func TestSourceOutside(t *testing.T) {
	secret := filepath.Join(t.TempDir(), "passwd")
	if err := os.WriteFile(secret, []byte("root:x:0:0:TOPSECRET:/root:/bin/sh\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	pkg := hostileSource(t, func(name string) error { return os.Symlink(secret, name) })
	p, err := qda.Load(pkg)
	if p != nil || !errors.Is(err, safefile.ErrOutside) {
		t.Fatalf("Load: %v, want safefile.ErrOutside", err)
	}
	if strings.Contains(err.Error(), "TOPSECRET") || !strings.Contains(err.Error(), "path leaves the package") {
		t.Errorf("Load: %v", err)
	}
}

// TestSourceNotRegular: a FIFO or a device as a source is refused, and
// the FIFO does not hang the load.
func TestSourceNotRegular(t *testing.T) {
	for _, tc := range []struct {
		name    string
		replace func(string) error
		want    error
	}{
		{"fifo", func(n string) error { return syscall.Mkfifo(n, 0o644) }, safefile.ErrNotRegular},
		{"dev-zero", func(n string) error { return os.Symlink("/dev/zero", n) }, safefile.ErrOutside},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pkg := hostileSource(t, tc.replace)
			done := make(chan error, 1)
			go func() {
				_, err := qda.Load(pkg)
				done <- err
			}()
			select {
			case err := <-done:
				if !errors.Is(err, tc.want) {
					t.Errorf("Load: %v, want %v", err, tc.want)
				}
			case <-time.After(20 * time.Second):
				t.Fatal("Load hangs")
			}
		})
	}
}
