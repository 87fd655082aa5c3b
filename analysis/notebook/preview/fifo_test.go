//go:build unix

package preview

import (
	"os"
	"strings"
	"syscall"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/notebook"
)

// TestNotebookReplacedByFIFO (issue 19 item 5): a notebook that becomes a
// FIFO or a link to /dev/zero is refused at once when preview looks at it
// again; the page shows why, and nothing hangs or fills memory.
func TestNotebookReplacedByFIFO(t *testing.T) {
	t.Parallel()
	root, nb := newRoot(t, map[string]string{"01-a": prose("alpha"), "02-b": prose("beta")})
	s, err := New(Options{Addr: "127.0.0.1:0", Render: notebook.Options{Root: root}}, nb["01-a"], nb["02-b"])
	if err != nil {
		t.Fatal(err)
	}
	defer s.ln.Close()
	os.Remove(nb["01-a"])
	if err := syscall.Mkfifo(nb["01-a"], 0o644); err != nil {
		t.Fatal(err)
	}
	os.Remove(nb["02-b"])
	if err := os.Symlink("/dev/zero", nb["02-b"]); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"01-a", "02-b"} {
		s.refresh(s.byName[name])
		if _, body := get(t, s.Handler(), "/"+name+".html"); !strings.Contains(body, "not a regular file") {
			t.Errorf("%s: the page does not say the notebook is not a regular file:\n%s", name, body)
		}
	}
}
