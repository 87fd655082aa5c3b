//go:build unix

package build

import (
	"errors"
	"os"
	"syscall"
)

// flock takes an exclusive advisory lock on f, waiting for it unless
// nowait is set. It reports false when nowait is set and another open
// file description holds the lock.
func flock(f *os.File, nowait bool) (bool, error) {
	how := syscall.LOCK_EX
	if nowait {
		how |= syscall.LOCK_NB
	}
	for {
		err := syscall.Flock(int(f.Fd()), how)
		switch {
		case err == nil:
			return true, nil
		case errors.Is(err, syscall.EINTR):
			continue
		case nowait && errors.Is(err, syscall.EWOULDBLOCK):
			return false, nil
		}
		return false, &os.PathError{Op: "flock", Path: f.Name(), Err: err}
	}
}
