package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/nexus-toolkit/nexus/analysis/compendium"
	"github.com/nexus-toolkit/nexus/analysis/datapkg"
	"github.com/nexus-toolkit/nexus/analysis/graph"
)

// tiesStudy is a study registered by the tests only: a network of ties
// between people, with one filter of its own and no export attributes,
// so that network and export run through the registry's generic path.
const tiesStudy = "cli-test-ties"

func init() {
	compendium.Register(compendium.Study{
		Name:     tiesStudy,
		Title:    "ties between people (test study)",
		Requires: []string{"ties"},
		Network: &compendium.Network{
			Filters: []compendium.Filter{{Name: "kind", Usage: "keep only ties of this `kind`"}},
			Build: func(p *datapkg.Package, opt compendium.NetworkOptions) (*graph.Graph, error) {
				var edges []graph.Edge
				for _, r := range datapkg.Rows(p.Resource("ties")) {
					if k, ok := opt.Filters["kind"]; ok && r.Str("kind") != k {
						continue
					}
					edges = append(edges, graph.Edge{ID: r.Str("id"), Source: r.Str("source"), Target: r.Str("target"), Kind: r.Str("kind")})
				}
				return graph.Build(nil, edges, graph.BuildOptions{Directed: opt.Directed})
			},
		},
	})
}

// tiesPackage writes a data package of the test study.
func tiesPackage(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	desc := `{"name": "` + tiesStudy + `", "version": "1.0.0", "resources": [{"name": "ties", "path": "ties.csv",
  "schema": {"fields": [{"name": "id"}, {"name": "source"}, {"name": "target"}, {"name": "kind"}], "primaryKey": ["id"]}}]}`
	require.NoError(t, os.WriteFile(filepath.Join(dir, "datapackage.json"), []byte(desc), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "ties.csv"), []byte("id,source,target,kind\nt1,ann,bob,kin\nt2,bob,cy,work\nt3,cy,ann,kin\n"), 0o644))
	return dir
}

// network and export work for any registered study with a network: its
// own filters, the generic export form, no brokerage without groups; a
// filter of another study is refused, naming the study's own.
func TestNetworkOfAnyStudy(t *testing.T) {
	dir := tiesPackage(t)
	code, out, stderr := nexus("network", "-dataset", dir, "-kind", "kin", "-out", "-")
	require.Equal(t, 0, code, stderr)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 4, "a header and three people:\n%s", out)
	require.NotContains(t, lines[0], "liaison", "brokerage roles without groups")
	require.True(t, strings.HasPrefix(lines[1], "ann,2,"), lines[1]) // ann–bob and cy–ann are kin

	code, out, stderr = nexus("export", "-dataset", dir, "-format", "dot", "-out", "-")
	require.Equal(t, 0, code, stderr)
	require.Contains(t, out, `"bob" -- "cy" [rows="1", strength="1", distance="1"];`)

	out2 := t.TempDir()
	assertRefused(t, "network -type", []string{"network", "-dataset", dir, "-type", "alliance", "-out", "-"}, out2,
		"-type: study "+tiesStudy+" has no such filter, expected one of -kind")
}
