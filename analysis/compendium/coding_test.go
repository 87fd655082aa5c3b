package compendium_test

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/nexus-toolkit/nexus/analysis/compendium"
	"github.com/nexus-toolkit/nexus/analysis/qda"
)

// A coding package (one with a segments resource, as qda.Write makes)
// opens through qda.Load whatever its name; the paper's package opens as
// its study's coding project (one source per excerpt, no cases); a
// missing directory is an error.
func TestCodingProject(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "pkg")
	p := &qda.Project{Name: "no-study-claims-this", Codes: []qda.Code{{ID: "a", Name: "A", Codable: true}},
		Sources:  []qda.Source{{ID: "s1", Text: "Text"}},
		Coders:   []qda.Coder{{ID: "c1"}},
		Segments: []qda.Segment{{ID: "g1", Source: "s1", Code: "a", Coder: "c1", Start: 0, End: 4}}}
	require.NoError(t, qda.Write(dir, p, false))
	q, err := compendium.CodingProject(dir)
	require.NoError(t, err)
	require.Len(t, q.Segments, 1)
	require.Equal(t, "Text", q.Sources[0].Text)

	paper, err := compendium.CodingProject("../../datasets/ttp-alliances/v1.0.0")
	require.NoError(t, err)
	require.Len(t, paper.Sources, 9)
	require.Empty(t, paper.Cases)

	_, err = compendium.CodingProject(filepath.Join(dir, "missing"))
	require.Error(t, err)
}
