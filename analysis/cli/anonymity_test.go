package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/nexus-toolkit/nexus/analysis/datapkg"
	"github.com/nexus-toolkit/nexus/analysis/qda"
)

// copyDataset copies the shipped dataset into a temporary directory.
func copyDataset(t *testing.T) string {
	t.Helper()
	src := "../../datasets/ttp-alliances/v1.0.0"
	dst := t.TempDir()
	entries, err := os.ReadDir(src)
	require.NoError(t, err)
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dst, e.Name()), data, 0o644))
	}
	return dst
}

// An e-mail address put into respondent data fails validation with the
// file, line and column, even when the declared hash is kept true.
func TestValidateRejectsEmailInRespondentData(t *testing.T) {
	dir := copyDataset(t)
	name := filepath.Join(dir, "respondents.csv")
	data, err := os.ReadFile(name)
	require.NoError(t, err)
	data = bytes.Replace(data, []byte("a think tank,,"), []byte("a think tank (contact: someone@example.org),,"), 1)
	require.NoError(t, os.WriteFile(name, data, 0o644))
	_, _, err = datapkg.Rehash(dir, datapkg.RehashOptions{})
	require.NoError(t, err)

	var stdout, stderr bytes.Buffer
	err = run(&stdout, &stderr, []string{"validate", dir})
	require.Equal(t, exitError{1}, err, stderr.String())
	require.Empty(t, stdout.String(), "problems go to standard error")
	out := stderr.String()
	assert.Contains(t, out, filepath.Join(dir, "respondents.csv")+":7:")
	assert.Contains(t, out, "e-mail")
	assert.NotContains(t, out, "someone@example.org", "the report must not spread the personal data it found")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	assert.Len(t, lines, 2, "one finding and the hint")
	assert.Equal(t, "nexus: "+qda.AnonymityHint, lines[len(lines)-1])
}
