package build

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
)

// File is an output file being written. Writes go to a hidden temporary
// file in the same directory (".NAME.tmp-..."), locked while it is being
// written; Commit renames it into place and Abort removes it. A File that
// is neither committed nor aborted (the process was killed) leaves only its
// temporary file behind, never a truncated output; Files never lists it and
// CleanStale removes it.
type File struct {
	f    *os.File
	name string
	mode os.FileMode
	done bool
}

// Create starts writing the file name atomically. The directory is created
// if needed, and the temporary files of name that killed writes left are
// removed first.
func Create(name string) (*File, error) {
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	cleanStaleOf(name)
	for {
		f, err := os.CreateTemp(dir, "."+filepath.Base(name)+".tmp-*")
		if err != nil {
			return nil, err
		}
		ok, err := flock(f, false)
		if err == nil && ok {
			st, err1 := f.Stat()
			cur, err2 := os.Lstat(f.Name())
			if err1 == nil && err2 == nil && os.SameFile(st, cur) {
				return &File{f: f, name: name, mode: 0o644}, nil
			}
			f.Close()
			continue // a cleaner removed it before we locked it
		}
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
}

// Write writes p to the temporary file.
func (f *File) Write(p []byte) (int, error) { return f.f.Write(p) }

// Name returns the final name of the file.
func (f *File) Name() string { return f.name }

// Commit flushes the temporary file to disk and renames it to its final
// name. The mode is 0644 whatever the umask, so that checkouts agree
// (Rewrite keeps the mode of the file it replaces instead).
func (f *File) Commit() error {
	if f.done {
		return nil
	}
	f.done = true
	tmp := f.f.Name()
	err := f.f.Sync()
	if cerr := f.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, f.mode)
	}
	if err == nil {
		err = os.Rename(tmp, f.name)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

// Abort discards the temporary file. It is safe to call after Commit, so
// `defer f.Abort()` is the usual pattern.
func (f *File) Abort() error {
	if f.done {
		return nil
	}
	f.done = true
	f.f.Close()
	return os.Remove(f.f.Name())
}

// WriteFile writes data to name atomically.
func WriteFile(name string, data []byte) error {
	return WriteWith(name, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// Rewrite writes data to name atomically as WriteFile does, but keeps the
// permission bits of the file it replaces (0644 for a new file): for
// files that are edited in place, such as a data package's descriptor.
func Rewrite(name string, data []byte) error {
	mode := os.FileMode(0o644)
	if fi, err := os.Stat(name); err == nil {
		mode = fi.Mode().Perm()
	}
	f, err := Create(name)
	if err != nil {
		return err
	}
	defer f.Abort()
	f.mode = mode
	if _, err := f.Write(data); err != nil {
		return err
	}
	return f.Commit()
}

// WriteWith creates name atomically and fills it with write. If write
// fails, the previous content of name, if any, is left untouched.
func WriteWith(name string, write func(w io.Writer) error) error {
	f, err := Create(name)
	if err != nil {
		return err
	}
	defer f.Abort()
	if err := write(f); err != nil {
		return err
	}
	return f.Commit()
}

// Buffer renders with write into memory first, then writes the result to
// name atomically. Use it for writers that need the whole output before the
// first byte can be trusted.
func Buffer(name string, write func(w io.Writer) error) error {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	return WriteFile(name, buf.Bytes())
}
