package build

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// Status says how a file of one tree differs from the other.
type Status string

// The ways a generated file can differ from the committed one.
const (
	Differs Status = "differs" // present in both, other bytes
	Missing Status = "missing" // the fresh build makes it, the committed tree lacks it
	Extra   Status = "extra"   // the committed tree holds it, the fresh build does not make it
)

// Difference is one file that is not the same in both trees.
type Difference struct {
	Path   string
	Status Status
	// Detail says where a file that Differs first differs
	// (FirstDifference); empty for the other statuses.
	Detail string
}

func (d Difference) String() string {
	if d.Detail != "" {
		return fmt.Sprintf("%s: %s: %s", d.Status, d.Path, d.Detail)
	}
	return fmt.Sprintf("%s: %s", d.Status, d.Path)
}

// Compare compares every file under committed with the file of the same
// path under fresh, byte for byte (through sha256), and returns the files
// that differ (with where they first differ), that the committed tree
// lacks (Missing: the build makes them, so commit them) and that it holds
// although the build does not make them (Extra: a stray or stale file),
// sorted by path. The manifests are compared too, byte for byte except
// their environment lines (EnvChanges reports those): a MANIFEST written
// under another Go release lists the same outputs.
func Compare(committed, fresh string) ([]Difference, error) {
	a, err := sums(committed)
	if err != nil {
		return nil, err
	}
	b, err := sums(fresh)
	if err != nil {
		return nil, err
	}
	var diffs []Difference
	for p, sa := range a {
		sb, ok := b[p]
		switch {
		case !ok:
			diffs = append(diffs, Difference{Path: p, Status: Extra})
		case sa != sb:
			diffs = append(diffs, Difference{Path: p, Status: Differs, Detail: detail(committed, fresh, p)})
		}
	}
	for p := range b {
		if _, ok := a[p]; !ok {
			diffs = append(diffs, Difference{Path: p, Status: Missing})
		}
	}
	d, err := compareManifests(committed, fresh)
	if err != nil {
		return nil, err
	}
	if d != nil {
		diffs = append(diffs, *d)
	}
	sort.Slice(diffs, func(i, j int) bool { return diffs[i].Path < diffs[j].Path })
	return diffs, nil
}

// detail returns where the file rel first differs in the two trees.
func detail(committed, fresh, rel string) string {
	a, err := os.ReadFile(filepath.Join(committed, filepath.FromSlash(rel)))
	if err != nil {
		return err.Error()
	}
	b, err := os.ReadFile(filepath.Join(fresh, filepath.FromSlash(rel)))
	if err != nil {
		return err.Error()
	}
	return FirstDifference(a, b)
}

func sums(dir string) (map[string]string, error) {
	entries, err := Scan(dir)
	if err != nil {
		return nil, err
	}
	m := make(map[string]string, len(entries))
	for _, e := range entries {
		m[e.Path] = e.Sum
	}
	return m, nil
}
