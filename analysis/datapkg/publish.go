package datapkg

import (
	"bufio"
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/safefile"
)

// ChangelogName is the file, beside a dataset's version directories, that
// lists its published versions (Keep a Changelog: "## [1.0.0] - date").
const ChangelogName = "CHANGELOG.md"

// Release is the entry of a version in a changelog.
type Release struct {
	Version string // as the entry gives it, without a leading "v"
	File    string // the changelog
	Line    int    // 1-based line of the entry's heading
	Heading string // the heading line as written
}

// changelogHeading matches a Keep a Changelog version heading:
// "## [1.0.0] - 2026-11-25", "## [v1.0.0]" or "## 1.0.0".
var changelogHeading = regexp.MustCompile(`^##\s+\[?v?([0-9][0-9A-Za-z.+-]*)\]?(\s|$)`)

// Published reports whether the package in dir is a published version: a
// version whose entry is in the changelog of its dataset, CHANGELOG.md in
// dir's parent directory (or in dir itself). The version is the
// descriptor's "version" and, when the directory is named like one
// ("v1.1.0"), the directory's name: either one listed makes it published.
// It returns the entry, or nil when there is none or no changelog.
func Published(dir string) (*Release, error) {
	var versions []string
	if p, _ := Open(dir); p != nil && p.Version != "" {
		versions = append(versions, strings.TrimPrefix(p.Version, "v"))
	}
	if base := filepath.Base(filepath.Clean(dir)); strings.HasPrefix(base, "v") && len(base) > 1 && base[1] >= '0' && base[1] <= '9' {
		versions = append(versions, base[1:])
	}
	if len(versions) == 0 {
		return nil, nil
	}
	for _, cl := range []string{filepath.Dir(filepath.Clean(dir)), dir} {
		raw, err := safefile.ReadFile(cl, ChangelogName, maxDescriptor)
		if err != nil {
			continue // no changelog here
		}
		sc := bufio.NewScanner(bytes.NewReader(raw))
		sc.Buffer(nil, len(raw)+1)
		for line := 1; sc.Scan(); line++ {
			m := changelogHeading.FindStringSubmatch(sc.Text())
			if m == nil {
				continue
			}
			for _, v := range versions {
				if m[1] == v {
					return &Release{Version: v, File: filepath.Join(cl, ChangelogName), Line: line, Heading: strings.TrimSpace(sc.Text())}, nil
				}
			}
		}
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Join(cl, ChangelogName), err)
		}
	}
	return nil, nil
}
