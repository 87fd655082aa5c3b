package compendium_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/nexus-toolkit/nexus/analysis/compendium"
	"github.com/nexus-toolkit/nexus/analysis/datapkg"
	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// TestEditedResourceRebuildsItsOutputs makes every output in a copy of
// the repository, then, for each resource of the dataset in turn, makes
// the resource newer than every output (as an edit does) and asks make
// (make -n, which only reports) what it would rebuild. It must be exactly
// the outputs that read the resource: their make rules come from the same
// Inputs that limit what each output can read (see package compendium),
// so no edit leaves an output stale, and no output is rebuilt for a
// resource it cannot see. It does so for the paper's dataset and for the
// synthetic coding study's, whose make rules the same Makefile generates.
func TestEditedResourceRebuildsItsOutputs(t *testing.T) {
	if testing.Short() {
		testenv.Missing(t, "-short was given, and TestEditedResourceRebuildsItsOutputs runs make on a copy of the repository")
	}
	makeBin := testenv.LookPath(t, "make", "make")
	t.Parallel()
	root := repoRoot(t)
	dir := copyBuilt(t)
	paper, err := compendium.ReadDatasetFile(root) // the compendium's dataset
	require.NoError(t, err)
	for _, dataset := range []string{paper, "datasets/examples/synthetic-coding/v1.1.0"} {
		t.Run(filepath.Base(filepath.Dir(dataset)), func(t *testing.T) {
			mk := func(args ...string) string {
				cmd := makeCmd(makeBin, dir, nil, append([]string{"DATASET=" + dataset, "FIGURES=out"}, args...)...)
				out, err := cmd.CombinedOutput()
				require.NoError(t, err, "make %v:\n%s", args, out)
				return string(out)
			}
			mk("outputs")
			require.Empty(t, rebuilt(mk("-n", "outputs")), "make would rebuild outputs that are up to date")

			p, err := datapkg.Read(filepath.Join(dir, dataset))
			require.NoError(t, err)
			outs, _, err := compendium.Outputs(filepath.Join(dir, dataset))
			require.NoError(t, err)
			later := time.Now().Add(time.Hour)
			for _, r := range p.Resources {
				file := filepath.Join(dir, dataset, filepath.FromSlash(r.Path))
				st, err := os.Stat(file)
				require.NoError(t, err)
				require.NoError(t, os.Chtimes(file, later, later))
				got := rebuilt(mk("-n", "outputs"))
				require.NoError(t, os.Chtimes(file, st.ModTime(), st.ModTime()))
				var want []string
				for _, o := range outs {
					if slices.Contains(o.Inputs, r.Name) {
						want = append(want, o.ID)
					}
				}
				sort.Strings(want)
				require.Equal(t, want, got, "editing %s: the outputs make rebuilds", r.Path)
			}
		})
	}
}

// buildLine is the recipe of one output's make rule.
var buildLine = regexp.MustCompile(`(?m)^bin/nexus build -dataset \S+ -out out (\S+)$`)

// rebuilt returns the IDs of the outputs that make's output shows it
// builds, sorted.
func rebuilt(out string) []string {
	var ids []string
	for _, m := range buildLine.FindAllStringSubmatch(out, -1) {
		ids = append(ids, m[1])
	}
	sort.Strings(ids)
	return ids
}
