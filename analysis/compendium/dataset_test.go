package compendium_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/nexus-toolkit/nexus/analysis/build"
	"github.com/nexus-toolkit/nexus/analysis/compendium"
	"github.com/nexus-toolkit/nexus/analysis/study"
	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// TestDatasetFile: the committed outputs come from the dataset that the
// file DATASET names, the one switch that make and the command line read.
func TestDatasetFile(t *testing.T) {
	root := repoRoot(t)
	dir, err := compendium.ReadDatasetFile(root)
	require.NoError(t, err)
	require.Equal(t, datasetOf(t, root), filepath.Join(root, filepath.FromSlash(dir)), "DATASET and the MANIFEST's dataset differ")

	t.Chdir(filepath.Join(root, "analysis"))
	def, err := compendium.DefaultDataset()
	require.NoError(t, err)
	require.Equal(t, filepath.Join("..", filepath.FromSlash(dir)), def, "DefaultDataset from a subdirectory")

	for _, tc := range []struct{ content, want string }{
		{"", "DATASET:1: 1 line(s), expected exactly one line"},
		{"datasets/a\ndatasets/b\n", "DATASET:1: 2 line(s)"},
		{"/abs/dir\n", `DATASET:1: "/abs/dir", expected a clean slash-separated path relative to the repository root`},
		{"../outside\n", `DATASET:1: "../outside", expected a clean`},
		{"datasets/nosuch\n", `DATASET:1: "datasets/nosuch": no datapackage.json there`},
	} {
		tmp := t.TempDir()
		require.NoError(t, os.WriteFile(filepath.Join(tmp, compendium.DatasetFile), []byte(tc.content), 0o644))
		_, err := compendium.ReadDatasetFile(tmp)
		require.ErrorContains(t, err, tc.want, "DATASET %q", tc.content)
	}
}

// TestMakeDatasetSwitch runs make with DATASET=datasets/ttp-alliances/v1.0.0
// in a copy of the repository whose committed outputs come from the
// default dataset: every table, figure and notebook is rebuilt, each
// notebook states the version, name and hash it was rendered from (the
// pinned synthetic one for notebook 06), the claims still hold, and the
// MANIFEST names v1.0.0. A plain make then switches back, although no
// file is newer than the outputs, and gives the committed figures/ again.
func TestMakeDatasetSwitch(t *testing.T) {
	if testing.Short() {
		testenv.Missing(t, "-short was given, and TestMakeDatasetSwitch runs make on a copy of the repository")
	}
	testenv.LookPath(t, "make", "make")
	t.Parallel()
	root := repoRoot(t)
	dir := copyBuilt(t)
	const old = "datasets/ttp-alliances/v1.0.0"
	cmd := makeIn(t, dir, nil, "-j2", "DATASET="+old, "all")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "make DATASET=%s:\n%s", old, out)

	outs, _, err := compendium.Outputs(filepath.Join(root, old))
	require.NoError(t, err)
	s, err := study.Load(filepath.Join(root, old))
	require.NoError(t, err)
	for _, o := range outs {
		require.Contains(t, string(out), "build -dataset "+old+" -out figures "+o.ID+"\n", "make did not rebuild %s", o.ID)
	}
	f, err := os.Open(filepath.Join(dir, "figures", build.ManifestName))
	require.NoError(t, err)
	defer f.Close()
	m, err := build.ParseManifest(f)
	require.NoError(t, err)
	require.Equal(t, s.Version, m.Version)

	synth, err := study.Load(filepath.Join(root, "datasets", "examples", "synthetic-coding", "v1.1.0"))
	require.NoError(t, err)
	nbs, err := filepath.Glob(filepath.Join(root, compendium.NotebookGlob))
	require.NoError(t, err)
	require.NotEmpty(t, nbs)
	stated := regexp.MustCompile(`Rendered from the dataset ([^ ]+) ([^ ]+) \((sha256:[0-9a-f]{64})\)`)
	for _, nb := range nbs {
		name := strings.TrimSuffix(filepath.Base(nb), ".md")
		require.Contains(t, string(out), "render -dataset "+old+" -out figures/notebooks notebooks/"+name+".md\n", "make did not render %s", name)
		want := []string{s.Name, s.Version, s.Hash}
		if name == "06-coding-toolkit" { // its front matter pins the synthetic study
			want = []string{synth.Name, synth.Version, synth.Hash}
		}
		for _, ext := range []string{".md", ".html", ".ipynb"} {
			b, err := os.ReadFile(filepath.Join(dir, "figures", "notebooks", name+ext))
			require.NoError(t, err)
			got := stated.FindStringSubmatch(string(b))
			require.NotNil(t, got, "%s%s states no dataset", name, ext)
			require.Equal(t, want, got[1:], "%s%s states the wrong dataset", name, ext)
		}
	}

	cmd = makeIn(t, dir, nil, "-j2", "all")
	out, err = cmd.CombinedOutput()
	require.NoError(t, err, "make:\n%s", out)
	require.Contains(t, string(out), "-out figures T1\n", "switching back did not rebuild T1:\n%s", out)
	diffs, err := build.Compare(filepath.Join(root, "figures"), filepath.Join(dir, "figures"))
	require.NoError(t, err)
	require.Empty(t, diffs, "after switching back, figures/ differs from the committed one:\n%s", out)
}
