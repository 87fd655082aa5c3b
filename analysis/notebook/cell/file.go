package cell

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sync"
)

var (
	rootOnce sync.Once
	root     *os.Root
	rootErr  error
)

// repo opens the repository root, the working directory of a notebook run.
func repo() *os.Root {
	rootOnce.Do(func() { root, rootErr = os.OpenRoot(".") })
	if rootErr != nil {
		fail(2, "opening the repository: %v", rootErr)
	}
	return root
}

// Dataset returns the directory of the dataset that the notebook's front
// matter names, relative to the repository root (for example
// "datasets/ttp-alliances/v1.0.0"), or "" when it names none.
func Dataset() string { return os.Getenv(DatasetEnv) }

// DatasetFile returns the path of the file name in the notebook's dataset,
// relative to the repository root.
func DatasetFile(name string) string { return path.Join(Dataset(), name) }

// ReadFile returns the contents of the file name, a slash-separated path
// relative to the repository root. Paths that leave the repository, also
// through symbolic links, are refused (os.Root enforces it) and stop the
// notebook with an error at the caller's line.
func ReadFile(name string) []byte {
	b, err := fs.ReadFile(repo().FS(), clean(name))
	if err != nil {
		fail(1, "read %s: %v", name, err)
	}
	return b
}

// Open opens the file name inside the repository for reading, as ReadFile
// does. The caller closes it.
func Open(name string) fs.File {
	f, err := repo().Open(filepath.FromSlash(clean(name)))
	if err != nil {
		fail(1, "open %s: %v", name, err)
	}
	return f
}

// FS returns the repository as a read-only file system confined to it.
func FS() fs.FS { return repo().FS() }

func clean(name string) string {
	if path.IsAbs(name) || filepath.IsAbs(name) {
		fail(2, "path %q is absolute, expected a path relative to the repository root", name)
	}
	c := path.Clean(filepath.ToSlash(name))
	if c == ".." || len(c) > 2 && c[:3] == "../" {
		fail(2, "path %q leaves the repository, expected a path inside it", name)
	}
	return c
}
