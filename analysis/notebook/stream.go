package notebook

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"os"
	"strconv"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/notebook/cell"
)

// stream splits a notebook program's output into the outputs of each cell
// while the program runs. It is the program's standard output and standard
// error. Memory stays bounded: each cell may produce at most max bytes
// (text and record payloads, decoded) and all cells together at most
// maxTotal (when it is not 0); the first cell that passes a cap is
// recorded in over (overTotal says which cap), stop is called once and
// the rest is discarded. With a spool file the outputs are written to it
// as they come, and read back only by Close, so that while the program
// runs the stream holds no more than a record cut short.
type stream struct {
	maxTotal  int64
	total     int64 // bytes of output of all cells
	overTotal bool
	spool     *os.File
	spoolEnd  int64     // bytes written to spool
	spoolErr  error     // the first error writing or reading it
	spooled   []spooled // outputs whose text is in spool
	textAt    int64     // where the text being collected starts in spool, -1 if none
	res       *Result
	start     []byte // cell.RecordStart followed by the run's marker
	max       int64
	stop      func()
	pending   []byte          // bytes not yet parsed: a record or marker cut short
	seen      int             // pending has no newline before this offset
	size      []int64         // bytes of output of each cell
	cur       int             // the cell that began last (1-based), 0 before the first
	errMsg    string          // the message of an error record
	over      int             // the cell that passed the cap, 0 if none
	text      strings.Builder // text printed by cell textOf since its last record
	textOf    int
	pre       strings.Builder // text printed before the first cell (by an init), at most maxPre bytes
}

// spooled is an output whose text is in the spool file.
type spooled struct {
	cell, index int   // its place: res.Cells[cell][index]
	off, n      int64 // its bytes in the spool
}

// maxPre bounds the text kept from before the first cell.
const maxPre = 64 << 10

// newStream returns a stream for a program with n cells.
func newStream(n int, mark string, max int64, stop func()) *stream {
	return &stream{
		res:    &Result{Cells: make([][]Output, n)},
		start:  []byte(cell.RecordStart + mark),
		max:    max,
		stop:   stop,
		size:   make([]int64, n),
		textAt: -1,
	}
}

// Write parses what it can of p and keeps the rest for the next call.
func (s *stream) Write(p []byte) (int, error) {
	if s.over != 0 {
		return len(p), nil
	}
	s.pending = append(s.pending, p...)
	s.parse(false)
	// A record longer than any cell may produce can only pass the cap.
	if s.over == 0 && int64(len(s.pending)) > s.max/3*4+int64(len(s.start))+64 {
		s.exceed(max(s.cur, 1))
	}
	return len(p), nil
}

// Close parses what is left at the end of the output and reads the
// spooled outputs back.
func (s *stream) Close() error {
	if s.over == 0 {
		s.parse(true)
	}
	s.pending = nil
	s.flush()
	for _, o := range s.spooled {
		b := make([]byte, o.n)
		if _, err := s.spool.ReadAt(b, o.off); err != nil && s.spoolErr == nil {
			s.spoolErr = err
		}
		s.res.Cells[o.cell][o.index].Text = string(b)
	}
	s.spooled = nil
	return s.spoolErr
}

// put appends b to the spool and returns where it starts.
func (s *stream) put(b []byte) int64 {
	off := s.spoolEnd
	if _, err := s.spool.WriteAt(b, off); err != nil && s.spoolErr == nil {
		s.spoolErr = err
	}
	s.spoolEnd += int64(len(b))
	return off
}

// parse consumes complete text and records from pending. With final, an
// unfinished record is taken as it is.
func (s *stream) parse(final bool) {
	for len(s.pending) > 0 && s.over == 0 {
		i := bytes.IndexByte(s.pending, s.start[0])
		switch {
		case i < 0:
			s.add("text", s.pending)
			s.pending = s.pending[:0]
			return
		case i > 0:
			s.add("text", s.pending[:i])
			s.pending = s.pending[i:]
			continue
		}
		n := min(len(s.pending), len(s.start))
		if !bytes.Equal(s.pending[:n], s.start[:n]) {
			s.add("text", s.pending[:1]) // a separator that starts no record
			s.pending = s.pending[1:]
			continue
		}
		end := bytes.IndexByte(s.pending[s.seen:], '\n')
		if end >= 0 {
			end += s.seen
		}
		if n < len(s.start) || end < 0 {
			if !final {
				s.seen = len(s.pending) // no newline up to here
				return                  // wait for the rest of the record
			}
			end = len(s.pending)
		}
		s.seen = 0
		if n == len(s.start) {
			s.record(s.pending[len(s.start):end])
		}
		s.pending = s.pending[min(end+1, len(s.pending)):]
	}
}

// record handles one record: "KIND BASE64".
func (s *stream) record(line []byte) {
	kind, enc, _ := strings.Cut(string(line), " ")
	if kind != cell.KindBegin && kind != cell.KindError && !s.fits(int64(base64.StdEncoding.DecodedLen(len(enc)))) {
		return
	}
	payload, err := base64.StdEncoding.DecodeString(enc)
	if err != nil {
		return
	}
	switch kind {
	case cell.KindBegin:
		s.cur, _ = strconv.Atoi(string(payload))
	case cell.KindError:
		s.errMsg = string(payload)
	case cell.KindInline:
		n, v, _ := strings.Cut(string(payload), " ")
		if i, err := strconv.Atoi(n); err == nil && i >= 0 && i < 1<<20 {
			for len(s.res.Inline) <= i {
				s.res.Inline = append(s.res.Inline, "")
			}
			s.res.Inline[i] = v
		}
	case cell.KindClaim:
		n, text, _ := strings.Cut(string(payload), " ")
		line, _ := strconv.Atoi(n)
		s.res.Claims = append(s.res.Claims, Claim{Line: line, Text: text})
	case cell.KindEvidence:
		s.evidence(payload)
	case cell.KindPNG:
		s.png(payload)
	default:
		s.add(kind, payload)
	}
}

// evidence attaches the evidence record payload to the current cell's last
// output, the table it belongs to.
func (s *stream) evidence(payload []byte) {
	if s.cur < 1 || s.cur > len(s.res.Cells) {
		return
	}
	outs := s.res.Cells[s.cur-1]
	if len(outs) == 0 || outs[len(outs)-1].Kind != cell.KindTable {
		return
	}
	var ev []cell.Evidence
	if json.Unmarshal(payload, &ev) == nil {
		outs[len(outs)-1].Evidence = ev
	}
}

// fits counts n more bytes for the current cell and reports whether they
// stay within the cap; when they do not, the stream is stopped.
func (s *stream) fits(n int64) bool {
	if s.cur < 1 || s.cur > len(s.size) {
		return true
	}
	s.size[s.cur-1] += n
	s.total += n
	if s.size[s.cur-1] > s.max || s.maxTotal > 0 && s.total > s.maxTotal {
		s.overTotal = s.size[s.cur-1] <= s.max
		s.exceed(s.cur)
		return false
	}
	return true
}

// exceed records that cell c passed the cap and stops the program.
func (s *stream) exceed(c int) {
	s.over = c
	s.pending = nil
	if s.stop != nil {
		s.stop()
	}
}

// add appends an output to the current cell; consecutive text is joined.
// Text printed before the first cell begins (by the init of a package)
// is kept in pre, for the error of a program that fails there.
func (s *stream) add(kind string, b []byte) {
	if s.cur == 0 && kind == "text" {
		s.pre.Write(b[:min(len(b), maxPre-s.pre.Len())])
	}
	if s.cur < 1 || s.cur > len(s.res.Cells) || len(b) == 0 {
		return
	}
	if kind != "text" {
		s.flush()
		s.output(s.cur, kind, b)
		return
	}
	if !s.fits(int64(len(b))) {
		return
	}
	if s.textOf != s.cur {
		s.flush()
		s.textOf = s.cur
	}
	if s.spool == nil {
		s.text.Write(b)
		return
	}
	off := s.put(b)
	if s.textAt < 0 {
		s.textAt = off
	}
}

// output appends an output of kind with the text b to cell c.
func (s *stream) output(c int, kind string, b []byte) {
	outs := &s.res.Cells[c-1]
	if s.spool == nil {
		*outs = append(*outs, Output{Kind: kind, Text: string(b)})
		return
	}
	s.spooled = append(s.spooled, spooled{cell: c - 1, index: len(*outs), off: s.put(b), n: int64(len(b))})
	*outs = append(*outs, Output{Kind: kind})
}

// flush ends the text output being collected.
func (s *stream) flush() {
	switch {
	case s.spool != nil && s.textAt >= 0:
		outs := &s.res.Cells[s.textOf-1]
		s.spooled = append(s.spooled, spooled{cell: s.textOf - 1, index: len(*outs), off: s.textAt, n: s.spoolEnd - s.textAt})
		*outs = append(*outs, Output{Kind: "text"})
	case s.text.Len() > 0:
		s.output(s.textOf, "text", []byte(s.text.String()))
	}
	s.text.Reset()
	s.textAt = -1
}

// spoolFile returns a new file in dir that no other process can open: it
// is removed from dir as soon as it is open (and so vanishes with the
// renderer). The notebook program, which may write its scratch directory,
// cannot reach it.
func spoolFile(dir string) (*os.File, error) {
	f, err := os.CreateTemp(dir, ".nexus-spool-*")
	if err != nil {
		return nil, err
	}
	if err := os.Remove(f.Name()); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}
