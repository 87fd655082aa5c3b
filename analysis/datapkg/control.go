package datapkg

import (
	"encoding/binary"
	"fmt"
	"sort"
	"unicode/utf8"
)

// Control characters. A CSV file of a package may hold tab, line feed
// and carriage return (line ends, and line breaks inside quoted fields,
// as RFC 4180 and Table Schema allow); every other control character is
// reported where it stands, as ErrControl: the C0 controls U+0000 to
// U+001F (NUL among them), DEL U+007F and the C1 controls U+0080 to
// U+009F. They are invisible in a spreadsheet, and they break the
// formats the data is written to (DOT, LaTeX, XML).

// ctrlClass is 1 for a byte that is a control character by itself and 2
// for 0xC2, the first byte of the C1 controls in UTF-8.
var ctrlClass = func() (c [256]uint8) {
	for b := 0; b < 0x20; b++ {
		c[b] = 1
	}
	c['\t'], c['\n'], c['\r'] = 0, 0, 0
	c[0x7F] = 1
	c[0xC2] = 2
	return c
}()

// The scanner finds control characters as it splits a file: the bytes
// of ctrlClass stop its loop over an unquoted field (scanner.control),
// and the body of a quoted field, which it skips with IndexByte, is
// scanned by ctrlSpan. A file without them costs nothing more.

// control records offset j when a control character starts there, and
// reports whether the byte is one of ctrlClass (not a delimiter, line
// feed or quote), so that the caller goes on past it.
func (s *scanner) control(j int) bool {
	c := s.d[j]
	if c == s.delim || c == '\n' || c == '"' || ctrlClass[c] == 0 {
		return false
	}
	if c != 0xC2 || j+1 < len(s.d) && s.d[j+1] >= 0x80 && s.d[j+1] <= 0x9F {
		s.ctrl = append(s.ctrl, j)
	}
	return true
}

// skip goes on to the next delimiter or line feed from i, recording the
// control characters on the way, and returns where it stopped.
func (s *scanner) skip(i int) int {
	for i < len(s.d) && s.d[i] != s.delim && s.d[i] != '\n' {
		if ctrlClass[s.d[i]] != 0 {
			s.control(i)
		}
		i++
	}
	return i
}

// ctrlSpan appends the offsets of the control characters in d[from:to]
// to ctrl. Eight bytes are tested at a time: only a word with a byte
// below 0x20, a DEL or a non-ASCII byte is looked at byte by byte.
func ctrlSpan(d []byte, from, to int, ctrl []int) []int {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	i := from
	for ; i+8 <= to; i += 8 {
		x := binary.LittleEndian.Uint64(d[i:])
		below := (x - 0x20*lo) &^ x & hi // a byte < 0x20 (exact for "any")
		y := x ^ 0x7F*lo
		del := (y - lo) &^ y & hi // a byte == 0x7F
		if below|del|x&hi == 0 {
			continue
		}
		ctrl = ctrlBytes(d, i, i+8, to, ctrl)
	}
	return ctrlBytes(d, i, to, to, ctrl)
}

// ctrlBytes appends the offsets of the control characters that start in
// d[i:j]; a C1 control must end before limit.
func ctrlBytes(d []byte, i, j, limit int, ctrl []int) []int {
	for ; i < j; i++ {
		switch ctrlClass[d[i]] {
		case 1:
			ctrl = append(ctrl, i)
		case 2:
			if i+1 < limit && d[i+1] >= 0x80 && d[i+1] <= 0x9F {
				ctrl = append(ctrl, i)
			}
		}
	}
	return ctrl
}

// c0Names are the abbreviations of the C0 controls.
var c0Names = [32]string{"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR", "SO", "SI",
	"DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US"}

// controlName names a control character: "U+0000 (NUL)".
func controlName(r rune) string {
	switch {
	case r < 0x20:
		return fmt.Sprintf("U+%04X (%s)", r, c0Names[r])
	case r == 0x7F:
		return "U+007F (DEL)"
	}
	return fmt.Sprintf("U+%04X (C1 control)", r)
}

// controls reports each control character at its line and column, with
// the field and the cell it is in when it is in a row that was read.
func (t *Table) controls(file string, offs []int, add func(*Problem)) {
	t.charProblems(file, offs, func(r rune) error {
		return fmt.Errorf("%w %s, want text without control characters (tab, line feed and carriage return are allowed)", ErrControl, controlName(r))
	}, add)
}

// charProblems reports the character at each offset of offs (ascending)
// at its line and column, with the field and the cell it is in when it is
// in a row that was read, and the error errFor gives for it.
func (t *Table) charProblems(file string, offs []int, errFor func(rune) error, add func(*Problem)) {
	line, at := 1, 0
	cc := &colCounter{raw: t.raw}
	for _, off := range offs {
		line += countLF(t.raw[at:off])
		at = off
		r, _ := utf8.DecodeRune(t.raw[off:])
		p := &Problem{Path: file, Line: line, Column: cc.at(off), Err: errFor(r)}
		if row, c := t.cellAt(off); row >= 0 {
			for fi, col := range t.col {
				if col == c {
					p.Field = t.Resource.Schema.Fields[fi].Name
					p.Value = t.textAt(row, c)
				}
			}
		}
		add(p)
	}
}

// countLF counts the line feeds in b.
func countLF(b []byte) int {
	n := 0
	for _, c := range b {
		if c == '\n' {
			n++
		}
	}
	return n
}

// cellAt returns the row and file column of the cell that holds byte
// offset off, or -1 when off is in the header or a row left out.
func (t *Table) cellAt(off int) (row, col int) {
	if t.ncol == 0 {
		return -1, 0
	}
	row = sort.Search(len(t.ends), func(r int) bool { return int(t.ends[r]) >= off })
	if row == len(t.ends) || int(t.starts[row*t.ncol]) > off {
		return -1, 0
	}
	col = 0
	for c := 1; c < t.ncol; c++ {
		if int(t.starts[row*t.ncol+c]) <= off {
			col = c
		}
	}
	return row, col
}
