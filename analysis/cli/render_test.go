package cli

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestRenderUsage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := exit(&stderr, run(&stdout, &stderr, []string{"render"})); code != 2 {
		t.Errorf("render with no notebook: exit status %d, expected 2", code)
	}
	want := "nexus: render: no notebook given, expected one or more NOTEBOOK.md\nrun \"nexus render -h\" for usage\n"
	if stderr.String() != want || stdout.Len() > 0 {
		t.Errorf("stderr %q, want %q; stdout %q", stderr.String(), want, stdout.String())
	}
}

func TestRenderReportsProblems(t *testing.T) {
	var stdout, stderr bytes.Buffer
	err := run(&stdout, &stderr, []string{"render", "-out", t.TempDir(), "../../analysis/notebook/testdata/root/notebooks/06-bad-options.md"})
	var ee exitError
	if !errors.As(err, &ee) || ee.code != 1 {
		t.Fatalf("render of a bad notebook: %v, expected exit status 1", err)
	}
	for _, want := range []string{
		"\nnexus: analysis/notebook/testdata/root/notebooks/06-bad-options.md:7: label \"Fig One\" is not valid",
		"06-bad-options.md:9: unknown cell option \"colour\"",
	} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
}
