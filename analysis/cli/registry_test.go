package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

const (
	paperDataset = "../../datasets/ttp-alliances/v1.1.0"
	synthDataset = "../../datasets/examples/synthetic-coding/v1.1.0"
)

// renamedPackage copies the data package src (its top-level files) into
// a temporary directory with the descriptor edited by edit, and returns
// the directory.
func renamedPackage(t *testing.T, src string, edit func(desc map[string]any)) string {
	t.Helper()
	dst := t.TempDir()
	entries, err := os.ReadDir(src)
	require.NoError(t, err)
	for _, e := range entries {
		if e.IsDir() {
			require.NoError(t, os.CopyFS(filepath.Join(dst, e.Name()), os.DirFS(filepath.Join(src, e.Name()))))
			continue
		}
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		require.NoError(t, err)
		if e.Name() == "datapackage.json" {
			var desc map[string]any
			require.NoError(t, json.Unmarshal(b, &desc))
			edit(desc)
			b, err = json.MarshalIndent(desc, "", "  ")
			require.NoError(t, err)
		}
		require.NoError(t, os.WriteFile(filepath.Join(dst, e.Name()), b, 0o644))
	}
	return dst
}

// datasetCommands are every command that reads a dataset, pointed at
// the package dir, with out a fresh directory for what they write.
func datasetCommands(dir, out string) map[string][]string {
	nb := "../../notebooks/01-sample-and-method.md"
	return map[string][]string{
		"build":           {"build", "-dataset", dir, "-out", out},
		"build T1":        {"build", "-dataset", dir, "-out", out, "T1"},
		"build -list":     {"build", "-dataset", dir, "-list"},
		"build -makefile": {"build", "-dataset", dir, "-makefile"},
		"verify":          {"verify", "-dataset", dir, "-figures", out},
		"manifest":        {"manifest", "-dataset", dir, "-out", out},
		"trace":           {"trace", "-dataset", dir, "../../figures/tbl-dyads.csv:2:1"},
		"render":          {"render", "-dataset", dir, "-out", out, nb},
		"claims":          {"claims", "-dataset", dir, nb},
		"preview":         {"preview", "-dataset", dir, "-addr", "127.0.0.1:0", nb},
		"network":         {"network", "-dataset", dir, "-out", "-"},
		"export graphml":  {"export", "-dataset", dir, "-format", "graphml", "-out", "-"},
		"export csv":      {"export", "-dataset", dir, "-format", "csv", "-out", filepath.Join(out, "net.csv")},
		"export bibtex":   {"export", "-dataset", dir, "-format", "bibtex", "-out", "-"},
	}
}

// assertRefused runs args and requires exit 1, an error on stderr that
// contains want, nothing on stdout and nothing written under out.
func assertRefused(t *testing.T, name string, args []string, out string, want ...string) {
	t.Helper()
	code, stdout, stderr := nexus(args...)
	require.Equal(t, 1, code, "%s: exit status; stderr:\n%s", name, stderr)
	require.Empty(t, stdout, "%s wrote to standard output", name)
	for _, w := range want {
		require.Contains(t, stderr, w, "%s", name)
	}
	entries, err := os.ReadDir(out)
	require.NoError(t, err)
	require.Empty(t, entries, "%s wrote into its output directory", name)
}

// Every command refuses a data package whose name no registered study
// claims: the error names the package and lists the registered studies,
// and nothing is written.
func TestUnknownStudyRefused(t *testing.T) {
	dir := renamedPackage(t, synthDataset, func(d map[string]any) { d["name"] = "nobody-study" })
	for name, args := range datasetCommands(dir, "") {
		out := t.TempDir()
		args = datasetCommands(dir, out)[name]
		assertRefused(t, name, args, out, `data package "nobody-study" is no registered study's`,
			"the registered studies are "+tiesStudy+", synthetic-coding, ttp-alliances", "datapackage.json")
	}
}

// Pointed at a valid package of another study, no command writes the
// paper's outputs from it or exits 0 with an empty table, graph or
// export: build and make rules give that study's own outputs, and the
// commands that need what it lacks refuse it, naming what is missing.
func TestOtherStudyPackage(t *testing.T) {
	refused := map[string][]string{
		"trace":          {`the dataset has no resource "organizations"`},
		"network":        {"study synthetic-coding has no network", "(the studies with one: " + tiesStudy + ", ttp-alliances)"},
		"export graphml": {"study synthetic-coding has no network"},
		"export csv":     {"study synthetic-coding has no network"},
		"export bibtex":  {"has no references resource"},
	}
	for name, want := range refused {
		out := t.TempDir()
		assertRefused(t, name, datasetCommands(synthDataset, out)[name], out, want...)
	}

	// build writes the synthetic study's outputs, not the paper's.
	out := t.TempDir()
	code, _, stderr := nexus(datasetCommands(synthDataset, out)["build"]...)
	require.Equal(t, 0, code, stderr)
	entries, err := os.ReadDir(out)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	require.Contains(t, names, "tbl-code-frequencies.csv")
	require.NotContains(t, names, "tbl-study-design.csv")
	b, err := os.ReadFile(filepath.Join(out, "tbl-code-frequencies.csv"))
	require.NoError(t, err)
	require.Greater(t, strings.Count(string(b), "\n"), 2, "an empty table")

	// A paper output's ID that the synthetic study does not have is
	// refused, listing the study's own.
	code, _, stderr = nexus("build", "-dataset", synthDataset, "-out", t.TempDir(), "T3")
	require.NotEqual(t, 0, code)
	require.Contains(t, stderr, `unknown output "T3", expected one of T1 (tbl-code-frequencies), F1 (fig-code-cooccurrence)`)

	// The make rules are the synthetic study's, from its own package.
	code, mk, stderr := nexus("build", "-dataset", synthDataset, "-makefile")
	require.Equal(t, 0, code, stderr)
	require.Contains(t, mk, "(analysis/synthcoding)")
	require.Contains(t, mk, "$(DATASET)/segments.csv")
	require.NotContains(t, mk, "relations.csv")
}

// A package of the paper's study that lacks a resource the study
// requires is refused by every command, naming the resource.
func TestMissingResourceRefused(t *testing.T) {
	dir := renamedPackage(t, paperDataset, func(d map[string]any) {
		var kept []any
		for _, r := range d["resources"].([]any) {
			if r.(map[string]any)["name"] != "respondents" {
				kept = append(kept, r)
			}
		}
		d["resources"] = kept
	})
	for name := range datasetCommands(dir, "") {
		out := t.TempDir()
		assertRefused(t, name, datasetCommands(dir, out)[name], out, `data package "ttp-alliances" lacks the resource(s) respondents that study ttp-alliances needs`)
	}
}

// nexus studies lists every registered study by the name it claims, with
// its outputs and what each reads.
func TestStudies(t *testing.T) {
	code, out, stderr := nexus("studies")
	require.Equal(t, 0, code, stderr)
	require.Contains(t, out, "synthetic-coding  Synthetic coding study (invented data)  (analysis/synthcoding)\n")
	require.Contains(t, out, "ttp-alliances  TTP regional alliances (the paper)  (analysis/paper)\n")
	require.Regexp(t, `\n  T6 +tbl-citation-audit +paper\.CitationAudit +reads citations, references, slips\n`, out)
	require.Contains(t, out, "  network: from organizations, relations; filters -type -scope -coding -from -to\n")
}

// Filters that keep no node are refused, naming them, rather than
// writing a header-only metrics file or an empty graph.
func TestEmptyNetworkRefused(t *testing.T) {
	for _, cmd := range []string{"network", "export"} {
		out := t.TempDir()
		args := []string{cmd, "-dataset", paperDataset, "-type", "merger", "-scope", "example", "-isolates=false", "-out", "-"}
		assertRefused(t, cmd, args, out, "the network of study ttp-alliances has no node with -scope example -type merger")
	}
}
