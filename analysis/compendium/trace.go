package compendium

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/build"
	"github.com/nexus-toolkit/nexus/analysis/datapkg"
	"github.com/nexus-toolkit/nexus/analysis/quotes"
	"github.com/nexus-toolkit/nexus/analysis/safefile"
	"github.com/nexus-toolkit/nexus/analysis/table"
)

// TraceSuffix ends the name of the trace file written beside a table's CSV:
// figures/tbl-dyads.csv has figures/tbl-dyads.trace.csv.
const TraceSuffix = ".trace.csv"

// Evidence is one row of data behind a cell, with the paper's words for
// it; quotes.Evidence, which the notebooks' evidence view shares.
type Evidence = quotes.Evidence

// CellTrace is a cell of a published table and the rows of data behind it.
type CellTrace struct {
	File     string // the table's CSV file
	Dataset  string // the dataset directory the evidence comes from
	Line     int    // the line on which the cell's record starts
	Column   string // the column's name
	Value    string
	Evidence []Evidence
}

// MaxTable is the largest table CSV or trace file Trace reads: 256 MiB.
// Both must be regular files (see package safefile), so a FIFO or a device
// such as /dev/zero in their place is refused at once.
const MaxTable = 256 << 20

// Trace finds the cell of the table CSV file at line (the header is line
// 1; any line of a record that spans several) in column col (a 1-based
// number or a column name), reads the trace file beside it (TraceSuffix)
// and looks up each row behind the cell in the dataset directory dataset.
//
// The MANIFEST beside the table, when there is one, says which dataset
// the table was built from: dataset "" means that one (a MANIFEST is then
// required), and whichever dataset is used must have the content hash the
// MANIFEST records, or Trace refuses it and says what to do. The dataset
// a MANIFEST names must lie inside the repository (see ManifestSource).
func Trace(file string, line int, col, dataset string) (*CellTrace, error) {
	src, err := ManifestSource(filepath.Dir(file))
	switch {
	case err == nil:
		if dataset == "" {
			dataset = src.Dir
		}
	case dataset == "" && errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("%s: cannot tell which dataset it was built from (give -dataset): %w", file, err)
	case !errors.Is(err, fs.ErrNotExist):
		return nil, err
	}
	tc := NewTracer(dataset)
	tc.source = src
	return tc.Trace(file, line, col)
}

// trace returns the trace file of the table file, read on first use.
func (tc *Tracer) trace(file string) (*table.Trace, error) {
	tpath := traceFile(file)
	if tr, ok := tc.traces[tpath]; ok {
		return tr, nil
	}
	f, err := safefile.OpenRegular(tpath, MaxTable)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: no trace file %s: this output does not record the rows behind its cells", file, tpath)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", tpath, err)
	}
	defer f.Close()
	tr, err := table.ReadTrace(f, tpath)
	if err != nil {
		return nil, err
	}
	if tc.traces == nil {
		tc.traces = map[string]*table.Trace{}
	}
	tc.traces[tpath] = tr
	return tr, nil
}

// traceFile is the trace file of the table file.
func traceFile(file string) string { return strings.TrimSuffix(file, ".csv") + TraceSuffix }

// Source is the dataset an output directory was built from, as its
// MANIFEST records it.
type Source struct {
	Manifest string // the MANIFEST's file name
	Dir      string // datasets/NAME/vVERSION, relative to the repository root
	Name     string
	Version  string
	Hash     string // the dataset's content hash, datapkg.Package.ContentHash
}

// Tracer traces cells against one dataset, which it reads and validates
// once, on first use; it reads each trace file once too, so tracing every
// cell of a table reads its trace once, not once per cell.
type Tracer struct {
	dataset string
	source  *Source // when set, the dataset must have its hash
	index   *quotes.Index
	traces  map[string]*table.Trace // by trace file path
}

// NewTracer returns a Tracer for the dataset directory dataset.
func NewTracer(dataset string) *Tracer { return &Tracer{dataset: dataset} }

// Trace is the package-level Trace against the tracer's dataset.
func (tc *Tracer) Trace(file string, line int, col string) (*CellTrace, error) {
	ct, err := findCell(file, line, col)
	if err != nil {
		return nil, err
	}
	ct.Dataset = tc.dataset
	tr, err := tc.trace(file)
	if err != nil {
		return nil, err
	}
	if tc.index == nil {
		p, s, err := Open(tc.dataset)
		if err != nil {
			return nil, err
		}
		if err := tc.source.check(tc.dataset, p); err != nil {
			return nil, err
		}
		fields := quotes.Conventional(p)
		if s.Evidence != nil {
			fields = s.Evidence(p)
		}
		tc.index = quotes.NewIndex(p, fields)
	}
	refs := tr.Sources(ct.Line, ct.Column)
	if len(refs) == 0 {
		return ct, nil
	}
	for _, r := range refs {
		e, err := tc.index.Lookup(r)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", traceFile(file), ct.Line, err)
		}
		ct.Evidence = append(ct.Evidence, e)
	}
	return ct, nil
}

// check refuses the package p, read from dir, unless it is the dataset s
// records (no check when s is nil).
func (s *Source) check(dir string, p *datapkg.Package) error {
	if s == nil {
		return nil
	}
	got := p.ContentHash()
	switch {
	case got == s.Hash:
		return nil
	case filepath.Clean(dir) != s.Dir:
		return fmt.Errorf("%s: the outputs were built from dataset %s %s (%s, hash %s), and %s hashes to %s: its rows are not the evidence of these outputs; trace against %s, or rebuild the outputs from %s with make", s.Manifest, s.Name, s.Version, s.Dir, s.Hash, dir, got, s.Dir, dir)
	}
	return fmt.Errorf("%s: the outputs were built from dataset %s %s with hash %s, but %s hashes to %s: the dataset changed after the build, so its rows are not the evidence of these outputs; check the change (nexus validate, nexus diff) and rebuild with make, or restore the dataset the outputs were built from", s.Manifest, s.Name, s.Version, s.Hash, dir, got)
}

// findCell reads the CSV file and returns the cell at line and col.
func findCell(file string, line int, col string) (*CellTrace, error) {
	b, err := safefile.ReadRegular(file, MaxTable)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	r := csv.NewReader(bytes.NewReader(b))
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s:1: %v", file, err)
	}
	field := -1
	if n, err := strconv.Atoi(col); err == nil && n >= 1 && n <= len(head) {
		field = n - 1
	}
	for i, h := range head {
		if h == col {
			field = i
		}
	}
	if field < 0 {
		return nil, fmt.Errorf("%s:%d: no column %q, expected 1 to %d or one of %s", file, line, col, len(head), strings.Join(head, ", "))
	}
	if line == 1 {
		return nil, fmt.Errorf("%s:1: line 1 is the header, expected the line of a data row", file)
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %v", file, err)
		}
		start, _ := r.FieldPos(0)
		end, _ := r.FieldPos(len(rec) - 1)
		end += strings.Count(rec[len(rec)-1], "\n")
		if line >= start && line <= end {
			return &CellTrace{File: file, Line: start, Column: head[field], Value: rec[field]}, nil
		}
	}
	return nil, fmt.Errorf("%s:%d: no data row on that line", file, line)
}

// ManifestDataset returns the dataset directory that the MANIFEST in the
// output directory dir names: datasets/NAME/vVERSION or, for a study
// kept one level down, datasets/*/NAME/vVERSION (relative to the
// repository root, where nexus runs); see ManifestSource.
func ManifestDataset(dir string) (string, error) {
	s, err := ManifestSource(dir)
	if err != nil {
		return "", err
	}
	return s.Dir, nil
}

// ManifestSource reads the MANIFEST in the output directory dir (a
// regular file, see build.ReadManifest) and returns the dataset it was
// built from: datasets/NAME/vVERSION or datasets/*/NAME/vVERSION, the one
// that exists (the first when neither does; more than one is an error).
// It refuses a dataset name or version that would
// lead out of datasets/ ("..", a separator in the version, an absolute
// path, a glob pattern), and a dataset directory that a symbolic link
// takes out of the repository.
func ManifestSource(dir string) (*Source, error) {
	name := filepath.Join(dir, build.ManifestName)
	m, err := build.ReadManifest(name)
	if err != nil {
		return nil, err
	}
	rel := path.Join("datasets", m.Dataset, "v"+m.Version)
	bad := m.Dataset == "" || m.Version == "" || strings.ContainsAny(m.Version, `/\`) || strings.ContainsAny(m.Dataset+m.Version, `\*?[`) || rel != "datasets/"+m.Dataset+"/v"+m.Version
	for _, e := range strings.Split(m.Dataset, "/") {
		bad = bad || e == "." || e == ".." || e == ""
	}
	if bad || !filepath.IsLocal(rel) {
		return nil, fmt.Errorf("%s: dataset %q version %q leads outside datasets/, expected a dataset NAME and VERSION naming datasets/NAME/vVERSION", name, m.Dataset, m.Version)
	}
	var found []string
	for _, pattern := range []string{filepath.FromSlash(rel), filepath.Join("datasets", "*", m.Dataset, "v"+m.Version)} {
		dirs, _ := filepath.Glob(pattern)
		found = append(found, dirs...)
	}
	src := &Source{Manifest: name, Dir: filepath.FromSlash(rel), Name: m.Dataset, Version: m.Version, Hash: m.DatasetHash}
	switch len(found) {
	case 0:
		return src, nil // the reader of Dir says it is missing; -dataset may name a copy
	case 1:
		src.Dir = found[0]
	default:
		return nil, fmt.Errorf("%s names dataset %s %s: %d directories datasets/%s/v%s or datasets/*/%s/v%s, expected one",
			name, m.Dataset, m.Version, len(found), m.Dataset, m.Version, m.Dataset, m.Version)
	}
	if err := insideRepository(src.Dir); err != nil {
		return nil, fmt.Errorf("%s: dataset %s: %w", name, src.Dir, err)
	}
	return src, nil
}

// insideRepository refuses rel, a directory relative to the working
// directory (the repository root), when a symbolic link takes it outside.
// A directory that does not exist is left to the reader to report.
func insideRepository(rel string) error {
	wd, err := filepath.EvalSymlinks(".")
	if err != nil {
		return err
	}
	target, err := filepath.EvalSymlinks(rel)
	if err != nil {
		return nil
	}
	wd, _ = filepath.Abs(wd)
	target, _ = filepath.Abs(target)
	if r, err := filepath.Rel(wd, target); err != nil || !filepath.IsLocal(r) {
		return fmt.Errorf("a symbolic link resolves it to %s, outside the repository", target)
	}
	return nil
}
