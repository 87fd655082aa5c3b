package cell

import (
	"bytes"
	"encoding/base64"
	"os"
	"os/exec"
	"strings"
	"testing"

	"gonum.org/v1/plot"
)

// TestRecords runs this test binary as a child with the marker set and
// checks the records it writes between ordinary output.
func TestRecords(t *testing.T) {
	if os.Getenv("CELL_TEST_CHILD") == "1" {
		Begin(1)
		os.Stdout.WriteString("printed")
		Markdown("*md*")
		p := plot.New()
		FigureSize(p, 100, 50)
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestRecords$")
	cmd.Env = append(os.Environ(), "CELL_TEST_CHILD=1", MarkEnv+"=M")
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, part := range bytes.Split(out, []byte(RecordStart+"M"))[1:] {
		kind, rest, _ := strings.Cut(string(part), " ")
		payload, _, _ := strings.Cut(rest, "\n")
		b, err := base64.StdEncoding.DecodeString(payload)
		if err != nil {
			t.Fatal(err)
		}
		if kind == KindFigure && !bytes.HasPrefix(b, []byte("<?xml")) {
			t.Errorf("figure payload is not SVG: %.40q", b)
		}
		if kind == KindPNG && !bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) {
			t.Errorf("png payload is not a PNG: %.40q", b)
		}
		kinds = append(kinds, kind)
	}
	if got := strings.Join(kinds, " "); got != "begin markdown figure png" {
		t.Errorf("records %q, expected begin markdown figure png", got)
	}
	if !bytes.Contains(out, []byte("printed"+RecordStart)) {
		t.Errorf("plain output is not kept in order between records: %.200q", out)
	}
}

func TestClean(t *testing.T) {
	for _, ok := range []string{"datasets/x.csv", "a/../b", "./c"} {
		if c := clean(ok); strings.HasPrefix(c, "..") {
			t.Errorf("clean(%q) = %q", ok, c)
		}
	}
}
