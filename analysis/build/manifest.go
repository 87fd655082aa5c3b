package build

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// ManifestName is the file name of the manifest inside an output directory.
const ManifestName = "MANIFEST"

// Manifest records what a build produced and from what.
type Manifest struct {
	Dataset     string // dataset name, e.g. "ttp-alliances"
	Version     string // dataset version, e.g. "1.0.0"
	DatasetHash string // "sha256:<hex>" over the dataset (see study.Study.Hash)
	GoVersion   string // the Go toolchain that built the outputs
	// Unconfined are the rendered notebooks whose programs ran without
	// the operating system's confinement (nexus render -unconfined).
	Unconfined []string
	Entries    []Entry
}

// Entry is one output file and its checksum.
type Entry struct {
	Path string // slash-separated, relative to the output directory
	Sum  string // lower-case hex sha256
}

// WriteTo writes the manifest in its text form: comment lines with the
// provenance, then one "sha256  path" line per file, sorted by path.
func (m *Manifest) WriteTo(w io.Writer) (int64, error) {
	var b strings.Builder
	b.WriteString("# nexus build manifest: sha256 and path of every output, sorted by path\n")
	fmt.Fprintf(&b, "# dataset: %s %s %s\n", m.Dataset, m.Version, m.DatasetHash)
	fmt.Fprintf(&b, "# go: %s\n", m.GoVersion)
	for _, u := range m.Unconfined {
		fmt.Fprintf(&b, "# unconfined: %s\n", u)
	}
	entries := append([]Entry(nil), m.Entries...)
	sort.Slice(entries, func(i, j int) bool { return entries[i].Path < entries[j].Path })
	for _, e := range entries {
		fmt.Fprintf(&b, "%s  %s\n", e.Sum, e.Path)
	}
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

// ParseManifest reads a manifest written by WriteTo.
func ParseManifest(r io.Reader) (*Manifest, error) {
	m := &Manifest{}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		t := sc.Text()
		switch {
		case strings.HasPrefix(t, "# dataset: "):
			f := strings.Fields(strings.TrimPrefix(t, "# dataset: "))
			if len(f) != 3 {
				return nil, fmt.Errorf("%s:%d:1: malformed dataset line, expected \"# dataset: NAME VERSION HASH\"", ManifestName, line)
			}
			m.Dataset, m.Version, m.DatasetHash = f[0], f[1], f[2]
		case strings.HasPrefix(t, "# go: "):
			m.GoVersion = strings.TrimPrefix(t, "# go: ")
		case strings.HasPrefix(t, "# unconfined: "):
			m.Unconfined = append(m.Unconfined, strings.TrimPrefix(t, "# unconfined: "))
		case strings.HasPrefix(t, "#") || t == "":
		default:
			sum, path, ok := strings.Cut(t, "  ")
			if !ok || len(sum) != 64 || path == "" {
				return nil, fmt.Errorf("%s:%d:1: malformed entry %q, expected \"<sha256>  <path>\"", ManifestName, line, t)
			}
			m.Entries = append(m.Entries, Entry{Path: path, Sum: sum})
		}
	}
	return m, sc.Err()
}

// SumFile returns the lower-case hex sha256 of a file's bytes.
func SumFile(name string) (string, error) {
	f, err := os.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Files lists the regular files under dir as slash-separated relative
// paths, sorted, leaving out the manifest itself and every hidden file or
// directory (a name that starts with "."): that is where nexus keeps the
// temporary files and scratch directories of writes in progress, so the
// leftovers of a killed build are never taken for outputs.
func Files(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if rel == ManifestName {
			return nil
		}
		out = append(out, rel)
		return nil
	})
	sort.Strings(out)
	return out, err
}

// isTemp reports whether base is the name of a temporary file of an
// atomic write: ".NAME.tmp" followed by anything.
func isTemp(base string) bool {
	return strings.HasPrefix(base, ".") && strings.Contains(base, ".tmp")
}

// Scan computes the manifest entries of every file under dir.
func Scan(dir string) ([]Entry, error) {
	files, err := Files(dir)
	if err != nil {
		return nil, err
	}
	entries := make([]Entry, 0, len(files))
	for _, rel := range files {
		sum, err := SumFile(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil {
			return nil, err
		}
		entries = append(entries, Entry{Path: rel, Sum: sum})
	}
	return entries, nil
}
