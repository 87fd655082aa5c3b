package notebook

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/build"
)

// cacheDir is the cache directory under the repository root. It is
// content-addressed and kept out of git.
const cacheDir = ".nexus-cache"

// cacheVersion changes when the format of runs or of the cache changes.
const cacheVersion = "nexus-notebook-cache 4"

// inputs are what every notebook of one render shares: the compendium's
// root, module and allowlist, the Go toolchain's version, the package
// graph and the hashes of the datasets.
type inputs struct {
	root      string
	module    string
	goVersion string
	allow     allowlist
	res       *resolver // listed on first use
	datasets  map[string]string
	infos     map[string]*datasetInfo
}

// newInputs reads the layout of the compendium at root from opt.
func newInputs(opt Options, root string) (*inputs, error) {
	allow, err := newAllowlist(opt.Packages)
	if err != nil {
		return nil, err
	}
	module := opt.Module
	if module == "" {
		if module, err = ModulePath(root); err != nil {
			return nil, err
		}
	}
	cmd := exec.Command("go", "env", "GOVERSION")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go env GOVERSION: %v", err)
	}
	return &inputs{root: root, module: module, goVersion: strings.TrimSpace(string(out)), allow: allow, datasets: map[string]string{}, infos: map[string]*datasetInfo{}}, nil
}

// resolver returns the resolver of the render, listing the packages on
// first use.
func (in *inputs) resolver() (*resolver, error) {
	if in.res == nil {
		r, err := newResolver(in.root, in.allow)
		if err != nil {
			return nil, err
		}
		in.res = r
	}
	return in.res, nil
}

// dataset returns the hash of every file of the dataset directory dir.
func (in *inputs) dataset(root, dir string) (string, error) {
	if dir == "" {
		return "", nil
	}
	if s, ok := in.datasets[dir]; ok {
		return s, nil
	}
	h := sha256.New()
	if err := hashTree(h, root, dir, func(string) bool { return true }); err != nil {
		return "", err
	}
	s := hex.EncodeToString(h.Sum(nil))
	in.datasets[dir] = s
	return s, nil
}

// key returns the cache key of a notebook whose program imports paths:
// the sha256 of the cache format, the Go version, the module path, the
// notebook's path and dataset directory, the dataset's name, version and
// content hash, the code of every evaluated cell and the expression of
// every inline value (not the rest of the prose, options or line
// numbers), the program's imports, the source of every package the
// program compiles (see graph.hash) and every byte of the dataset.
func (in *inputs) key(root string, nb *Notebook, paths []string) (string, error) {
	ds, err := in.dataset(root, nb.Dataset)
	if err != nil {
		return "", err
	}
	r, err := in.resolver()
	if err != nil {
		return "", err
	}
	closure, err := r.graph.closure(paths)
	if err != nil {
		return "", err
	}
	code, err := r.graph.codeHash(closure)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	field := func(name, value string) { fmt.Fprintf(h, "%s %d\n%s\n", name, len(value), value) }
	field("version", cacheVersion)
	field("go", in.goVersion)
	field("module", in.module)
	field("imports", strings.Join(paths, "\n"))
	field("code", code)
	field("notebook", nb.Path)
	field("dataset", nb.Dataset)
	field("data", ds)
	if d := in.infos[nb.Dataset]; d != nil {
		field("dataset-id", d.String())
	}
	for _, c := range nb.Cells {
		if c.Eval {
			field(fmt.Sprintf("cell %d", c.Index), c.Code)
		}
	}
	for _, v := range nb.Inlines {
		after := 0 // the cells above the value, which run before it
		for _, c := range nb.Cells {
			if c.Line < v.Line {
				after = c.Index
			}
		}
		field(fmt.Sprintf("inline %d after cell %d", v.Index, after), v.Expr)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// hashTree hashes the names and contents of the regular files under
// root/dir that keep accepts, in sorted order.
func hashTree(h io.Writer, root, dir string, keep func(rel string) bool) error {
	var files []string
	// The directory itself may be a symbolic link; its contents are hashed.
	top, err := filepath.EvalSymlinks(filepath.Join(root, filepath.FromSlash(dir)))
	if err != nil {
		return err
	}
	err = filepath.WalkDir(top, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.Type().IsRegular() {
			return nil
		}
		rel, err := filepath.Rel(top, p)
		if err != nil {
			return err
		}
		rel = path.Join(dir, filepath.ToSlash(rel))
		if keep(rel) {
			files = append(files, rel)
		}
		return nil
	})
	if err != nil {
		return err
	}
	sort.Strings(files)
	for _, f := range files {
		if err := hashFile(h, root, f); err != nil {
			return err
		}
	}
	return nil
}

func hashFile(h io.Writer, root, rel string) error {
	b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		return err
	}
	fmt.Fprintf(h, "file %s %d\n", rel, len(b))
	h.Write(b)
	return nil
}

// entry is a Result as the cache stores it: each claim by its cell and
// its line within the cell's code, which the key fixes, so that a hit
// after prose was added above a claim gives the claim's new line.
type entry struct {
	Cells  [][]Output   `json:"cells"`
	Inline []string     `json:"inline,omitempty"`
	Claims []entryClaim `json:"claims,omitempty"`
}

// entryClaim is a claim of an entry: Cell is the index of the cell whose
// code holds its line (0 for none, and Offset is then the line itself).
type entryClaim struct {
	Cell   int    `json:"cell"`
	Offset int    `json:"offset"`
	Text   string `json:"text"`
}

// toEntry turns res, a result of nb, into an entry.
func toEntry(nb *Notebook, res *Result) entry {
	e := entry{Cells: res.Cells, Inline: res.Inline}
	for _, c := range res.Claims {
		ec := entryClaim{Offset: c.Line, Text: c.Text}
		if cl := codeCell(nb, c.Line); cl != nil {
			ec.Cell, ec.Offset = cl.Index, c.Line-cl.CodeLine
		}
		e.Claims = append(e.Claims, ec)
	}
	return e
}

// result turns an entry back into the result of nb; nil when a claim's
// cell is not one of nb's (a damaged entry).
func (e entry) result(nb *Notebook) *Result {
	res := &Result{Cells: e.Cells, Inline: e.Inline}
	for _, c := range e.Claims {
		line := c.Offset
		if c.Cell != 0 {
			if c.Cell < 0 || c.Cell > len(nb.Cells) {
				return nil
			}
			line += nb.Cells[c.Cell-1].CodeLine
		}
		res.Claims = append(res.Claims, Claim{Line: line, Text: c.Text})
	}
	return res
}

// loadCached returns the cached result of key, the key of nb, or nil when
// there is none.
func loadCached(root, key string, nb *Notebook) (*Result, error) {
	b, err := os.ReadFile(filepath.Join(root, cacheDir, "out", key+".json"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var e entry
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&e); err != nil {
		return nil, nil // a damaged entry, or one of another format, is a miss
	}
	return e.result(nb), nil
}

// storeCached writes res, the result of nb, under key and returns the
// result as read back, so that a miss renders exactly what a later hit
// will.
func storeCached(root, key string, nb *Notebook, res *Result) (*Result, error) {
	b, err := json.Marshal(toEntry(nb, res))
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(root, cacheDir, "out")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	if err := build.WriteFile(filepath.Join(dir, key+".json"), b); err != nil {
		return nil, err
	}
	return decodeEntry(nb, key, b)
}

// roundTrip returns res, a result of nb, as the cache would give it back
// (encoded and decoded), so that a run that bypasses the cache renders
// exactly what a cached one does.
func roundTrip(nb *Notebook, res *Result) (*Result, error) {
	b, err := json.Marshal(toEntry(nb, res))
	if err != nil {
		return nil, err
	}
	return decodeEntry(nb, "", b)
}

// decodeEntry reads the entry b, of key, back into a result of nb.
func decodeEntry(nb *Notebook, key string, b []byte) (*Result, error) {
	var back entry
	if err := json.NewDecoder(bytes.NewReader(b)).Decode(&back); err != nil {
		return nil, err
	}
	if r := back.result(nb); r != nil {
		return r, nil
	}
	return nil, fmt.Errorf("%s: the cache entry %s does not match the notebook", nb.Path, key)
}
