package notebook

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/build"
	"github.com/nexus-toolkit/nexus/analysis/safefile"
)

// Options configure Render.
type Options struct {
	// Root is the repository root, the directory of the compendium's
	// go.mod. When empty, Render looks for it from the working directory
	// upwards.
	Root string
	// Module is the compendium's module path, inside which the notebook
	// programs are built; when empty it is read from Root/go.mod.
	Module string
	// Packages are the compendium's own study packages that its
	// notebooks may import besides those Allowed accepts: import paths,
	// or PATH/... for a package and every package below it. A cell may
	// use such a package by its name without importing it.
	Packages []string
	// Datasets is the directory, relative to Root, under which a front
	// matter's dataset: NAME/VERSION is found; DefaultDatasets when empty.
	Datasets string
	// Out is the output directory, DefaultOut under Root when empty.
	Out string
	// Force runs every notebook even when its cached outputs are valid.
	Force bool
	// Log, when set, gets one line per notebook: whether it ran or came
	// from the cache. Times are not written to it.
	Log io.Writer
	// Context, when set, stops the render when it ends: a running notebook
	// program is killed with everything it started, and no further
	// notebook runs. nexus render cancels it on SIGINT and SIGTERM.
	Context context.Context
	// Limits bound each notebook program (a notebook's front matter may
	// set its own).
	Limits
	// Dataset is the dataset directory of every notebook whose front
	// matter names none (a path relative to the working directory, or
	// absolute; it must lie inside Root): the compendium's dataset, which
	// nexus render -dataset gives. Empty leaves such notebooks without one.
	Dataset string
	// fresh runs every notebook and neither reads nor writes the cache
	// (nor takes its locks): set by Fresh, for verify.
	fresh bool
}

// The compendium layout that Options assume when they name none: the one
// nexus new writes.
const (
	// DefaultDatasets is where a front matter's dataset is looked up.
	DefaultDatasets = "datasets"
	// DefaultOut is where the notebooks are rendered.
	DefaultOut = "figures/notebooks"
)

// Render renders each notebook file to Out/NAME.md and Out/NAME.html, with
// its figures under Out/NAME/. It renders every notebook it can; a
// notebook with an error writes nothing, and the errors of all notebooks
// are returned together.
func Render(opt Options, files ...string) error {
	opt, root, in, err := setup(opt)
	if err != nil {
		return err
	}
	out := opt.Out
	if out == "" {
		out = filepath.Join(root, filepath.FromSlash(DefaultOut))
	}
	build.CleanStale(out)
	var errs []error
	for _, f := range files {
		if err := opt.Context.Err(); err != nil {
			errs = append(errs, fmt.Errorf("%s: not rendered: %w", f, context.Cause(opt.Context)))
			continue
		}
		if err := renderOne(opt, root, out, in, f); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// FindRoot returns dir made absolute, or when dir is empty the first
// directory from the working directory upwards that holds go.mod: the
// repository root.
func FindRoot(dir string) (string, error) {
	if dir != "" {
		return filepath.Abs(dir)
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("no go.mod in %s or above, expected to run inside the repository", wd)
		}
	}
}

// renderOne renders one notebook and writes its files.
func renderOne(opt Options, root, out string, in *inputs, file string) error {
	p, err := renderPage(opt, root, in, file)
	if err != nil {
		return err
	}
	if err := writeFiles(out, p.Name, p.Files); err != nil {
		return err
	}
	if opt.Log != nil {
		state := "cached"
		if p.Ran {
			state = "ran"
		}
		fmt.Fprintf(opt.Log, "render %s: %s\n", p.Path, state)
	}
	return nil
}

// Page is one notebook rendered in memory.
type Page struct {
	Name string // the notebook's name: NAME of NAME.md
	Path string // the notebook's path relative to the repository root
	// Files are the rendered files by path relative to the output
	// directory: NAME.md, NAME.html and NAME/*.svg.
	Files map[string][]byte
	Ran   bool // false when the outputs came from the cache
}

// RenderPage renders one notebook as Render does, from the cache when it
// is valid (opt.Out and opt.Log are not used), and returns its files
// instead of writing them. A preview server serves them from memory.
func RenderPage(opt Options, file string) (*Page, error) {
	opt, root, in, err := setup(opt)
	if err != nil {
		return nil, err
	}
	return renderPage(opt, root, in, file)
}

// setup finds the repository root, hashes the inputs every notebook's
// cache key shares and gives opt a context when it has none: what Render,
// RenderPage and CheckClaims do first.
func setup(opt Options) (Options, string, *inputs, error) {
	root, err := FindRoot(opt.Root)
	if err != nil {
		return opt, "", nil, err
	}
	in, err := newInputs(opt, root)
	if err != nil {
		return opt, "", nil, err
	}
	if opt.Datasets == "" {
		opt.Datasets = DefaultDatasets
	}
	if opt.Context == nil {
		opt.Context = context.Background()
	}
	return opt, root, in, nil
}

// renderPage runs (or reads from the cache) and renders one notebook.
func renderPage(opt Options, root string, in *inputs, file string) (*Page, error) {
	doc, res, state, err := load(opt, root, in, file)
	if err != nil {
		return nil, err
	}
	files, err := doc.write(res)
	if err != nil {
		return nil, err
	}
	return &Page{Name: doc.nb.Name, Path: doc.nb.Path, Files: files, Ran: state == "ran"}, nil
}

// MaxSource is the largest notebook source Render reads: 16 MiB. A
// notebook must be a regular file (see package safefile), so a FIFO or a
// device such as /dev/zero in its place is refused at once.
const MaxSource = 16 << 20

// load parses a notebook, gives it the dataset of opt unless its front
// matter names one, resolves its prose and returns its outputs, from the
// cache or from a run (state says which).
func load(opt Options, root string, in *inputs, file string) (*document, *Result, string, error) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return nil, nil, "", err
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || strings.HasPrefix(rel, "..") {
		return nil, nil, "", fmt.Errorf("%s: the notebook is outside the repository %s", file, root)
	}
	rel = filepath.ToSlash(rel)
	src, err := safefile.ReadRegular(abs, MaxSource)
	if err != nil {
		return nil, nil, "", fmt.Errorf("%s: %w", file, err)
	}
	nb, err := parse(root, opt.Datasets, rel, src)
	if err != nil {
		return nil, nil, "", err
	}
	if err := useDataset(nb, root, opt.Dataset); err != nil {
		return nil, nil, "", err
	}
	doc, err := prepare(root, nb)
	if err != nil {
		return nil, nil, "", err
	}
	if doc.dataset, err = in.info(root, nb.Dataset); err != nil {
		return nil, nil, "", fmt.Errorf("%s: %w", nb.Path, err)
	}
	if !evaluates(nb) {
		// Nothing to run: the outputs are those of an empty program,
		// with no build, no run and no cache entry.
		res, err := roundTrip(nb, &Result{Cells: make([][]Output, len(nb.Cells))})
		return doc, res, "ran", err
	}
	prog, imports, err := in.program(nb)
	if err != nil {
		return nil, nil, "", err
	}
	key, err := in.key(root, nb, imports)
	if err != nil {
		return nil, nil, "", err
	}
	res, state, err := result(opt, root, nb, key, prog)
	return doc, res, state, err
}

// evaluates reports whether nb has anything for a program to run: an
// evaluated cell with code, or an inline value.
func evaluates(nb *Notebook) bool {
	if len(nb.Inlines) > 0 {
		return true
	}
	for _, c := range nb.Cells {
		if c.runs() {
			return true
		}
	}
	return false
}

// result returns the outputs of nb from the cache or from a run, and says
// which ("cached" or "ran"); prog is its program. The cache entry is locked meanwhile, so that
// parallel renders of one notebook run it once and the others read the
// entry it stored.
func result(opt Options, root string, nb *Notebook, key string, prog []byte) (*Result, string, error) {
	if opt.fresh {
		r, err := execute(opt.Context, root, nb, opt.Limits, prog)
		if err != nil {
			return nil, "", err
		}
		res, err := roundTrip(nb, r)
		return res, "ran", err
	}
	unlock, err := build.LockFile(filepath.Join(root, cacheDir, "lock", key))
	if err != nil {
		return nil, "", err
	}
	defer unlock()
	if !opt.Force {
		res, err := loadCached(root, key, nb)
		// An unconfined run is reused unless the render allows none and
		// the system can confine the program now.
		if err != nil || res != nil && (!res.Unconfined || opt.Unconfined || !CanConfine()) {
			return res, "cached", err
		}
	}
	r, err := execute(opt.Context, root, nb, opt.Limits, prog)
	if err != nil {
		return nil, "", err
	}
	if opt.Log != nil && r.Unconfined {
		fmt.Fprintf(opt.Log, "render %s: note: the notebook program ran unconfined (-unconfined): %s\n", nb.Path, r.why)
	}
	res, err := storeCached(root, key, nb, r)
	return res, "ran", err
}

// document is a notebook with its cross-references and citations resolved,
// waiting for the outputs of a run.
type document struct {
	nb      *Notebook
	dataset *datasetInfo // nil when the notebook has no dataset
	t       *texter
	prose   []string // resolved Markdown of each block ("" for cells)
	caption []string // resolved caption Markdown of each cell
	targets map[string]target
}

// prepare numbers the targets and resolves the prose and captions, so that
// an unknown label or key fails before anything runs.
func prepare(root string, nb *Notebook) (*document, error) {
	d := &document{nb: nb, targets: map[string]target{}}
	nfig, ntbl := 0, 0
	for _, c := range nb.Cells {
		switch {
		case strings.HasPrefix(c.Label, "fig-"):
			nfig++
			d.targets[c.Label] = target{c.Label, fmt.Sprintf("Figure %d", nfig)}
		case strings.HasPrefix(c.Label, "tbl-"):
			ntbl++
			d.targets[c.Label] = target{c.Label, fmt.Sprintf("Table %d", ntbl)}
		}
	}
	var refs map[string]*Reference
	if nb.Dataset != "" {
		var err error
		if refs, err = readReferences(root, nb.Dataset); err != nil {
			return nil, fmt.Errorf("%s: dataset %s: %w", nb.Path, nb.Dataset, err)
		}
	}
	d.t = &texter{file: nb.Path, targets: d.targets, refs: refs, dataset: nb.Dataset, cited: map[string]bool{}, inlines: nb.inlineAt}
	d.prose = make([]string, len(nb.Blocks))
	for i, b := range nb.Blocks {
		if b.Cell == nil {
			d.prose[i] = d.t.text(b.Prose, b.Line)
		}
	}
	d.caption = make([]string, len(nb.Cells))
	for i, c := range nb.Cells {
		n := len(d.t.probs)
		d.caption[i] = d.t.line(c.Caption, c.CaptionLine)
		for j := n; j < len(d.t.probs); j++ {
			d.t.probs[j].Column += c.CaptionCol - 1
		}
	}
	if err := d.t.probs.err(nb); err != nil {
		return nil, err
	}
	d.t.finish()
	for i := range d.prose {
		d.prose[i] = d.t.resolve(d.prose[i])
	}
	for i := range d.caption {
		d.caption[i] = d.t.resolve(d.caption[i])
	}
	return d, nil
}
