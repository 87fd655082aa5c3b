package compendium_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/nexus-toolkit/nexus/analysis/build"
	"github.com/nexus-toolkit/nexus/analysis/compendium"
	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// builtElsewhere rewrites the front door of dir and its MANIFEST as
// another Go release on another system would have written them: edit
// changes the page, and the MANIFEST gets its Go line and the page's new
// sha256, so that the tree is consistent.
func builtElsewhere(t *testing.T, dir string, edit func(string) string) {
	t.Helper()
	name := filepath.Join(dir, compendium.IndexFile)
	b, err := os.ReadFile(name)
	require.NoError(t, err)
	before, err := build.SumFile(name)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(name, []byte(edit(string(b))), 0o644))
	after, err := build.SumFile(name)
	require.NoError(t, err)
	mf := filepath.Join(dir, build.ManifestName)
	m, err := os.ReadFile(mf)
	require.NoError(t, err)
	s := regexp.MustCompile(`(?m)^# go: .*$`).ReplaceAllString(string(m), "# go: go1.26.999")
	s = strings.Replace(s, before+"  "+compendium.IndexFile+"\n", after+"  "+compendium.IndexFile+"\n", 1)
	require.NoError(t, os.WriteFile(mf, []byte(s), 0o644))
}

// TestFrontDoorEnvironment: a front door built with another Go release on
// another system, its outputs identical, passes verify and the manifest
// step, and verify reports the Go release once (the MANIFEST and the page
// both name it) and the system in one line; a page edited outside its
// environment block fails both, naming the page.
func TestFrontDoorEnvironment(t *testing.T) {
	testenv.Short(t, "builds the compendium and verifies it twice")
	root := repoRoot(t)
	t.Chdir(root)
	dataset, err := filepath.Rel(root, datasetOf(t, root))
	require.NoError(t, err)
	committed := t.TempDir()
	require.NoError(t, compendium.Build(dataset, committed, nil))
	require.NoError(t, compendium.WriteIndex(dataset, committed))
	require.NoError(t, compendium.WriteManifest(dataset, committed))
	ctx := context.Background()

	system := runtime.GOOS + "/" + runtime.GOARCH
	builtElsewhere(t, committed, func(page string) string {
		page = strings.Replace(page, "<dt>Go</dt><dd>"+runtime.Version()+"</dd>", "<dt>Go</dt><dd>go1.26.999</dd>", 1)
		return strings.Replace(page, "<dt>OS</dt><dd>"+system+"</dd>", "<dt>OS</dt><dd>plan9/386</dd>", 1)
	})
	rep, err := compendium.Verify(ctx, dataset, committed, []string{})
	require.NoError(t, err)
	require.Empty(t, rep.Differences)
	var env []string
	for _, e := range rep.Environment {
		env = append(env, e.String())
	}
	require.Equal(t, []string{
		"built with go1.26.999, verified with " + runtime.Version(),
		"built with os plan9/386, verified with os " + system,
	}, env)
	require.NoError(t, compendium.CheckOutputs(ctx, dataset, committed))

	builtElsewhere(t, committed, func(page string) string {
		return strings.Replace(page, "<h1>", "<h1>Forged ", 1)
	})
	rep, err = compendium.Verify(ctx, dataset, committed, []string{})
	require.NoError(t, err)
	require.Len(t, rep.Differences, 2, "%v", rep.Differences) // the page, and the MANIFEST's entry of it
	require.Equal(t, compendium.IndexFile, rep.Differences[1].Path)
	require.Contains(t, rep.Differences[1].Detail, "Forged")
	err = compendium.CheckOutputs(ctx, dataset, committed)
	require.ErrorContains(t, err, filepath.Join(committed, compendium.IndexFile)+": overwritten")
}
