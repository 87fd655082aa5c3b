package build

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
)

// EnvChange is an environment line of a MANIFEST that differs between the
// committed build and the fresh one: the Go toolchain, say. Outputs are
// compared byte for byte whatever the environment, so a change of it is
// information for the reviewer, not a failure.
type EnvChange struct {
	Key      string // the line's key: "go"
	Built    string // the committed MANIFEST's value ("" when it has none)
	Verified string // the fresh MANIFEST's value ("" when it has none)
}

// String reads "built with go1.26.8, verified with go1.26.9" for the Go
// line and "built with KEY VALUE, verified with KEY VALUE" for others.
func (e EnvChange) String() string {
	v := func(s string) string {
		switch {
		case s == "":
			return "no " + e.Key + " line"
		case e.Key == "go":
			return s
		}
		return e.Key + " " + s
	}
	return fmt.Sprintf("built with %s, verified with %s", v(e.Built), v(e.Verified))
}

// envLine matches an environment line of a MANIFEST: "# KEY: VALUE",
// KEY one lower-case word other than "dataset" (the dataset line is
// provenance, compared as it is). The first line's "# nexus build
// manifest: ..." has spaces in its key and is not one.
var envLine = regexp.MustCompile(`^# ([a-z][a-z0-9-]*): (.*)$`)

// splitEnv returns the manifest text without its environment lines, and
// those lines by key in order of appearance.
func splitEnv(b []byte) ([]byte, [][2]string) {
	var rest bytes.Buffer
	var env [][2]string
	for _, l := range bytes.SplitAfter(b, []byte("\n")) {
		m := envLine.FindSubmatch(bytes.TrimSuffix(l, []byte("\n")))
		if m == nil || string(m[1]) == "dataset" {
			rest.Write(l)
			continue
		}
		env = append(env, [2]string{string(m[1]), string(m[2])})
	}
	return rest.Bytes(), env
}

// readManifests returns the bytes of the MANIFEST of each tree, nil for
// a tree that has none.
func readManifests(committed, fresh string) (a, b []byte, err error) {
	read := func(dir string) ([]byte, error) {
		b, err := os.ReadFile(filepath.Join(dir, ManifestName))
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return b, err
	}
	if a, err = read(committed); err != nil {
		return nil, nil, err
	}
	b, err = read(fresh)
	return a, b, err
}

// compareManifests returns the Difference of the two trees' manifests
// outside their environment lines, or nil when they agree.
func compareManifests(committed, fresh string) (*Difference, error) {
	a, b, err := readManifests(committed, fresh)
	if err != nil {
		return nil, err
	}
	switch {
	case a == nil && b == nil:
		return nil, nil
	case a == nil:
		return &Difference{Path: ManifestName, Status: Missing}, nil
	case b == nil:
		return &Difference{Path: ManifestName, Status: Extra}, nil
	}
	ra, _ := splitEnv(a)
	rb, _ := splitEnv(b)
	if bytes.Equal(ra, rb) {
		return nil, nil
	}
	return &Difference{Path: ManifestName, Status: Differs, Detail: FirstDifference(ra, rb)}, nil
}

// EnvChanges returns the environment lines (the Go toolchain's and any
// other "# KEY: VALUE" line but the dataset's) whose value differs between
// the manifests of the two trees, in the order of the fresh manifest and
// then of the committed one. Compare does not count them as differences.
func EnvChanges(committed, fresh string) ([]EnvChange, error) {
	a, b, err := readManifests(committed, fresh)
	if err != nil {
		return nil, err
	}
	if a == nil || b == nil {
		return nil, nil
	}
	_, ea := splitEnv(a)
	_, eb := splitEnv(b)
	built := map[string]string{}
	for _, kv := range ea {
		built[kv[0]] = kv[1]
	}
	var out []EnvChange
	seen := map[string]bool{}
	for _, kv := range eb {
		seen[kv[0]] = true
		if v, ok := built[kv[0]]; !ok || v != kv[1] {
			out = append(out, EnvChange{Key: kv[0], Built: v, Verified: kv[1]})
		}
	}
	for _, kv := range ea {
		if !seen[kv[0]] {
			out = append(out, EnvChange{Key: kv[0], Built: kv[1]})
		}
	}
	return out, nil
}
