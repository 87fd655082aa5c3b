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
const cacheVersion = "nexus-notebook-cache 2"

// inputs are the hashes shared by every notebook of one render: the Go
// toolchain, analysis/ and the module files.
type inputs struct {
	goVersion string
	code      string // sha256 of analysis/**/*.go (no tests), go.mod, go.sum
	datasets  map[string]string
	infos     map[string]*datasetInfo
}

// newInputs hashes the inputs shared by every notebook under root.
func newInputs(root string) (*inputs, error) {
	out, err := exec.Command("go", "env", "GOVERSION").Output()
	if err != nil {
		return nil, fmt.Errorf("go env GOVERSION: %v", err)
	}
	h := sha256.New()
	err = hashTree(h, root, "analysis", func(rel string) bool {
		return strings.HasSuffix(rel, ".go") && !strings.HasSuffix(rel, "_test.go") && !strings.Contains("/"+rel+"/", "/testdata/")
	})
	if err != nil {
		return nil, err
	}
	for _, f := range []string{"go.mod", "go.sum"} {
		if err := hashFile(h, root, f); err != nil {
			return nil, err
		}
	}
	return &inputs{goVersion: strings.TrimSpace(string(out)), code: hex.EncodeToString(h.Sum(nil)), datasets: map[string]string{}, infos: map[string]*datasetInfo{}}, nil
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

// Key returns the cache key of a notebook: the sha256 of the cache format,
// the Go version, the notebook's path and dataset directory, the dataset's
// name, version and content hash, the code of every evaluated cell and the
// expression of every inline value (not the rest of the prose, options or
// line numbers), and the hashes of analysis/, go.mod, go.sum and every
// byte of the dataset.
func (in *inputs) key(root string, nb *Notebook) (string, error) {
	ds, err := in.dataset(root, nb.Dataset)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	field := func(name, value string) { fmt.Fprintf(h, "%s %d\n%s\n", name, len(value), value) }
	field("version", cacheVersion)
	field("go", in.goVersion)
	field("code", in.code)
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

// loadCached returns the cached result of key, or nil when there is none.
func loadCached(root, key string) (*Result, error) {
	b, err := os.ReadFile(filepath.Join(root, cacheDir, "out", key+".json"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var r Result
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, nil // a damaged entry is a miss
	}
	return &r, nil
}

// storeCached writes res under key and returns the result as read back, so
// that a miss renders exactly what a later hit will.
func storeCached(root, key string, res *Result) (*Result, error) {
	b, err := json.Marshal(res)
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
	return decodeResult(b)
}

// roundTrip returns res as the cache would give it back (encoded and
// decoded), so that a run that bypasses the cache renders exactly what a
// cached one does.
func roundTrip(res *Result) (*Result, error) {
	b, err := json.Marshal(res)
	if err != nil {
		return nil, err
	}
	return decodeResult(b)
}

func decodeResult(b []byte) (*Result, error) {
	var back Result
	if err := json.NewDecoder(bytes.NewReader(b)).Decode(&back); err != nil {
		return nil, err
	}
	return &back, nil
}
