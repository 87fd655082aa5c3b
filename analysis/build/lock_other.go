//go:build !unix

package build

import "os"

// flock does nothing where flock(2) does not exist: locks always succeed
// when waiting and never when not, so stale files are never removed.
func flock(f *os.File, nowait bool) (bool, error) { return !nowait, nil }
