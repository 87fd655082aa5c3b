package testenv

import (
	"bytes"
	"context"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// chromiumNames are the names a Chromium binary goes by, in the order
// LookChromium tries them.
var chromiumNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// Chromium returns the path of a Chromium binary, or stops the test
// through Missing (a failure in CI) when there is none or -short was
// given; what names the check that needs it.
func Chromium(t testing.TB, what string) string {
	t.Helper()
	if testing.Short() {
		Missing(t, "-short was given; "+what+" did not run")
	}
	for _, name := range chromiumNames {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	Missing(t, "no chromium on PATH (apt-get install chromium); "+what+" did not run")
	return ""
}

// DumpDOM opens the file abs (the test copy of page, which errors name)
// in headless Chromium with the extra flags, lets it load and run its
// scripts for up to 5 s of virtual time, and returns the DOM Chromium
// dumps and what it logged. A Chromium that fails, or runs for more than
// 90 s, fails the test.
func DumpDOM(t testing.TB, chrome, page, abs string, extra ...string) ([]byte, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	args := append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir()}, extra...)
	args = append(args, "--virtual-time-budget=5000", "--dump-dom", "file://"+filepath.ToSlash(abs))
	cmd := exec.CommandContext(ctx, chrome, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: chromium: %v\n%s", page, err, stderr.String())
	}
	return stdout.Bytes(), stderr.String()
}
