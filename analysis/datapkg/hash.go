package datapkg

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/nexus-toolkit/nexus/analysis/build"
	"github.com/nexus-toolkit/nexus/analysis/safefile"
)

// FileHash is the declared and the actual hash of one resource file.
type FileHash struct {
	Resource string
	Path     string // the file: package directory joined with the resource path
	Declared string // as the descriptor gives it, "" when absent
	Actual   string // "sha256:<hex>" of the file, "" when it cannot be read
	Err      error  // why the file could not be read

	dir, rel string // the package directory and the resource path in it
}

// OK reports whether the declared hash matches the file, in the declared
// algorithm.
func (h FileHash) OK() bool {
	if h.Declared == "" || h.Err != nil {
		return false
	}
	alg, want, err := splitHash(h.Declared)
	if err != nil {
		return false
	}
	if alg == "sha256" {
		return "sha256:"+want == h.Actual
	}
	f, err := safefile.Open(h.dir, h.rel, maxFile)
	if err != nil {
		return false
	}
	defer f.Close()
	d := newHash(alg)
	if _, err := io.Copy(d, f); err != nil {
		return false
	}
	return hex.EncodeToString(d.Sum(nil)) == want
}

// Hashes computes the sha256 of every resource file of the package in dir.
// Files are streamed, and opened as Read opens them: inside the package
// after symbolic links, regular files of at most 2 GiB. The problems of
// the descriptor, if any, are returned (Problems) with the hashes of the
// resources it could read.
func Hashes(dir string) ([]FileHash, error) {
	p, err := Open(dir)
	if p == nil {
		return nil, err
	}
	var out []FileHash
	for _, r := range p.Resources {
		h := FileHash{Resource: r.Name, Path: r.file, Declared: r.Hash, dir: dir, rel: r.Path}
		if r.file == "" {
			h.Path = p.Descriptor // the resource has no file to name
			h.Err = fmt.Errorf("%w: resource %s has no usable path", ErrDescriptor, r.Name)
		} else if f, err := safefile.Open(dir, r.Path, maxFile); err != nil {
			h.Err = readProblem(r, err).Err
		} else {
			d := sha256.New()
			_, h.Err = io.Copy(d, f)
			f.Close()
			if h.Err == nil {
				h.Actual = "sha256:" + hex.EncodeToString(d.Sum(nil))
			}
		}
		out = append(out, h)
	}
	return out, err
}

// RehashHint is what a hash mismatch suggests: to record the new hashes
// with `nexus hash -w DIR` when the change is meant, in a version not yet
// published.
func RehashHint(dir string) string {
	return "if a file was changed on purpose in an unpublished version, record its hash with: nexus hash -w " + dir
}

// RehashOptions controls Rehash.
type RehashOptions struct {
	// Force rewrites the hashes of a published version too (see
	// Published), which is otherwise refused.
	Force bool
}

// Rehash sets the hash of every resource of the package in dir to the
// sha256 of its file and rewrites datapackage.json when one changed. Only
// the hash values change: each existing "hash" value is replaced in place
// and a missing one is inserted after the resource's "path", in the style
// (indentation, separators) of that line, so the rest of the file keeps
// its bytes. The file is written to a temporary file in the same
// directory and renamed into place.
//
// Rehash is for authoring a new version of a dataset; a published
// version is read-only. It refuses, with a *Problem naming the
// descriptor and the reason, before computing anything:
//
//   - a published version (ErrPublished), unless opt.Force is set;
//   - a descriptor that is a symbolic link (ErrLink): renaming the new
//     file into place would replace the link with a plain file, and
//     writing through it would change the file it points to.
func Rehash(dir string, opt RehashOptions) (hashes []FileHash, changed bool, err error) {
	name := filepath.Join(dir, DescriptorName)
	if fi, err := os.Lstat(name); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		target, _ := os.Readlink(name)
		return nil, false, &Problem{Path: name, Err: fmt.Errorf("%w: it points to %s, and writing would replace the link with a plain file; rewrite the target in its own package, or replace the link with a copy first", ErrLink, target)}
	}
	if !opt.Force {
		rel, err := Published(dir)
		if err != nil {
			return nil, false, err
		}
		if rel != nil {
			return nil, false, &Problem{Path: name, Err: fmt.Errorf("%w: version %s has an entry in %s:%d (%q), and a published version is read-only; copy it to a new version directory, or force the rewrite", ErrPublished, rel.Version, rel.File, rel.Line, rel.Heading)}
		}
	}
	hashes, err = Hashes(dir)
	if err != nil {
		return nil, false, err
	}
	for _, h := range hashes {
		if h.Err != nil {
			return hashes, false, fmt.Errorf("%s: %w", h.Path, h.Err)
		}
	}
	raw, err := safefile.ReadFile(dir, DescriptorName, maxDescriptor)
	if err != nil {
		return hashes, false, fmt.Errorf("%s: %w", name, err)
	}
	want := make([]string, len(hashes))
	for i, h := range hashes {
		want[i] = h.Actual
	}
	out, err := setHashes(raw, want)
	if err != nil {
		return hashes, false, fmt.Errorf("%s: %w", name, err)
	}
	if bytes.Equal(out, raw) {
		return hashes, false, nil
	}
	if err := build.Rewrite(name, out); err != nil {
		return hashes, false, err
	}
	for i := range hashes {
		hashes[i].Declared = hashes[i].Actual
	}
	return hashes, true, nil
}

// edit replaces raw[from:to] with text.
type edit struct {
	from, to int
	text     string
}

// setHashes returns the descriptor raw with the hash of resource i set to
// hashes[i].
func setHashes(raw []byte, hashes []string) ([]byte, error) {
	e := &hashEditor{raw: raw, dec: json.NewDecoder(bytes.NewReader(raw))}
	e.dec.UseNumber()
	if t, err := e.tok(); err != nil {
		return nil, err
	} else if t != json.Delim('{') {
		return nil, fmt.Errorf("%w: top level is not an object", ErrDescriptor)
	}
	for e.dec.More() {
		k, err := e.tok()
		if err != nil {
			return nil, err
		}
		v, err := e.tok()
		if err != nil {
			return nil, err
		}
		if k != "resources" || v != json.Delim('[') {
			if err := e.skip(v); err != nil {
				return nil, err
			}
			continue
		}
		if err := e.resources(hashes); err != nil {
			return nil, err
		}
	}
	slices.SortFunc(e.edits, func(a, b edit) int { return b.from - a.from })
	out := slices.Clone(raw)
	for _, ed := range e.edits {
		out = slices.Concat(out[:ed.from], []byte(ed.text), out[ed.to:])
	}
	if !json.Valid(out) {
		return nil, fmt.Errorf("%w: rewriting the hashes broke the JSON", ErrDescriptor)
	}
	return out, nil
}

// hashEditor walks the tokens of a descriptor and collects the edits
// that set the hashes of its resources.
type hashEditor struct {
	raw   []byte
	dec   *json.Decoder
	edits []edit
}

// tok reads the next token; a syntax error is a descriptor problem.
func (e *hashEditor) tok() (json.Token, error) {
	t, err := e.dec.Token()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrDescriptor, err)
	}
	return t, nil
}

// skip consumes one value whose first token t has been read.
func (e *hashEditor) skip(t json.Token) error {
	d, ok := t.(json.Delim)
	if !ok || d == '}' || d == ']' {
		return nil
	}
	for {
		t, err := e.tok()
		if err != nil {
			return err
		}
		if d, ok := t.(json.Delim); ok && (d == '}' || d == ']') {
			return nil
		}
		if err := e.skip(t); err != nil {
			return err
		}
	}
}

// resources walks the resources array, whose '[' has been read, up to and
// including its ']', setting the hash of resource i to hashes[i].
func (e *hashEditor) resources(hashes []string) error {
	for i := 0; e.dec.More(); i++ {
		t, err := e.tok()
		if err != nil {
			return err
		}
		if t != json.Delim('{') || i >= len(hashes) {
			if err := e.skip(t); err != nil {
				return err
			}
			continue
		}
		if err := e.resource(hashes[i]); err != nil {
			return err
		}
	}
	_, err := e.tok() // ']'
	return err
}

// resource walks one resource object, whose '{' has been read, up to and
// including its '}'. It replaces a "hash" value that differs from hash,
// or, when there is none, inserts one after "path" in the style
// (separator before the key, colon) of that line.
func (e *hashEditor) resource(hash string) error {
	raw := e.raw
	var pathKey, pathEnd, colon = -1, -1, ": "
	found := false
	for e.dec.More() {
		before := int(e.dec.InputOffset())
		k, err := e.tok()
		if err != nil {
			return err
		}
		afterKey := int(e.dec.InputOffset())
		v, err := e.tok()
		if err != nil {
			return err
		}
		end := int(e.dec.InputOffset())
		switch k {
		case "path":
			pathKey = keyStart(raw, before)
			pathEnd = end
			colon = string(raw[afterKey:valueStart(raw, afterKey)])
		case "hash":
			found = true
			if s, ok := v.(string); !ok || s != hash {
				e.edits = append(e.edits, edit{valueStart(raw, afterKey), end, jsonString(hash)})
			}
		}
		if err := e.skip(v); err != nil {
			return err
		}
	}
	if _, err := e.tok(); err != nil { // '}'
		return err
	}
	if !found && pathEnd >= 0 {
		ws := pathKey
		for ws > 0 && isSpace(raw[ws-1]) {
			ws--
		}
		sep := string(raw[ws:pathKey])
		if sep == "" {
			sep = " "
		}
		e.edits = append(e.edits, edit{pathEnd, pathEnd, "," + sep + `"hash"` + colon + jsonString(hash)})
	}
	return nil
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// keyStart returns the offset of the opening quote of the key that
// follows offset off (after the previous token, a ',' may come first).
func keyStart(raw []byte, off int) int {
	for off < len(raw) && (isSpace(raw[off]) || raw[off] == ',' || raw[off] == '{') {
		off++
	}
	return off
}

// valueStart returns the offset of the value that follows a key ending at off.
func valueStart(raw []byte, off int) int {
	for off < len(raw) && (isSpace(raw[off]) || raw[off] == ':') {
		off++
	}
	return off
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// ContentHash returns the digest that identifies the package's content:
// "sha256:<hex>" of the bytes of datapackage.json followed by the bytes of
// each resource file in descriptor order, concatenated with nothing in
// between, so that
//
//	cat datapackage.json organizations.csv relations.csv ... | sha256sum
//
// (files in the order of the descriptor's resources) gives the same hex.
// The resources must have been read (Read or Validate); one that was not
// adds nothing.
func (p *Package) ContentHash() string {
	h := sha256.New()
	h.Write(p.Raw())
	for _, r := range p.Resources {
		if r.Table != nil {
			h.Write(r.Table.Bytes())
		}
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}
