package refi

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/nexus-toolkit/nexus/analysis/datapkg"
	"github.com/nexus-toolkit/nexus/analysis/qda"
)

// Limits bound what an import reads from an archive.
type Limits struct {
	MaxEntries int    // entries in the archive
	MaxFile    uint64 // uncompressed bytes of one entry
	MaxTotal   uint64 // uncompressed bytes of all entries read
	MaxRatio   uint64 // uncompressed/compressed size of an entry above 1 MiB
}

// DefaultLimits are generous for text projects and stop zip bombs.
var DefaultLimits = Limits{MaxEntries: 100000, MaxFile: 256 << 20, MaxTotal: 1 << 30, MaxRatio: 200}

// Sentinel errors of hostile or broken input.
var (
	ErrUnsafePath = errors.New("unsafe entry name")
	ErrTooLarge   = errors.New("archive entry too large")
	ErrRatio      = errors.New("archive entry compressed suspiciously well (zip bomb?)")
	ErrMissingRef = errors.New("reference to a GUID the project does not define")
	ErrXML        = errors.New("malformed XML")
)

// Report lists what an import left out or changed.
type Report struct {
	Skipped  []string // sources not imported, as "<kind> <name>: reason"
	Warnings []string
	// Dropped lists, with counts, the elements and attributes of the
	// input that a coding package does not carry (see Dropped).
	Dropped []string
}

// ImportCodebook reads a .qdc codebook.
func ImportCodebook(name string, r io.Reader, lim Limits) (*qda.Project, *Report, error) {
	b, err := readLimited(r, lim.MaxFile, name)
	if err != nil {
		return nil, nil, err
	}
	var cb xCodeBook
	if err := decode(name, b, &cb); err != nil {
		return nil, nil, err
	}
	im := newImporter(name)
	im.codes(cb.Codes.Code, "")
	if cb.Sets != nil {
		sets := &xSets{}
		for _, s := range cb.Sets.Set {
			xs := xSet{GUID: s.GUID, Name: s.Name, Description: s.Description}
			for _, m := range s.MemberCode {
				xs.MemberCode = append(xs.MemberCode, xRef{m.GUID})
			}
			sets.Set = append(sets.Set, xs)
		}
		im.sets(&xProject{Sets: sets}, nil)
	}
	if len(im.errs) > 0 {
		return nil, nil, im.errs
	}
	im.rep.Dropped = dropped(b, codebookCarried)
	p := &qda.Project{Name: slug(strings.TrimSuffix(path.Base(name), path.Ext(name)), "codebook"), Codes: im.p.Codes, Sets: im.p.Sets}
	return p, &im.rep, nil
}

// ImportProject reads a .qdpx archive of size bytes from r.
func ImportProject(name string, r io.ReaderAt, size int64, lim Limits) (*qda.Project, *Report, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: not a zip archive: %v", name, err)
	}
	if len(zr.File) > lim.MaxEntries {
		return nil, nil, fmt.Errorf("%s: %d entries, more than the limit of %d", name, len(zr.File), lim.MaxEntries)
	}
	var errs qda.Errors
	entries := map[string]*zip.File{}
	for _, f := range zr.File {
		if err := checkEntryName(f.Name); err != nil {
			errs = append(errs, fmt.Errorf("%s: entry %q: %w", name, f.Name, err))
			continue
		}
		if f.UncompressedSize64 > lim.MaxFile {
			errs = append(errs, fmt.Errorf("%s: entry %q: %d bytes uncompressed, more than the limit of %d: %w", name, f.Name, f.UncompressedSize64, lim.MaxFile, ErrTooLarge))
		}
		if f.UncompressedSize64 > 1<<20 && (f.CompressedSize64 == 0 || f.UncompressedSize64/f.CompressedSize64 > lim.MaxRatio) {
			errs = append(errs, fmt.Errorf("%s: entry %q: %d bytes from %d compressed: %w", name, f.Name, f.UncompressedSize64, f.CompressedSize64, ErrRatio))
		}
		if _, dup := entries[strings.ToLower(f.Name)]; dup {
			errs = append(errs, fmt.Errorf("%s: entry %q: %w: the archive holds it twice (names compare case-insensitively)", name, f.Name, ErrUnsafePath))
		}
		entries[strings.ToLower(f.Name)] = f
	}
	if len(errs) > 0 {
		return nil, nil, errs
	}
	var total uint64
	read := func(f *zip.File) ([]byte, error) {
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%s: entry %q: %v", name, f.Name, err)
		}
		defer rc.Close()
		b, err := readLimited(rc, lim.MaxFile, name+": entry "+strconv.Quote(f.Name))
		if err != nil {
			return nil, err
		}
		total += uint64(len(b))
		if total > lim.MaxTotal {
			return nil, fmt.Errorf("%s: more than %d bytes uncompressed in all: %w", name, lim.MaxTotal, ErrTooLarge)
		}
		return b, nil
	}
	qde := entries["project.qde"]
	if qde == nil {
		return nil, nil, fmt.Errorf("%s: no project.qde, expected a REFI-QDA project archive", name)
	}
	b, err := read(qde)
	if err != nil {
		return nil, nil, err
	}
	var x xProject
	if err := decode(name+": project.qde", b, &x); err != nil {
		return nil, nil, err
	}
	im := newImporter(name + ": project.qde")
	source := func(file string) ([]byte, error) {
		f := entries["sources/"+strings.ToLower(file)]
		if f == nil {
			return nil, fmt.Errorf("no entry sources/%s in the archive", file)
		}
		return read(f)
	}
	im.project(&x, source)
	if len(im.errs) == 0 {
		im.documentVariables(&x)
		im.memos(&x, source)
	}
	im.rep.Dropped = dropped(b, projectCarried)
	if len(im.errs) > 0 {
		return nil, nil, im.errs
	}
	if errs := im.p.Check(); len(errs) > 0 {
		return nil, nil, qda.Errors(errs)
	}
	return im.p, &im.rep, nil
}

// checkEntryName rejects names that could escape an extraction directory.
func checkEntryName(n string) error {
	switch {
	case n == "":
		return fmt.Errorf("empty name: %w", ErrUnsafePath)
	case strings.Contains(n, "\\"):
		return fmt.Errorf("backslash in name: %w", ErrUnsafePath)
	case strings.HasPrefix(n, "/") || len(n) > 1 && n[1] == ':':
		return fmt.Errorf("absolute path: %w", ErrUnsafePath)
	case strings.ContainsRune(n, 0):
		return fmt.Errorf("NUL in name: %w", ErrUnsafePath)
	}
	for _, part := range strings.Split(n, "/") {
		if part == ".." {
			return fmt.Errorf("\"..\" in path: %w", ErrUnsafePath)
		}
	}
	return nil
}

// readLimited reads at most max bytes and fails beyond.
func readLimited(r io.Reader, max uint64, name string) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if uint64(len(b)) > max {
		return nil, fmt.Errorf("%s: more than %d bytes uncompressed: %w", name, max, ErrTooLarge)
	}
	return b, nil
}

// decode parses XML strictly, reporting the line of a syntax error.
func decode(name string, b []byte, v any) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	d.Entity = nil
	if err := d.Decode(v); err != nil {
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			return &datapkg.Problem{Path: name, Line: se.Line, Err: fmt.Errorf("%w: %s", ErrXML, se.Msg)}
		}
		return &datapkg.Problem{Path: name, Err: fmt.Errorf("%w: %v", ErrXML, err)}
	}
	// Reject trailing content after the root element.
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w: %v", name, ErrXML, err)
		}
		switch t := tok.(type) {
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return fmt.Errorf("%s: %w: text after the root element", name, ErrXML)
			}
		case xml.StartElement:
			return fmt.Errorf("%s: %w: a second root element <%s>", name, ErrXML, t.Name.Local)
		}
	}
}

type importer struct {
	file  string
	p     *qda.Project
	errs  qda.Errors
	rep   Report
	ids   map[string]map[string]bool // kind -> used ids
	guids map[string]string          // GUID (upper) -> kind
	code  map[string]string          // GUID -> code id
	// Filled while reading a project, for notes and sets:
	user    map[string]string // user GUID -> coder id
	source  map[string]string // source GUID -> source id
	varIdx  map[string]int    // variable GUID -> index in Project.Variables
	coderOf func(guid string) string
}

func newImporter(file string) *importer {
	return &importer{file: file, p: &qda.Project{}, ids: map[string]map[string]bool{}, guids: map[string]string{}, code: map[string]string{},
		user: map[string]string{}, source: map[string]string{}, varIdx: map[string]int{}}
}

// errorf records a problem.
func (im *importer) errorf(format string, args ...any) {
	im.errs = append(im.errs, fmt.Errorf("%s: %w", im.file, fmt.Errorf(format, args...)))
}

// define registers a GUID and reports duplicates and bad syntax.
func (im *importer) define(kind, guid string) string {
	g := normGUID(guid)
	if !guidOK(g) {
		im.errorf("%s GUID %q: expected 8-4-4-4-12 hexadecimal digits", kind, guid)
	}
	if prev, ok := im.guids[g]; ok {
		im.errorf("%s GUID %s: already used by a %s", kind, guid, prev)
	}
	im.guids[g] = kind
	return g
}

// normGUID strips braces and lower-cases a GUID.
func normGUID(g string) string {
	g = strings.TrimSpace(g)
	g = strings.TrimPrefix(strings.TrimSuffix(g, "}"), "{")
	return strings.ToLower(g)
}

func guidOK(g string) bool {
	if len(g) != 36 {
		return false
	}
	for i, r := range g {
		if i == 8 || i == 13 || i == 18 || i == 23 {
			if r != '-' {
				return false
			}
		} else if !strings.ContainsRune("0123456789abcdef", r) {
			return false
		}
	}
	return true
}

// newID makes a readable, unique id of a kind from a name.
func (im *importer) newID(kind, name string, n int) string {
	used := im.ids[kind]
	if used == nil {
		used = map[string]bool{}
		im.ids[kind] = used
	}
	base := slug(name, kind+"-"+strconv.Itoa(n))
	id := base
	for i := 2; used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	used[id] = true
	return id
}

// slug lower-cases name to ASCII letters and digits separated by single
// hyphens, at most 40 bytes; it returns fallback when nothing is left.
func slug(name, fallback string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			if b.Len() >= 40 {
				break
			}
		} else {
			dash = true
		}
	}
	if b.Len() == 0 {
		return fallback
	}
	return b.String()
}

func (im *importer) codes(xs []xCode, parent string) {
	for _, x := range xs {
		g := im.define("code", x.GUID)
		id := im.newID("code", x.Name, len(im.p.Codes)+1)
		im.code[g] = id
		im.p.Codes = append(im.p.Codes, qda.Code{ID: id, Name: x.Name, Parent: parent, Description: x.Description,
			Color: x.Color, Codable: x.IsCodable, GUID: g})
		im.codes(x.Code, id)
	}
}

// segment adds one segment for a coding.
func (im *importer) segment(c xCoding, source, selection string, start, end int, selUser string, coderOf func(string) string) {
	cg := im.define("coding", c.GUID)
	code, ok := im.code[normGUID(c.CodeRef.Target)]
	if !ok {
		im.errorf("Coding %s: CodeRef %s: %w", c.GUID, c.CodeRef.Target, ErrMissingRef)
		return
	}
	coder := coderOf(c.CreatingUser)
	if coder == "" {
		coder = selUser
	}
	im.p.Segments = append(im.p.Segments, qda.Segment{ID: "seg-" + strconv.Itoa(len(im.p.Segments)+1), Source: source,
		Code: code, Coder: coder, Start: start, End: end, Selection: selection, GUID: cg})
}

// or returns name, or id when name is empty: exports write the id where
// an object has no name, so an import names it by its id to round-trip.
func or(name, id string) string {
	if name == "" {
		return id
	}
	return name
}
