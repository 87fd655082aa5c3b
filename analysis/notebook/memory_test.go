//go:build linux

package notebook

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// TestStreamSpool feeds the output of TestStreamSplitAnywhere to a stream
// with a spool file in pieces of every size: the outputs are the same as
// in memory, and while the program runs the stream holds none of them.
func TestStreamSpool(t *testing.T) {
	data := streamOf("m1")
	mem := newStream(2, "m1", 1<<20, nil)
	mem.Write(data)
	mem.Close()
	for size := 1; size <= len(data); size++ {
		s := newStream(2, "m1", 1<<20, nil)
		var err error
		if s.spool, err = spoolFile(t.TempDir()); err != nil {
			t.Fatal(err)
		}
		for i := 0; i < len(data); i += size {
			s.Write(data[i:min(i+size, len(data))])
		}
		for _, outs := range s.res.Cells {
			for _, o := range outs {
				if o.Text != "" {
					t.Fatalf("pieces of %d bytes: %q held in memory before Close", size, o.Text)
				}
			}
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		s.spool.Close()
		if got, want := fmt.Sprint(s.res.Cells), fmt.Sprint(mem.res.Cells); got != want {
			t.Fatalf("pieces of %d bytes: %q, expected %q", size, got, want)
		}
	}
}

// TestStreamTotalCap gives three cells 400 bytes each under a total cap
// of 1000: the third passes it, is recorded as over the total cap, and
// stop is called once.
func TestStreamTotalCap(t *testing.T) {
	stops := 0
	s := newStream(3, "m", 1<<20, func() { stops++ })
	s.maxTotal = 1000
	for c := 1; c <= 3; c++ {
		s.Write([]byte("\x1em" + "begin " + base64Enc(fmt.Sprint(c)) + "\n" + strings.Repeat("x", 400)))
	}
	s.Close()
	if s.over != 3 || !s.overTotal || stops != 1 {
		t.Errorf("over %d, total %v, stop called %d times, expected cell 3, the total cap, once", s.over, s.overTotal, stops)
	}
}

// BenchmarkRenderMemory renders a notebook of 150 cells that print 1 MiB
// each, the attack of issue 19 that took 1.6 GB: with the default caps it
// must fail at the cell that passes the notebook-wide cap, at that cell's
// line. It reports the largest resident set size of the test process and
// of its children (go build, the program) as max-rss-MB.
func BenchmarkRenderMemory(b *testing.B) {
	root := b.TempDir()
	if err := os.CopyFS(root, os.DirFS("testdata/root")); err != nil {
		b.Fatal(err)
	}
	testenv.CopyModule(b, root)
	if err := os.CopyFS(filepath.Join(root, "analysis"), os.DirFS(filepath.Join("..", "..", "analysis"))); err != nil {
		b.Fatal(err)
	}
	var src strings.Builder
	src.WriteString("---\ntitle: 150 cells of 1 MiB\n---\n")
	for i := 0; i < 150; i++ {
		src.WriteString("\n```go\nfmt.Print(strings.Repeat(\"x\", 1<<20-1) + \"\\n\")\n```\n")
	}
	file := filepath.Join(root, "notebooks", "flood.md")
	if err := os.WriteFile(file, []byte(src.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	// Cell 17 passes 16 MiB: its code is on line 4 + 16*4 + 2.
	want := "notebooks/flood.md:70: cell 17: the notebook's output passed the cap of 16 MiB for all cells together"
	for b.Loop() {
		err := Render(Options{Root: root, Out: filepath.Join(root, "out"), Force: true}, file)
		var probs Problems
		if !errors.As(err, &probs) || !strings.HasPrefix(probs.Error(), want) {
			b.Fatalf("render: %v, expected %s", err, want)
		}
	}
	var self, children syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &self)
	syscall.Getrusage(syscall.RUSAGE_CHILDREN, &children)
	b.ReportMetric(float64(self.Maxrss)/1024, "max-rss-MB")
	b.ReportMetric(float64(children.Maxrss)/1024, "children-max-rss-MB")
}
