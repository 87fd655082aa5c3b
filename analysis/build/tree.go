package build

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// WriteTree makes files (slash-separated paths relative to dir) the whole
// content of the directory dir, atomically as far as one rename allows:
// the files are written into a private hidden sibling directory (see
// Scratch), which then takes dir's place by rename, and the old version
// is removed. A reader sees the old tree or the complete new one, never
// a half-written one; if anything fails, dir is left as it was. Files
// are 0644 and directories 0755 whatever the umask. Paths that are not
// local (empty, absolute, with "..", or with a backslash) are all
// reported, before anything is written.
func WriteTree(dir string, files map[string][]byte) error {
	dir = filepath.Clean(dir)
	names := make([]string, 0, len(files))
	var bad []error
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if n == "" || !filepath.IsLocal(filepath.FromSlash(n)) || strings.Contains(n, `\`) {
			bad = append(bad, fmt.Errorf("%q: path leaves the directory %s, expected a relative path inside it", n, dir))
		}
	}
	if len(bad) > 0 {
		return errors.Join(bad...)
	}
	cleanStaleOf(dir) // what killed writes of dir left: ".DIR.tmp-*", ".DIR.tmp-*.old"
	tmp, release, err := Scratch(filepath.Dir(dir), "."+filepath.Base(dir)+".tmp-")
	if err != nil {
		return err
	}
	defer release()
	for _, n := range names {
		if err := writeTreeFile(tmp, n, files[n]); err != nil {
			return err
		}
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	return swapDir(tmp, dir)
}

// writeTreeFile writes one file of a tree under root, making its
// directories.
func writeTreeFile(root, rel string, data []byte) error {
	full := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return err
	}
	// Walk rel's own directories, not full's: root may be written
	// unclean ("./.x.tmp-1" for a tree in the working directory), and
	// full's parents would then never equal it.
	for d := filepath.Dir(filepath.FromSlash(rel)); d != "."; d = filepath.Dir(d) {
		if err := os.Chmod(filepath.Join(root, d), 0o755); err != nil {
			return err
		}
	}
	f, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(full, 0o644)
	}
	return err
}

// swapDir renames the complete directory tmp to dir. An existing dir is
// first renamed aside, put back if the second rename fails, and removed
// afterwards.
func swapDir(tmp, dir string) error {
	if _, err := os.Lstat(dir); err != nil {
		return os.Rename(tmp, dir)
	}
	old := tmp + ".old"
	if err := os.Rename(dir, old); err != nil {
		return err
	}
	if err := os.Rename(tmp, dir); err != nil {
		os.Rename(old, dir)
		return err
	}
	return os.RemoveAll(old)
}
