package synthcoding

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/nexus-toolkit/nexus/analysis/build"
	"github.com/nexus-toolkit/nexus/analysis/compendium"
	"github.com/nexus-toolkit/nexus/analysis/datapkg"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

const dataset = "../../datasets/examples/synthetic-coding/v1.1.0"

// TestGolden builds the study's outputs from the shipped package, as
// `nexus build -dataset` does, and compares the text files with
// testdata/<file>.golden (-update rewrites them).
func TestGolden(t *testing.T) {
	outs, s, err := compendium.Outputs(dataset)
	require.NoError(t, err)
	require.Equal(t, Name, s.Name)
	dir := t.TempDir()
	require.NoError(t, build.Run(outs, dir))
	for _, o := range outs {
		for _, f := range o.Files() {
			if filepath.Ext(f) == ".png" || filepath.Ext(f) == ".pdf" {
				continue
			}
			got, err := os.ReadFile(filepath.Join(dir, f))
			require.NoError(t, err)
			golden := filepath.Join("testdata", f+".golden")
			if *update {
				require.NoError(t, os.MkdirAll("testdata", 0o755))
				require.NoError(t, os.WriteFile(golden, got, 0o644))
				continue
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run go test ./analysis/synthcoding -update")
			require.True(t, bytes.Equal(want, got), "%s differs from %s", f, golden)
		}
	}
}

// TestInputs: every output made from its declared inputs alone equals
// the one made from the whole package.
func TestInputs(t *testing.T) {
	p, err := datapkg.Read(dataset)
	require.NoError(t, err)
	require.NoError(t, compendium.CheckInputs(p, t.TempDir()))
}

// The counts of T1 are the synthetic generator's: every segment is
// counted under its code once.
func TestFrequenciesCountEverySegment(t *testing.T) {
	p, err := datapkg.Read(dataset)
	require.NoError(t, err)
	pr, err := Project(p)
	require.NoError(t, err)
	require.True(t, pr.Synthetic)
	tb, err := Frequencies(pr)
	require.NoError(t, err)
	total := 0
	for _, r := range tb.Rows {
		n, err := strconv.Atoi(r[2].Value)
		require.NoError(t, err)
		total += n
	}
	require.Equal(t, len(pr.Segments), total)
}
