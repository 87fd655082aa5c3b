package compendium_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// TestReadmeAddTable follows the README's "Add a table or figure"
// literally in a copy of the repository: it writes the first Go snippet
// to the file the README names, adds the second (the registry line) to
// the list in the function it names, runs make and requires every file
// the README promises, with the table's numbers, and its make rule.
func TestReadmeAddTable(t *testing.T) {
	if testing.Short() {
		testenv.Missing(t, "-short was given, and TestReadmeAddTable runs make on a copy of the repository")
	}
	testenv.LookPath(t, "make", "make")
	t.Parallel()
	root := repoRoot(t)
	b, err := os.ReadFile(filepath.Join(root, "README.md"))
	require.NoError(t, err)
	readme := string(b)
	start := strings.Index(readme, "\n## Add a table or figure\n")
	require.GreaterOrEqual(t, start, 0, "README.md has no section \"Add a table or figure\"")
	sec := readme[start+1:]
	if end := strings.Index(sec[3:], "\n## "); end >= 0 {
		sec = sec[:end+3]
	}
	blocks := regexp.MustCompile("(?s)\n```go\n(.*?)```\n").FindAllStringSubmatchIndex(sec, -1)
	require.Len(t, blocks, 2, "the section has a function and a registry line")
	file := lastPath(t, sec[:blocks[0][0]], `analysis/\S+\.go`)
	function := sec[blocks[0][2]:blocks[0][3]]
	between := sec[blocks[0][1]:blocks[1][0]]
	registry := lastPath(t, between, `analysis/\S+\.go`)
	list := lastPath(t, between, `[A-Z]\w*`) // the list in `Outputs`
	line := sec[blocks[1][2]:blocks[1][3]]
	outputs := regexp.MustCompile("`figures/([^`{]+)\\.\\{([^}`]+)\\}`").FindStringSubmatch(sec)
	require.NotNil(t, outputs, "the section names the files make writes")

	dir := copyBuilt(t)
	require.NoError(t, os.WriteFile(filepath.Join(dir, file), []byte(function), 0o644))
	reg := filepath.Join(dir, registry)
	src, err := os.ReadFile(reg)
	require.NoError(t, err)
	fn := strings.Index(string(src), "\nfunc "+list+"(")
	require.GreaterOrEqual(t, fn, 0, "%s has no func %s", registry, list)
	end := fn + strings.Index(string(src)[fn:], "\n\t}\n}\n")
	require.Greater(t, end, fn, "func %s does not end in a list", list)
	edited := string(src)[:end+1] + line + string(src)[end+1:]
	require.NoError(t, os.WriteFile(reg, []byte(edited), 0o644))

	cmd := makeIn(t, dir, nil, "outputs")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "make after following the README:\n%s", out)
	for _, ext := range strings.Split(outputs[2], ",") {
		require.FileExists(t, filepath.Join(dir, "figures", outputs[1]+"."+ext))
	}
	csv, err := os.ReadFile(filepath.Join(dir, "figures", outputs[1]+".csv"))
	require.NoError(t, err)
	require.Contains(t, string(csv), "kind,events\n")
	require.Contains(t, string(csv), "\nattack,", "a table of the events per kind")
	mk, err := os.ReadFile(filepath.Join(dir, "outputs.mk"))
	require.NoError(t, err)
	require.Regexp(t, `\$\(FIGURES\)/`+regexp.QuoteMeta(outputs[1])+`\.csv .*&: \$\(NEXUS\) \$\(DATASET\)/events\.csv\n`, string(mk))
}

// lastPath returns the last `code span` of text that matches pattern.
func lastPath(t *testing.T, text, pattern string) string {
	t.Helper()
	all := regexp.MustCompile("`("+pattern+")`").FindAllStringSubmatch(text, -1)
	require.NotEmpty(t, all, "no `%s` in %q", pattern, text)
	return all[len(all)-1][1]
}
