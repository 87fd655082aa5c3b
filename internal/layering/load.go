package layering

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Load lists the packages matching patterns (such as Module+"/...") with
// `go list -json`, run by the go command gobin in dir, and reads every Go
// file of each, tests included, for the import paths its strings name
// (see PathsInSource). It reads each file, each package directory and
// its parents, and go.mod itself, so that a test that calls it runs
// again, not from the test cache, whenever a Go file or a package is
// added, removed or changed (go test caches by what the test reads, and
// knows nothing of what go list reads).
func Load(gobin, dir string, patterns ...string) ([]Package, error) {
	args := append([]string{"list", "-json=ImportPath,Dir,GoFiles,CgoFiles,TestGoFiles,XTestGoFiles,IgnoredGoFiles,Imports,TestImports,XTestImports"}, patterns...)
	cmd := exec.Command(gobin, args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list: %v\n%s", err, stderr.Bytes())
	}
	var pkgs []Package
	var dirs []string
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var lp struct {
			ImportPath, Dir                                              string
			GoFiles, CgoFiles, TestGoFiles, XTestGoFiles, IgnoredGoFiles []string
			Imports, TestImports, XTestImports                           []string
		}
		if err := dec.Decode(&lp); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, fmt.Errorf("go list: %v", err)
		}
		p := Package{ImportPath: lp.ImportPath, Imports: lp.Imports, TestImports: lp.TestImports, XTestImports: lp.XTestImports}
		for _, files := range [][]string{lp.GoFiles, lp.CgoFiles, lp.TestGoFiles, lp.XTestGoFiles, lp.IgnoredGoFiles} {
			for _, f := range files {
				name := filepath.Join(lp.Dir, f)
				src, err := os.ReadFile(name)
				if err != nil {
					return nil, err
				}
				paths, err := PathsInSource(name, src)
				if err != nil {
					return nil, err
				}
				p.Strings = append(p.Strings, paths...)
			}
		}
		pkgs = append(pkgs, p)
		dirs = append(dirs, lp.Dir)
	}
	return pkgs, touch(dir, dirs)
}

// touch reads go.mod in root, and lists each of dirs and their parents up
// to root.
func touch(root string, dirs []string) error {
	abs, err := filepath.Abs(root)
	if err != nil {
		return err
	}
	if _, err := os.ReadFile(filepath.Join(abs, "go.mod")); err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, d := range dirs {
		for ; !seen[d] && strings.HasPrefix(d, abs); d = filepath.Dir(d) {
			seen[d] = true
			if _, err := os.ReadDir(d); err != nil {
				return err
			}
		}
	}
	return nil
}
