package compendium

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"nexus/analysis/build"
	"nexus/internal/testenv"
)

// TestFailedMakeKeepsCommittedOutputs runs make in a copy of the
// repository with its committed figures/ after two mistakes: a dataset
// file edited without `nexus hash -w` (every table and figure fails) and
// a notebook cell that panics. make must fail, and every committed file
// under figures/ must be exactly as it was, with nothing added.
func TestFailedMakeKeepsCommittedOutputs(t *testing.T) {
	if testing.Short() {
		testenv.Missing(t, "-short was given, and TestFailedMakeKeepsCommittedOutputs runs make on a copy of the repository")
	}
	makeBin := testenv.LookPath(t, "make", "make")
	root := repoRoot(t)
	committed := filepath.Join(root, "figures")
	testenv.File(t, filepath.Join(committed, build.ManifestName), "the committed outputs the test protects")
	dir := filepath.Join(t.TempDir(), "repo")
	copyTree(t, root, dir, true)
	events := filepath.Join(dir, "datasets", "ttp-alliances", "v1.0.0", "events.csv")
	b, err := os.ReadFile(events)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(events, []byte(strings.Replace(string(b), "Rebirth of TTP", "Rebirth of the TTP", 1)), 0o644))
	nb := filepath.Join(dir, "notebooks", "04-timeline.md")
	b, err = os.ReadFile(nb)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(nb, append(b, "\n```go\npanic(\"boom\")\n```\n"...), 0o644))

	cmd := exec.Command(makeBin, "-k", "-j2", "all")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	require.Error(t, err, "make succeeded despite a hash mismatch and a failing notebook:\n%s", out)
	require.Contains(t, string(out), "hash")
	require.Contains(t, string(out), "04-timeline.md")

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
