package compendium

import (
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/build"
	"github.com/nexus-toolkit/nexus/analysis/notebook"
)

// CheckOutputs compares the files under out with what the build makes
// from the dataset: the registry's outputs, made afresh in a temporary
// directory, and, when out holds any, the renders of the compendium's
// notebooks (Notebooks) and ClaimsFile, made from their cached runs as
// make leaves them (a notebook without one is run), and when out holds
// one, the front door (IndexFile, compared without its environment). It returns an error
// that names every file the build does not make and every file whose
// bytes differ from what it makes, so that the manifest step of make
// fails on a file added to or overwritten in out, not only make verify.
// A file the build makes that out lacks is not its concern (make verify
// reports it). Ending ctx stops a notebook program.
func CheckOutputs(ctx context.Context, dataset, out string) error {
	have, err := build.Files(out)
	if err != nil || len(have) == 0 {
		return err
	}
	tmp, err := os.MkdirTemp("", "nexus-outputs-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if err := Build(dataset, tmp, nil); err != nil {
		return err
	}
	if rendered(have) {
		nbs, err := Notebooks()
		if err != nil {
			return err
		}
		if err := notebook.Render(notebook.Options{Out: filepath.Join(tmp, "notebooks"), Context: ctx, Dataset: dataset, Packages: NotebookPackages()}, nbs...); err != nil {
			return err
		}
		if err := Claims(ctx, dataset, filepath.Join(tmp, ClaimsFile), nil, nbs); err != nil {
			return err
		}
	}
	if slices.Contains(have, IndexFile) {
		if err := WriteIndex(dataset, tmp); err != nil {
			return err
		}
		if _, err := adoptEnvironment(out, tmp); err != nil {
			return err
		}
	}
	diffs, err := build.Compare(out, tmp)
	if err != nil {
		return err
	}
	var bad []string
	for _, d := range diffs {
		switch {
		case d.Path == build.ManifestName || d.Status == build.Missing:
		case d.Status == build.Extra:
			bad = append(bad, fmt.Sprintf("%s: not an output of the registry or of a notebook's render, nor the front door, expected only the files nexus build, nexus render and nexus index make; remove it", filepath.Join(out, d.Path)))
		default:
			bad = append(bad, fmt.Sprintf("%s: overwritten, its bytes are not what nexus build or nexus render makes from %s; make rebuilds it once it is removed", filepath.Join(out, d.Path), dataset))
		}
	}
	if len(bad) > 0 {
		return fmt.Errorf("refusing to write the MANIFEST:\n%s", strings.Join(bad, "\n"))
	}
	return nil
}

// rendered reports whether files (relative to the output directory) hold
// a notebook render or the claims file.
func rendered(files []string) bool {
	for _, f := range files {
		if f == ClaimsFile || strings.HasPrefix(f, "notebooks/") {
			return true
		}
	}
	return false
}

// unconfinedRenders returns the rendered notebooks among entries (files of
// out) that say their program ran unconfined.
func unconfinedRenders(out string, entries []build.Entry) ([]string, error) {
	var un []string
	for _, e := range entries {
		if path.Dir(e.Path) != "notebooks" || path.Ext(e.Path) != ".md" {
			continue
		}
		md, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(e.Path)))
		if err != nil {
			return nil, err
		}
		if notebook.RanUnconfined(md) {
			un = append(un, e.Path)
		}
	}
	return un, nil
}
