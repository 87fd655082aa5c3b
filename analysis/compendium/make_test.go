package compendium_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/nexus-toolkit/nexus/analysis/build"
	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// TestFailedMakeKeepsCommittedOutputs runs make in a copy of the
// repository with its committed figures/ after two mistakes: a dataset
// file edited without `nexus hash -w` (every table and figure fails) and
// a notebook cell whose claim does not hold (make fails at its line). make must fail, and every committed file
// under figures/ must be exactly as it was, with nothing added.
func TestFailedMakeKeepsCommittedOutputs(t *testing.T) {
	if testing.Short() {
		testenv.Missing(t, "-short was given, and TestFailedMakeKeepsCommittedOutputs runs make on a copy of the repository")
	}
	testenv.LookPath(t, "make", "make")
	root := repoRoot(t)
	committed := filepath.Join(root, "figures")
	testenv.File(t, filepath.Join(committed, build.ManifestName), "the committed outputs the test protects")
	t.Parallel()
	dir := copyBuilt(t)
	rebuiltNexus(t, dir) // every table's and figure's rule runs again
	// The dataset the committed outputs come from (the Makefile's DATASET).
	rel, err := filepath.Rel(root, datasetOf(t, root))
	require.NoError(t, err)
	events := filepath.Join(dir, rel, "events.csv")
	b, err := os.ReadFile(events)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(events, append(b, '\n'), 0o644)) // one byte more: the hash no longer matches
	// A claim the data does not support, in the notebook on the synthetic
	// study (whose data is intact): make fails at its line.
	nb := filepath.Join(dir, "notebooks", "06-coding-toolkit.md")
	b, err = os.ReadFile(nb)
	require.NoError(t, err)
	claimLine := strings.Count(string(b), "\n") + 3
	require.NoError(t, os.WriteFile(nb, append(b, "\n```go\ncell.Claim(\"the study has no coders\", len(p.CoderIDs()) == 0)\n```\n"...), 0o644))

	cmd := makeIn(t, dir, nil, "-k", "-j2", "all")
	out, err := cmd.CombinedOutput()
	require.Error(t, err, "make succeeded despite a hash mismatch and a failing notebook:\n%s", out)
	require.Contains(t, string(out), "hash")
	require.Contains(t, string(out), fmt.Sprintf("notebooks/06-coding-toolkit.md:%d: ", claimLine))
	require.Contains(t, string(out), `claim does not hold: "the study has no coders"`)
	require.Contains(t, string(out), "notebooks/04-timeline.md: dataset ") // its dataset fails the hash check

	diffs, err := build.Compare(committed, filepath.Join(dir, "figures"))
	require.NoError(t, err)
	require.Empty(t, diffs, "a failed make changed committed outputs:\n%s", out)
	var hidden []string
	filepath.WalkDir(filepath.Join(dir, "figures"), func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasPrefix(d.Name(), ".") {
			hidden = append(hidden, p)
		}
		return err
	})
	require.Empty(t, hidden, "a failed make left temporary files")
}

// TestInterruptedMakeKeepsCommittedOutputs presses Ctrl-C (SIGINT to
// make's process group) while make renders a notebook whose program never
// ends: make stops, render kills the program, and every committed file
// under figures/ is as it was (outputs that finished before the interrupt
// are byte-identical anyway).
func TestInterruptedMakeKeepsCommittedOutputs(t *testing.T) {
	if testing.Short() {
		testenv.Missing(t, "-short was given, and TestInterruptedMakeKeepsCommittedOutputs runs make on a copy of the repository")
	}
	testenv.LookPath(t, "make", "make")
	testenv.File(t, "/proc/self/cwd", "the test finds the notebook program through Linux's /proc")
	root := repoRoot(t)
	committed := filepath.Join(root, "figures")
	testenv.File(t, filepath.Join(committed, build.ManifestName), "the committed outputs the test protects")
	t.Parallel()
	dir := copyBuilt(t)
	rebuiltNexus(t, dir) // the tables and figures are rebuilt while the notebook runs
	nb := filepath.Join(dir, "notebooks", "04-timeline.md")
	b, err := os.ReadFile(nb)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(nb, append(b, "\n```go\nn := 0\nfor n >= 0 {\n\tn = (n + 1) % 10\n}\n```\n"...), 0o644))

	cmd := makeIn(t, dir, nil, "-j2", "all")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	require.NoError(t, cmd.Start())
	defer syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	prog := 0
	for deadline := time.Now().Add(2 * time.Minute); prog == 0; time.Sleep(50 * time.Millisecond) {
		require.True(t, time.Now().Before(deadline), "the endless notebook never started:\n%s", &out)
		prog = programIn(dir)
	}
	require.NoError(t, syscall.Kill(-cmd.Process.Pid, syscall.SIGINT))
	require.Error(t, cmd.Wait(), "make was interrupted")
	for deadline := time.Now().Add(10 * time.Second); programIn(dir) != 0; time.Sleep(50 * time.Millisecond) {
		require.True(t, time.Now().Before(deadline), "the notebook program %d outlived the interrupted make", prog)
	}
	diffs, err := build.Compare(committed, filepath.Join(dir, "figures"))
	require.NoError(t, err)
	require.Empty(t, diffs, "an interrupted make changed committed outputs:\n%s", &out)
}

// programIn returns the pid of a live notebook program whose working
// directory is dir, or 0.
func programIn(dir string) int {
	comms, _ := filepath.Glob("/proc/[0-9]*/comm")
	for _, c := range comms {
		b, err := os.ReadFile(c)
		if err != nil || strings.TrimSpace(string(b)) != "notebook" {
			continue
		}
		p := filepath.Dir(c)
		if cwd, _ := os.Readlink(filepath.Join(p, "cwd")); cwd != dir {
			continue
		}
		if st, _ := os.ReadFile(filepath.Join(p, "stat")); bytes.Contains(st, []byte(") Z ")) {
			continue
		}
		pid, _ := strconv.Atoi(filepath.Base(p))
		return pid
	}
	return 0
}
