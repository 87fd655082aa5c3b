package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	var out, errb bytes.Buffer
	if err := run(&out, &errb, nil); err == nil {
		t.Error("no -out: no error")
	}
	dir := filepath.Join(t.TempDir(), "v1.0.0")
	if err := run(&out, &errb, []string{"-out", dir}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "SYNTHETIC") {
		t.Errorf("output does not say SYNTHETIC: %q", out.String())
	}
	a, _ := os.ReadFile(filepath.Join(dir, "segments.csv"))
	b, _ := os.ReadFile("../../datasets/examples/synthetic-coding/v1.1.0/segments.csv")
	if len(a) == 0 || !bytes.Equal(a, b) {
		t.Error("generated segments.csv differs from the committed dataset")
	}
	if err := run(&out, &errb, []string{"-out", dir}); err == nil {
		t.Error("existing directory without -replace: no error")
	}
	if err := run(&out, &errb, []string{"-out", dir, "-replace"}); err != nil {
		t.Error(err)
	}
}
