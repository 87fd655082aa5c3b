// Package safefile opens the files of a package directory (a data package,
// a coding package) for reading, refusing what could leak a file from
// elsewhere, hang or exhaust memory:
//
//   - a path that leaves the directory, lexically ("../x", "/etc/x") or
//     through a symbolic link; links that stay inside are followed. The
//     file is opened through an os.Root, so a link swapped in between the
//     check and the open cannot escape either;
//   - anything but a regular file: a directory, a device such as
//     /dev/zero, a named pipe (FIFO) or a socket. The file is opened
//     non-blocking and its type is checked on the open descriptor
//     (fstat), so opening a FIFO with no writer returns at once;
//   - a file larger than the caller's limit, by the size the file system
//     reports, before any byte is read; and, for a file that grows or lies
//     about its size, again while reading: reading stops with ErrTooLarge
//     one byte past the limit.
//
// Open returns the file for streaming (hashing, CSV decoding); ReadFile
// reads it whole into a buffer of the reported size. OpenRegular and
// ReadRegular apply the checks but the first to a file the user names (an
// archive to import, an edge list, a table to trace, a copy of a paper),
// wherever it is. Replaceable is the same check on the write side: a file
// about to be replaced by a new one must be a regular file, or not exist.
// Errors wrap
// ErrOutside, ErrNotRegular or ErrTooLarge for errors.Is, or are the
// operating system's; they do not repeat the file's name, which the
// caller puts in front ("file: error"), as package datapkg does.
package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// Errors wrapped by what Open and ReadFile return.
var (
	ErrOutside    = errors.New("path leaves the package")
	ErrNotRegular = errors.New("not a regular file")
	ErrTooLarge   = errors.New("file too large")
)

// MaxSize is the limit packages datapkg and qda set for a file of a
// package: 2 GiB - 1 bytes (datapkg's tables address bytes with 32 bits).
const MaxSize = 1<<31 - 1

// File is a regular file of a package directory, open for reading. Reads
// fail with ErrTooLarge beyond the limit given to Open.
type File struct {
	f     *os.File
	size  int64
	limit int64
	n     int64 // bytes read so far
}

// Open opens name, a slash-separated path relative to dir, for reading.
// It refuses a path that leaves dir (after symbolic links), anything but
// a regular file, and a file larger than limit bytes (limit < 0: no
// limit), as the package doc says.
func Open(dir, name string, limit int64) (*File, error) {
	local := filepath.FromSlash(name)
	if name == "" || !filepath.IsLocal(local) || strings.Contains(name, `\`) {
		return nil, fmt.Errorf("%w: %q is not a relative path inside it", ErrOutside, name)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, unwrap(err)
	}
	defer root.Close()
	// Stat first, so that a device or FIFO is not even opened; then
	// check the open descriptor again, in case the file was swapped.
	st, err := root.Stat(local)
	if err == nil && !st.Mode().IsRegular() {
		return nil, notRegular(st.Mode())
	}
	var f *os.File
	if err == nil {
		f, err = root.OpenFile(local, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	}
	if err != nil {
		if out := outside(dir, local); out != nil {
			return nil, out
		}
		return nil, unwrap(err)
	}
	return checkOpen(f, limit)
}

// OpenRegular opens the file name, wherever it is (a file the user names,
// not one of a package), for reading: as Open, it refuses anything but a
// regular file without blocking on a FIFO, and a file larger than limit.
func OpenRegular(name string, limit int64) (*File, error) {
	if st, err := os.Stat(name); err == nil && !st.Mode().IsRegular() {
		return nil, notRegular(st.Mode())
	}
	f, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, unwrap(err)
	}
	return checkOpen(f, limit)
}

// ReadRegular opens name as OpenRegular does and reads it whole, as
// ReadFile does.
func ReadRegular(name string, limit int64) ([]byte, error) {
	f, err := OpenRegular(name, limit)
	if err != nil {
		return nil, err
	}
	return f.readAll()
}

// Replaceable reports whether a new file may be renamed onto name: nil
// when name does not exist or is a regular file. A directory, a device
// such as /dev/null, a named pipe, a socket or a symbolic link (which is
// not followed: the rename would replace the link itself) is refused
// with an error wrapping ErrNotRegular, so a writer that renames a
// temporary file into place replaces nothing but a regular file.
func Replaceable(name string) error {
	st, err := os.Lstat(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return unwrap(err)
	case st.Mode().IsRegular():
		return nil
	case st.Mode()&fs.ModeSymlink != 0:
		target, _ := os.Readlink(name)
		return fmt.Errorf("%w: a symbolic link to %s, want a regular file or a new name; writing would replace the link, not its target", ErrNotRegular, target)
	}
	return fmt.Errorf("%w: %s, want a regular file or a new name", ErrNotRegular, kind(st.Mode()))
}

// checkOpen checks the open file f (fstat) and returns it as a *File, or
// closes it and says why not.
func checkOpen(f *os.File, limit int64) (*File, error) {
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, unwrap(err)
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, notRegular(st.Mode())
	}
	if limit >= 0 && st.Size() > limit {
		f.Close()
		return nil, fmt.Errorf("%w: %d bytes, want at most %d", ErrTooLarge, st.Size(), limit)
	}
	return &File{f: f, size: st.Size(), limit: limit}, nil
}

// outside explains why name could not be opened inside dir when a
// symbolic link leads out of it; nil when it does not.
func outside(dir, name string) error {
	base, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil
	}
	target, err := filepath.EvalSymlinks(filepath.Join(dir, name))
	if err != nil {
		return nil
	}
	if rel, err := filepath.Rel(base, target); err == nil && filepath.IsLocal(rel) {
		// Inside after all: os.Root refuses absolute link targets
		// even when they point inside.
		return fmt.Errorf("%w: a symbolic link on the way has an absolute target, want a relative link", ErrOutside)
	}
	return fmt.Errorf("%w: a symbolic link resolves it to %s, want a file inside the package directory", ErrOutside, target)
}

func notRegular(m fs.FileMode) error {
	return fmt.Errorf("%w: %s, want a regular file", ErrNotRegular, kind(m))
}

// kind names a file mode that is not a regular file.
func kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file (" + m.Type().String() + ")"
}

// unwrap drops the *fs.PathError around an operating system error, whose
// path the caller prints anyway.
func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Size returns the size the file system reported when the file was opened.
func (f *File) Size() int64 { return f.size }

// Read reads from the file. It returns an error wrapping ErrTooLarge once
// the file has yielded more than the limit.
func (f *File) Read(p []byte) (int, error) {
	if f.limit >= 0 && f.n > f.limit {
		return 0, f.tooLarge()
	}
	if f.limit >= 0 && int64(len(p)) > f.limit-f.n+1 {
		p = p[:f.limit-f.n+1]
	}
	n, err := f.f.Read(p)
	f.n += int64(n)
	if f.limit >= 0 && f.n > f.limit {
		return n, f.tooLarge()
	}
	return n, err
}

func (f *File) tooLarge() error {
	return fmt.Errorf("%w: more than %d bytes read (the file grew or misreported its size of %d), want at most %d", ErrTooLarge, f.limit, f.size, f.limit)
}

// Close closes the file.
func (f *File) Close() error { return f.f.Close() }

// ReadAt reads len(p) bytes at offset off, as os.File.ReadAt, within the
// limit: for a reader of an archive, which seeks.
func (f *File) ReadAt(p []byte, off int64) (int, error) {
	if f.limit >= 0 && off+int64(len(p)) > f.limit {
		return 0, fmt.Errorf("%w: a read at offset %d, want the file's first %d bytes", ErrTooLarge, off, f.limit)
	}
	return f.f.ReadAt(p, off)
}

// ReadFile opens name in dir as Open does and reads it whole, into a
// buffer of the size the file system reports (plus one byte, to see the
// end without growing it).
func ReadFile(dir, name string, limit int64) ([]byte, error) {
	f, err := Open(dir, name, limit)
	if err != nil {
		return nil, err
	}
	return f.readAll()
}

// readAll reads the rest of f into a buffer of its reported size and
// closes it.
func (f *File) readAll() ([]byte, error) {
	defer f.Close()
	b := make([]byte, 0, f.size+1)
	for {
		n, err := f.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return nil, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)] // the file grew: let append find room
		}
	}
}
