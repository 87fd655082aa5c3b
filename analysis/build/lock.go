package build

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ScratchPrefix starts the name of every private directory and temporary
// file that nexus creates inside an output directory. Files and Scan never
// list hidden names, so a build that is killed leaves nothing that a
// MANIFEST or a verify could take for an output.
const ScratchPrefix = ".nexus-tmp-"

// Lock takes an exclusive lock on the file or directory name (flock(2) on
// Unix), waiting until it is free, and returns the function that releases
// it. The lock is advisory: it orders nexus processes that touch the same
// output directory or cache entry, and the kernel drops it when the process
// dies.
func Lock(name string) (unlock func(), err error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	if _, err := flock(f, false); err != nil {
		f.Close()
		return nil, err
	}
	return func() { f.Close() }, nil
}

// LockFile creates name if needed (and its directory) and locks it as Lock
// does. Use it for locks on things that are not files yet, such as a cache
// entry that is being computed.
func LockFile(name string) (unlock func(), err error) {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(name, os.O_RDONLY|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	f.Close()
	return Lock(name)
}

// Scratch creates a new directory under parent, named prefix followed by
// random characters, that belongs to this process: it is locked until
// release is called, which removes it. Parallel runs each get their own;
// CleanStale removes the ones whose process died.
func Scratch(parent, prefix string) (dir string, release func(), err error) {
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", nil, err
	}
	for {
		dir, err := os.MkdirTemp(parent, prefix+"*")
		if err != nil {
			return "", nil, err
		}
		f, err := holdLocked(dir)
		if err != nil {
			return "", nil, err
		}
		if f == nil {
			continue // a cleaner removed it before we locked it
		}
		return dir, func() { os.RemoveAll(dir); f.Close() }, nil
	}
}

// holdLocked opens and locks name and checks that it is still the entry
// of that name (a cleaner may have removed it between creation and lock);
// it returns nil when it is not.
func holdLocked(name string) (*os.File, error) {
	f, err := os.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if _, err := flock(f, false); err != nil {
		f.Close()
		return nil, err
	}
	st, err1 := f.Stat()
	cur, err2 := os.Lstat(name)
	if err1 != nil || err2 != nil || !os.SameFile(st, cur) {
		f.Close()
		return nil, nil
	}
	return f, nil
}

// CleanStale removes the entries of dir left by nexus processes that were
// killed: scratch directories and files whose name starts with
// ScratchPrefix, and hidden temporary files of atomic writes
// (".NAME.tmp..."), when no live process holds their lock. It never
// touches any other file, and errors only mean that something stays.
func CleanStale(dir string) {
	cleanStale(dir, func(n string) bool { return strings.HasPrefix(n, ScratchPrefix) || isTemp(n) })
}

// CleanStaleTree does what CleanStale does in dir and in every directory
// under it that is not hidden: what `nexus tidy` and every make run do to
// figures/, so that a killed run leaves nothing even when the next make has
// nothing to rebuild. A dir that does not exist has nothing to clean.
func CleanStaleTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
			return nil // removed meanwhile, or unreadable: nothing to clean
		}
		if !d.IsDir() {
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		CleanStale(p)
		return nil
	})
}

// cleanStaleOf removes the stale temporary files and scratch directories
// of the one file or directory name (".BASE.tmp..." beside it) that a
// killed atomic write of it left: every writer cleans up after its own
// killed predecessors, whatever directory it writes into.
func cleanStaleOf(name string) {
	prefix := "." + filepath.Base(name) + ".tmp"
	cleanStale(filepath.Dir(name), func(n string) bool { return strings.HasPrefix(n, prefix) })
}

// cleanStale removes the entries of dir whose name stale accepts and that
// no live process holds locked.
func cleanStale(dir string, stale func(name string) bool) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range ents {
		n := e.Name()
		if !stale(n) {
			continue
		}
		p := filepath.Join(dir, n)
		f, err := os.Open(p)
		if err != nil {
			continue
		}
		if ok, _ := flock(f, true); ok {
			os.RemoveAll(p)
		}
		f.Close()
	}
}
