package compendium

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/notebook"
	"github.com/nexus-toolkit/nexus/analysis/safefile"
)

// DatasetFile is the file at the repository root that names the
// compendium's dataset: one line, the dataset version's directory relative
// to the root (for example "datasets/ttp-alliances/v1.1.0"). It is the one
// switch of the compendium. The Makefile reads it ($(file <DATASET)) and
// passes the value to every nexus command as -dataset, and the defaults of
// the command line read it through DefaultDataset, so make, the command
// line and the notebooks (which get it from nexus render) cannot disagree.
// A plain file is what both make and Go read without a built binary, a
// parser or the network.
const DatasetFile = "DATASET"

// DefaultDataset returns the dataset directory that DatasetFile names, for
// the repository that holds the working directory: as the file says when
// the working directory is the root, else joined to the root's path
// relative to the working directory. Errors read DATASET:1: what is wrong.
func DefaultDataset() (string, error) {
	root, err := notebook.FindRoot("")
	if err != nil {
		return "", err
	}
	dir, err := ReadDatasetFile(root)
	if err != nil {
		return "", err
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(wd, root)
	if err != nil || rel == "." {
		return filepath.FromSlash(dir), nil
	}
	return filepath.Join(rel, filepath.FromSlash(dir)), nil
}

// ReadDatasetFile reads DatasetFile in the repository root and returns the
// slash-separated dataset directory it names, relative to root. The
// directory must hold a datapackage.json.
func ReadDatasetFile(root string) (string, error) {
	b, err := safefile.ReadRegular(filepath.Join(root, DatasetFile), 1<<16)
	if err != nil {
		return "", fmt.Errorf("%s: %v, expected the file that names the compendium's dataset (one line such as datasets/NAME/vVERSION)", DatasetFile, err)
	}
	lines := strings.Split(strings.TrimRight(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n"), "\n")
	dir := strings.TrimSpace(lines[0])
	switch {
	case len(lines) != 1 || dir == "":
		return "", fmt.Errorf("%s:1: %d line(s), expected exactly one line naming the dataset directory", DatasetFile, len(lines))
	case path.IsAbs(dir) || filepath.IsAbs(dir) || path.Clean(dir) != dir || strings.HasPrefix(dir, "../") || strings.Contains(dir, `\`):
		return "", fmt.Errorf("%s:1: %q, expected a clean slash-separated path relative to the repository root, such as datasets/NAME/vVERSION", DatasetFile, dir)
	}
	if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(dir), "datapackage.json")); err != nil {
		return "", fmt.Errorf("%s:1: %q: no datapackage.json there, expected a dataset version directory", DatasetFile, dir)
	}
	return dir, nil
}
