package compendium_test

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/nexus-toolkit/nexus/analysis/compendium"
	"github.com/nexus-toolkit/nexus/analysis/datapkg"
	"github.com/nexus-toolkit/nexus/analysis/quotes"
	"github.com/nexus-toolkit/nexus/analysis/study"
	"github.com/nexus-toolkit/nexus/analysis/table"
	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// TestTraceEveryCommittedCell: every cell that a committed trace file
// names leads to rows of the dataset the MANIFEST names, each with its
// file and line, and the cell's value is the one in the table's CSV.
func TestTraceEveryCommittedCell(t *testing.T) {
	testenv.Short(t, "traces every committed cell and figure to the dataset")
	root := repoRoot(t)
	t.Chdir(root)
	dataset, err := compendium.ManifestDataset("figures")
	require.NoError(t, err)
	traces, _ := filepath.Glob(filepath.Join("figures", "*"+compendium.TraceSuffix))
	require.NotEmpty(t, traces, "no trace files under figures/")
	cells := 0
	tracer := compendium.NewTracer(dataset)
	for _, tp := range traces {
		b, err := os.ReadFile(tp)
		require.NoError(t, err)
		csvFile := strings.TrimSuffix(tp, compendium.TraceSuffix) + ".csv"
		if _, err := os.Stat(csvFile); err != nil {
			checkFigureEvidence(t, tp, b, dataset)
			continue
		}
		tr, err := table.ReadTrace(strings.NewReader(string(b)), tp)
		require.NoError(t, err)
		for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n")[1:] {
			f := strings.SplitN(line, ",", 3)
			ct, err := tracer.Trace(csvFile, atoi(t, f[0]), f[1])
			require.NoError(t, err, "%s: %s", tp, line)
			refs := tr.Sources(ct.Line, ct.Column)
			require.Len(t, ct.Evidence, len(refs))
			for i, e := range ct.Evidence {
				require.Equal(t, refs[i], e.Ref)
				require.Greater(t, e.Line, 1, "%s", e)
				require.True(t, strings.HasPrefix(e.File, dataset), "%s", e)
			}
			cells++
		}
	}
	t.Logf("%d traced cells of %d trace files resolved in %s", cells, len(traces), dataset)
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	require.NoError(t, err)
	return n
}

// TestTraceErrors: a header line, a line past the end, an unknown column
// and a table without a trace file are errors that name the file.
func TestTraceErrors(t *testing.T) {
	dir := t.TempDir()
	csvFile := filepath.Join(dir, "t.csv")
	require.NoError(t, os.WriteFile(csvFile, []byte("a,b\n1,2\n"), 0o644))
	for _, c := range []struct {
		line int
		col  string
		want string
	}{
		{1, "a", "line 1 is the header"},
		{9, "a", "no data row on that line"},
		{2, "c", `no column "c"`},
		{2, "3", `no column "3"`},
		{2, "b", "no trace file"},
	} {
		_, err := compendium.Trace(csvFile, c.line, c.col, dir)
		require.ErrorContains(t, err, c.want)
		require.ErrorContains(t, err, csvFile)
	}
}

// checkFigureEvidence: every row a figure's evidence file names (element,
// resource, key) is a row of the dataset.
func checkFigureEvidence(t *testing.T, path string, b []byte, dataset string) {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	require.NoError(t, err)
	require.Equal(t, []string{"element", "resource", "key"}, recs[0], path)
	require.Greater(t, len(recs), 1, "%s lists no rows", path)
	p, err := datapkg.Read(dataset)
	require.NoError(t, err)
	ix := quotes.NewIndex(p, study.QuoteFields(p))
	for _, r := range recs[1:] {
		_, err := ix.Lookup(table.Ref{Resource: r[1], Key: r[2]})
		require.NoError(t, err, "%s: %s", path, r)
	}
}

// A table of another study traces through the MANIFEST beside it, which
// names a dataset kept one level down (datasets/examples/NAME/vVERSION):
// each count of the synthetic study's T1 leads to its segments.
func TestTraceOtherStudy(t *testing.T) {
	t.Chdir(repoRoot(t))
	synth := filepath.Join("datasets", "examples", "synthetic-coding", "v1.1.0")
	out := t.TempDir()
	require.NoError(t, compendium.Build(synth, out, nil))
	require.NoError(t, compendium.WriteManifest(synth, out))
	dataset, err := compendium.ManifestDataset(out)
	require.NoError(t, err)
	require.Equal(t, synth, dataset)
	ct, err := compendium.Trace(filepath.Join(out, "tbl-code-frequencies.csv"), 3, "segments", dataset)
	require.NoError(t, err)
	require.Equal(t, strconv.Itoa(len(ct.Evidence)), ct.Value)
	require.NotEmpty(t, ct.Evidence)
	for _, e := range ct.Evidence {
		require.Equal(t, "segments", e.Ref.Resource)
	}
}

// BenchmarkTraceEveryCell traces every traced cell of the committed T4
// (network measures, the largest trace file) with one Tracer, as `nexus
// trace` would for each cell a reviewer asks about.
func BenchmarkTraceEveryCell(b *testing.B) {
	b.Chdir(repoRoot(b))
	dataset, err := compendium.ManifestDataset("figures")
	require.NoError(b, err)
	tp := filepath.Join("figures", "tbl-network-measures"+compendium.TraceSuffix)
	data, err := os.ReadFile(tp)
	require.NoError(b, err)
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")[1:]
	csvFile := strings.TrimSuffix(tp, compendium.TraceSuffix) + ".csv"
	for b.Loop() {
		tracer := compendium.NewTracer(dataset)
		for _, line := range lines {
			f := strings.SplitN(line, ",", 3)
			n, _ := strconv.Atoi(f[0])
			if _, err := tracer.Trace(csvFile, n, f[1]); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(lines)), "cells/op")
}
