package notebook

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/notebook/cell"
	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// probe is a notebook that the guard would refuse (it imports net and
// reads the environment): it shows what the operating system enforces by
// itself, with the guard switched off.
const probe = "---\ntitle: probe\n---\n\n```go\n" + `import (
	"net"
	"time"
)

wd, err := os.Getwd()
fmt.Println("wd", wd, err)
fmt.Println("secret", os.Getenv("NEXUS_TEST_SECRET"))
c, err := net.DialTimeout("tcp", ADDR, 3*time.Second)
fmt.Println("dial", c != nil, err != nil)
` + "```\n"

// TestProgramEnvironment runs a notebook program that reports its working
// directory and environment and dials a listener of this test: it must
// run in the repository, see none of the renderer's other variables, and,
// where the system allows a network namespace, fail to dial.
func TestProgramEnvironment(t *testing.T) {
	testenv.Short(t, "compiles and runs notebook programs")
	root := newRoot(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			c.Close()
		}
	}()
	src := strings.Replace(probe, "ADDR", fmt.Sprintf("%q", ln.Addr().String()), 1)
	nb, err := Parse(root, "notebooks/probe.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("NEXUS_TEST_SECRET", "hunter2")
	checkProgram = func(allowlist, *Notebook, string, string, []byte) error { return nil }
	defer func() { checkProgram = allowlist.guard }()
	res, err := Execute(context.Background(), root, nb, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	out := res.Cells[0][0].Text
	realRoot, _ := filepath.EvalSymlinks(root)
	for _, want := range []string{"wd " + realRoot + " <nil>\n", "secret \n"} {
		if !strings.Contains(out, want) {
			t.Errorf("program output lacks %q:\n%s", want, out)
		}
	}
	if !NetworkIsolated() {
		testenv.Missing(t, "this system refuses an unprivileged network namespace (CLONE_NEWUSER|CLONE_NEWNET), so the network is not denied; enable user namespaces (sysctl kernel.unprivileged_userns_clone=1)")
	}
	if !strings.Contains(out, "dial false true\n") {
		t.Errorf("the program could dial %s from its network namespace:\n%s", ln.Addr(), out)
	}
}

// streamOf builds the output of a program with records and text.
func streamOf(mark string) []byte {
	var b bytes.Buffer
	rec := func(kind, payload string) {
		b.WriteString(cell.RecordStart + mark + kind + " ")
		b.WriteString(base64Enc(payload) + "\n")
	}
	b.WriteString("before any cell\n")
	rec(cell.KindBegin, "1")
	b.WriteString("hello \x1e not a record\n")
	rec(cell.KindTable, "| a |\n")
	b.WriteString("after")
	rec(cell.KindBegin, "2")
	rec(cell.KindFigure, "<svg/>")
	b.WriteString("tail\n")
	return b.Bytes()
}

// TestStreamSplitAnywhere feeds the same output in pieces of every size
// from 1 byte up: the outputs of each cell do not depend on how the pipe
// cut the stream.
func TestStreamSplitAnywhere(t *testing.T) {
	data := streamOf("m1")
	want := [][]Output{
		{{Kind: "text", Text: "hello \x1e not a record\n"}, {Kind: "table", Text: "| a |\n"}, {Kind: "text", Text: "after"}},
		{{Kind: "figure", Text: "<svg/>"}, {Kind: "text", Text: "tail\n"}},
	}
	for size := 1; size <= len(data); size++ {
		s := newStream(2, "m1", 1<<20, nil)
		for i := 0; i < len(data); i += size {
			s.Write(data[i:min(i+size, len(data))])
		}
		s.Close()
		if got := fmt.Sprint(s.res.Cells); got != fmt.Sprint(want) {
			t.Fatalf("pieces of %d bytes: %q, expected %q", size, got, fmt.Sprint(want))
		}
	}
}

// TestStreamCap writes 64 MiB of text for one cell, and one endless
// record for another: each stops the stream at the cap, calls stop once,
// and keeps at most about the cap in memory.
func TestStreamCap(t *testing.T) {
	const limit = 1 << 20
	chunk := bytes.Repeat([]byte("0123456789abcde\n"), 4096) // 64 KiB
	for _, tc := range []struct {
		name  string
		first string
	}{
		{"text", cell.RecordStart + "m" + cell.KindBegin + " " + base64Enc("1") + "\n"},
		{"record", cell.RecordStart + "m" + cell.KindBegin + " " + base64Enc("1") + "\n" + cell.RecordStart + "m" + cell.KindMarkdown + " "},
	} {
		stops := 0
		s := newStream(1, "m", limit, func() { stops++ })
		s.Write([]byte(tc.first))
		peak := 0
		for i := 0; i < 1024; i++ {
			s.Write(chunk)
			peak = max(peak, cap(s.pending), s.text.Cap())
		}
		s.Close()
		if s.over != 1 || stops != 1 {
			t.Errorf("%s: over %d, stop called %d times, expected cell 1 and once", tc.name, s.over, stops)
		}
		if peak > 4*limit {
			t.Errorf("%s: %d bytes held for a cap of %d", tc.name, peak, limit)
		}
	}
}

func base64Enc(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

// TestConcurrentRenders runs one notebook three times at once (each run
// needs its own scratch directory) and renders it twice at once into one
// output directory: everything succeeds and the files equal a lone
// render's.
func TestConcurrentRenders(t *testing.T) {
	testenv.Short(t, "compiles and runs notebook programs")
	root := newRoot(t)
	src, err := os.ReadFile(filepath.Join(root, "notebooks", "01-demo.md"))
	if err != nil {
		t.Fatal(err)
	}
	nb, err := Parse(root, "notebooks/01-demo.md", src)
	if err != nil {
		t.Fatal(err)
	}
	results := make([]string, 3)
	errs := make([]error, 5)
	var wg sync.WaitGroup
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := Execute(context.Background(), root, nb, Limits{})
			errs[i] = err
			if err == nil {
				results[i] = fmt.Sprint(res.Cells)
			}
		}()
	}
	for i := 3; i < 5; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); _, errs[i] = render(t, root, true, "01-demo.md") }()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("run %d: %v", i, err)
		}
	}
	if results[0] != results[1] || results[1] != results[2] {
		t.Error("concurrent runs of one notebook gave different outputs")
	}
	both := summary(tree(t, filepath.Join(root, "out")))
	os.RemoveAll(filepath.Join(root, "out"))
	if _, err := render(t, root, false, "01-demo.md"); err != nil {
		t.Fatal(err)
	}
	if lone := summary(tree(t, filepath.Join(root, "out"))); lone != both {
		t.Errorf("concurrent renders wrote:\n%s\nexpected:\n%s", both, lone)
	}
	if ents, _ := os.ReadDir(filepath.Join(root, cacheDir, "run")); len(ents) != 0 {
		t.Errorf("scratch directories left behind: %v", ents)
	}
}
