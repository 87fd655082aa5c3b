package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestRenderUsage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	err := run(&stdout, &stderr, []string{"render"})
	var ee exitError
	if !errors.As(err, &ee) || ee.code != 2 {
		t.Errorf("render with no notebook: %v, expected exit status 2", err)
	}
	if !strings.Contains(stderr.String(), "usage: nexus render") {
		t.Errorf("no usage on stderr: %q", stderr.String())
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
		"analysis/notebook/testdata/root/notebooks/06-bad-options.md:7: label \"Fig One\" is not valid",
		"06-bad-options.md:9: unknown cell option \"colour\"",
	} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
}
