package refi

import (
	"errors"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/nexus-toolkit/nexus/analysis/safefile"
)

// TestImportNotRegular: a FIFO or a device named as the project to import
// is refused at once instead of hanging or reading for ever.
func TestImportNotRegular(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "project.qdpx")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, file := range []string{fifo, "/dev/zero"} {
		done := make(chan error, 1)
		go func() {
			_, err := ImportFile(file, filepath.Join(t.TempDir(), "out"), DefaultLimits)
			done <- err
		}()
		select {
		case err := <-done:
			if !errors.Is(err, safefile.ErrNotRegular) {
				t.Errorf("ImportFile(%s): %v, want safefile.ErrNotRegular", file, err)
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("ImportFile(%s) hangs", file)
		}
	}
}
