package safefile_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/nexus-toolkit/nexus/analysis/safefile"
)

// A resource linked to a file outside its package is refused.
func ExampleReadFile() {
	dir, _ := os.MkdirTemp("", "pkg")
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, "data.csv"), []byte("id\n1\n"), 0o644)
	os.Symlink("/etc/passwd", filepath.Join(dir, "users.csv"))

	b, err := safefile.ReadFile(dir, "data.csv", 1<<20)
	fmt.Printf("%q %v\n", b, err)
	_, err = safefile.ReadFile(dir, "users.csv", 1<<20)
	fmt.Println(errors.Is(err, safefile.ErrOutside))
	// Output:
	// "id\n1\n" <nil>
	// true
}

// A writer that renames a new file into place checks its target first: a
// symbolic link (or a device, a FIFO, a directory) is refused, a regular
// file or a new name is not.
func ExampleReplaceable() {
	dir, _ := os.MkdirTemp("", "out")
	defer os.RemoveAll(dir)
	os.Symlink("/etc/passwd", filepath.Join(dir, "link"))
	os.WriteFile(filepath.Join(dir, "old.csv"), []byte("x\n"), 0o644)

	fmt.Println(safefile.Replaceable(filepath.Join(dir, "new.csv")))
	fmt.Println(safefile.Replaceable(filepath.Join(dir, "old.csv")))
	fmt.Println(safefile.Replaceable(filepath.Join(dir, "link")))
	fmt.Println(safefile.Replaceable(os.DevNull))
	// Output:
	// <nil>
	// <nil>
	// not a regular file: a symbolic link to /etc/passwd, want a regular file or a new name; writing would replace the link, not its target
	// not a regular file: a character device, want a regular file or a new name
}
