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
