package notebook

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/datapkg"
)

// useDataset gives nb the dataset directory dir (relative to the working
// directory, or absolute) unless its front matter names one. The directory
// must lie inside root and exist.
func useDataset(nb *Notebook, root, dir string) error {
	if nb.Dataset != "" || dir == "" {
		return nil
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return fmt.Errorf("%s: dataset %s lies outside the repository %s, expected a directory inside it", nb.Path, dir, root)
	}
	if st, err := os.Stat(abs); err != nil || !st.IsDir() {
		return fmt.Errorf("%s: dataset %s: no such directory, expected a dataset version directory", nb.Path, dir)
	}
	nb.Dataset = filepath.ToSlash(rel)
	return nil
}

// datasetInfo identifies the dataset a notebook is rendered from; every
// rendered notebook states it under its title.
type datasetInfo struct {
	Dir     string // relative to the repository root
	Name    string
	Version string
	Hash    string // "sha256:<hex>"
}

// String is how the notebook states it: "NAME VERSION (sha256:...)".
func (d *datasetInfo) String() string {
	return fmt.Sprintf("%s %s (%s)", d.Name, d.Version, d.Hash)
}

// info returns the identity of the dataset directory dir (relative to
// root), nil for "". For a Frictionless package it is the name and version
// of its descriptor and the package's content hash (the hash the MANIFEST
// names); a package that is not valid fails. For a plain directory of
// files it is the directory's two last elements and the hash of its files.
func (in *inputs) info(root, dir string) (*datasetInfo, error) {
	if dir == "" {
		return nil, nil
	}
	if d, ok := in.infos[dir]; ok {
		return d, nil
	}
	d := &datasetInfo{Dir: dir, Name: path.Base(path.Dir(dir)), Version: path.Base(dir)}
	p, err := datapkg.Read(filepath.Join(root, filepath.FromSlash(dir)))
	switch {
	case err == nil:
		d.Name, d.Version, d.Hash = p.Name, p.Version, p.ContentHash()
	case errors.Is(err, fs.ErrNotExist) && p == nil:
		h, err := in.dataset(root, dir)
		if err != nil {
			return nil, err
		}
		d.Hash = "sha256:" + h
	default:
		return nil, fmt.Errorf("dataset %s: %w", dir, err)
	}
	in.infos[dir] = d
	return d, nil
}
