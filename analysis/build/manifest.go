package build

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"github.com/nexus-toolkit/nexus/analysis/safefile"
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
// provenance, then one "sha256  path" line per file, sorted by path. It
// refuses a dataset name, version or hash that is empty or holds white
// space, and a path with a line end, which would forge or break a line
// (ParseManifest reads the dataset line as three words).
func (m *Manifest) WriteTo(w io.Writer) (int64, error) {
	for _, f := range []struct{ name, v string }{{"dataset name", m.Dataset}, {"dataset version", m.Version}, {"dataset hash", m.DatasetHash}} {
		if f.v == "" || strings.ContainsFunc(f.v, unicode.IsSpace) {
			return 0, fmt.Errorf("%s: %s %q: want one word without white space", ManifestName, f.name, f.v)
		}
	}
	if strings.ContainsAny(m.GoVersion, "\r\n") {
		return 0, fmt.Errorf("%s: Go version %q: a line end, want one line", ManifestName, m.GoVersion)
	}
	for _, e := range m.Entries {
		if strings.ContainsAny(e.Path, "\r\n") {
			return 0, fmt.Errorf("%s: output %q: a line end in a name, want one line per output", ManifestName, e.Path)
		}
	}
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

// MaxManifest is the largest MANIFEST ReadManifest reads: 16 MiB, some
// 150,000 outputs.
const MaxManifest = 16 << 20

// ReadManifest reads and parses the manifest file name. It must be a
// regular file of at most MaxManifest bytes (see package safefile): a
// FIFO or a device in its place is refused at once. Errors name the file.
func ReadManifest(name string) (*Manifest, error) {
	f, err := safefile.OpenRegular(name, MaxManifest)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	defer f.Close()
	m, err := ParseManifest(f)
	if err != nil {
		// ParseManifest's errors start "MANIFEST:LINE:COL".
		return nil, fmt.Errorf("%s%c%w", filepath.Dir(name), filepath.Separator, err)
	}
	return m, nil
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
// It must be a regular file of at most 2 GiB (safefile.MaxSize).
func SumFile(name string) (string, error) {
	f, err := safefile.OpenRegular(name, safefile.MaxSize)
	if err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
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
