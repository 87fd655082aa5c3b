package notebook

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/notebook/cell"
)

// stream splits a notebook program's output into the outputs of each cell
// while the program runs. It is the program's standard output and standard
// error. Memory stays bounded: each cell may produce at most max bytes
// (text and record payloads, decoded); the first cell that passes the cap
// is recorded in over, stop is called once and the rest is discarded.
type stream struct {
	res     *Result
	start   []byte // cell.RecordStart followed by the run's marker
	max     int64
	stop    func()
	pending []byte          // bytes not yet parsed: a record or marker cut short
	seen    int             // pending has no newline before this offset
	size    []int64         // bytes of output of each cell
	cur     int             // the cell that began last (1-based), 0 before the first
	errMsg  string          // the message of an error record
	over    int             // the cell that passed the cap, 0 if none
	text    strings.Builder // text printed by cell textOf since its last record
	textOf  int
}

// newStream returns a stream for a program with n cells.
func newStream(n int, mark string, max int64, stop func()) *stream {
	return &stream{
		res:   &Result{Cells: make([][]Output, n)},
		start: []byte(cell.RecordStart + mark),
		max:   max,
		stop:  stop,
		size:  make([]int64, n),
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

// Close parses what is left at the end of the output.
func (s *stream) Close() error {
	if s.over == 0 {
		s.parse(true)
	}
	s.pending = nil
	s.flush()
	return nil
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
	if s.size[s.cur-1] > s.max {
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
// Output before the first cell begins is dropped.
func (s *stream) add(kind string, b []byte) {
	if s.cur < 1 || s.cur > len(s.res.Cells) || len(b) == 0 {
		return
	}
	if kind != "text" {
		s.flush()
		s.res.Cells[s.cur-1] = append(s.res.Cells[s.cur-1], Output{Kind: kind, Text: string(b)})
		return
	}
	if !s.fits(int64(len(b))) {
		return
	}
	if s.textOf != s.cur {
		s.flush()
		s.textOf = s.cur
	}
	s.text.Write(b)
}

// flush ends the text output being collected.
func (s *stream) flush() {
	if s.text.Len() > 0 {
		s.res.Cells[s.textOf-1] = append(s.res.Cells[s.textOf-1], Output{Kind: "text", Text: s.text.String()})
	}
	s.text.Reset()
}
