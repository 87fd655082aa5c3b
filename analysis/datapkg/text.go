package datapkg

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Errors of the rules of this file, wrapped by a Problem's Err.
var (
	ErrFormat  = errors.New("invisible format character")
	ErrBlank   = errors.New("only white space")
	ErrOrder   = errors.New("ends before it starts")
	ErrVersion = errors.New("version is not semantic")
)

// Format characters. Unicode's category Cf holds characters that print
// nothing but change how the text around them is shown or compared: the
// bidirectional controls U+202A to U+202E and U+2066 to U+2069, which can
// make a cell read backwards; the zero-width space, joiners and marks
// U+200B to U+200F and U+2060 to U+2064; the soft hyphen; a byte order
// mark U+FEFF anywhere but at the start of the file; and the rest of the
// category. A reviewer cannot see them, Ctrl-F does not find a quote that
// holds one, and they reach every output, so each is reported where it
// stands, as control characters are (ErrFormat).

// formatNames names the format characters most often met.
var formatNames = map[rune]string{
	0x00AD: "SOFT HYPHEN", 0x061C: "ARABIC LETTER MARK", 0x180E: "MONGOLIAN VOWEL SEPARATOR",
	0x200B: "ZERO WIDTH SPACE", 0x200C: "ZERO WIDTH NON-JOINER", 0x200D: "ZERO WIDTH JOINER",
	0x200E: "LEFT-TO-RIGHT MARK", 0x200F: "RIGHT-TO-LEFT MARK",
	0x202A: "LEFT-TO-RIGHT EMBEDDING", 0x202B: "RIGHT-TO-LEFT EMBEDDING", 0x202C: "POP DIRECTIONAL FORMATTING",
	0x202D: "LEFT-TO-RIGHT OVERRIDE", 0x202E: "RIGHT-TO-LEFT OVERRIDE",
	0x2060: "WORD JOINER", 0x2061: "FUNCTION APPLICATION", 0x2062: "INVISIBLE TIMES", 0x2063: "INVISIBLE SEPARATOR", 0x2064: "INVISIBLE PLUS",
	0x2066: "LEFT-TO-RIGHT ISOLATE", 0x2067: "RIGHT-TO-LEFT ISOLATE", 0x2068: "FIRST STRONG ISOLATE", 0x2069: "POP DIRECTIONAL ISOLATE",
	0xFEFF: "BYTE ORDER MARK",
}

// formatError says what is wrong with the format character r.
func formatError(r rune) error {
	name := formatNames[r]
	if name == "" {
		name = "format character"
	}
	return fmt.Errorf("%w U+%04X (%s), want text without invisible format characters (bidi controls, zero-width characters, a byte order mark inside the file)", ErrFormat, r, name)
}

// formatOffsets returns the offsets of the format characters in d from
// offset from on. Eight bytes are tested at a time: only a word with a
// non-ASCII byte is decoded.
func formatOffsets(d []byte, from int) []int {
	var offs []int
	i := from
	for i < len(d) {
		if i+8 <= len(d) && binary.LittleEndian.Uint64(d[i:])&0x8080808080808080 == 0 {
			i += 8
			continue
		}
		if d[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(d[i:])
		if unicode.Is(unicode.Cf, r) {
			offs = append(offs, i)
		}
		i += n
	}
	return offs
}

// formats reports every format character of the table's file (after a
// leading byte order mark) at its line and column.
func (t *Table) formats(file string, add func(*Problem)) {
	from := 0
	if bytes.HasPrefix(t.raw, bom) {
		from = len(bom)
	}
	if offs := formatOffsets(t.raw, from); len(offs) > 0 {
		t.charProblems(file, offs, formatError, add)
	}
}

// isBlank reports whether s is white space only, after folding: spaces,
// tabs, line ends, no-break spaces and the other Unicode spaces.
func isBlank(s string) bool {
	return strings.TrimFunc(s, unicode.IsSpace) == ""
}

// blank reports the value s of row r of a required field when it is
// white space only: a quote or a name of spaces is as missing as an
// empty cell, and would match any text.
func (fc *fieldCheck) blank(r int, s string) bool {
	if !isBlank(s) {
		return false
	}
	fc.bad(r, s, fmt.Errorf("%w: %w, want a value", ErrRequired, ErrBlank))
	return true
}

// Ranges. A field NAME_end whose schema also has NAME or NAME_start, of
// the same ordered type, closes a range that the other opens: page and
// page_end, period_start and period_end. In a row where both hold a
// value the end must not come before the start (ErrOrder). Integers,
// years and numbers compare by value; dates at a precision (see
// isDatePattern) at the coarser of the two precisions, so 2014 and
// 2014-05 are in order both ways.

// rangeStart returns the index of the field that opens the range the
// field end closes, or -1.
func rangeStart(s *Schema, end *Field) int {
	base, ok := strings.CutSuffix(end.Name, "_end")
	if !ok || base == "" {
		return -1
	}
	for _, name := range []string{base, base + "_start"} {
		if i := s.FieldIndex(name); i >= 0 {
			f := s.Fields[i]
			switch {
			case f.Type != end.Type:
			case f.Type == "integer", f.Type == "year", f.Type == "number":
				return i
			case f.Type == "string" && f.date && end.date:
				return i
			}
		}
	}
	return -1
}

// ranges checks every range of the table (see rangeStart) in every row.
func (t *Table) ranges(file string, add func(*Problem)) {
	s := t.Resource.Schema
	for ei, end := range s.Fields {
		si := rangeStart(s, end)
		if si < 0 || t.col[si] < 0 || t.col[ei] < 0 {
			continue
		}
		start := s.Fields[si]
		for r := range t.Len() {
			if t.IsMissing(r, si) || t.IsMissing(r, ei) {
				continue
			}
			a, b := t.textAt(r, t.col[si]), t.textAt(r, t.col[ei])
			if !before(t, start, si, ei, r, a, b) {
				continue
			}
			line, col := t.cellPos(r, ei)
			add(&Problem{Path: file, Line: line, Column: col, Field: end.Name, Value: b,
				Err: fmt.Errorf("%w: %s is %s, want %s >= %s", ErrOrder, start.Name, a, end.Name, start.Name)})
		}
	}
}

// before reports whether the end b of row r comes before its start a.
func before(t *Table, start *Field, si, ei, r int, a, b string) bool {
	switch start.Type {
	case "integer", "year":
		x, ok1 := t.Int(r, si)
		y, ok2 := t.Int(r, ei)
		return ok1 && ok2 && y < x
	case "number":
		x, ok1 := t.Float(r, si)
		y, ok2 := t.Float(r, ei)
		return ok1 && ok2 && y < x
	}
	n := min(len(a), len(b))
	return checkDate(a) == nil && checkDate(b) == nil && b[:n] < a[:n]
}

// semver is a semantic version, as semver.org 2.0.0 gives its grammar.
var semver = regexp.MustCompile(`^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)` +
	`(-(0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)(\.(0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*))*)?` +
	`(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$`)

// checkVersion reports a version that is not semantic (1.2.0,
// 2.0.0-rc.1), at its place in the descriptor: a version names the
// package's directory (vVERSION) and is written into the MANIFEST, so a
// newline or a space in it could forge a line there. An absent version
// is allowed, as Data Package allows it.
func checkVersion(file string, raw []byte, version string) *Problem {
	if version == "" || semver.MatchString(version) {
		return nil
	}
	line, col := lineCol(raw, topValueOffset(raw, "version"))
	return &Problem{Path: file, Line: line, Column: col, Field: "version", Value: version,
		Err: fmt.Errorf("%w, want MAJOR.MINOR.PATCH as semver.org gives it, such as \"1.2.0\"", ErrVersion)}
}

// topValueOffset returns the offset of the value of key in the top-level
// JSON object raw, or 0 when it is not there.
func topValueOffset(raw []byte, key string) int {
	d := json.NewDecoder(bytes.NewReader(raw))
	if t, err := d.Token(); err != nil || t != json.Delim('{') {
		return 0
	}
	for d.More() {
		k, err := d.Token()
		if err != nil {
			return 0
		}
		off := int(d.InputOffset())
		var v json.RawMessage
		if err := d.Decode(&v); err != nil {
			return 0
		}
		if k == key {
			return off + bytes.IndexAny(raw[off:], `"-0123456789tfn[{`)
		}
	}
	return 0
}
