package build

import (
	"bytes"
	"fmt"
	"strconv"
)

// maxShown is the most characters of a line that a difference quotes.
const maxShown = 100

// FirstDifference describes where the bytes committed and fresh first
// differ: for text, "line N: committed ...; fresh ..." with both lines
// quoted (cut around the first differing column when long); for binary
// data (a NUL byte in either), the byte offset. It returns "" when they
// are equal.
func FirstDifference(committed, fresh []byte) string {
	if bytes.Equal(committed, fresh) {
		return ""
	}
	n := 0
	for n < len(committed) && n < len(fresh) && committed[n] == fresh[n] {
		n++
	}
	if bytes.IndexByte(committed, 0) >= 0 || bytes.IndexByte(fresh, 0) >= 0 {
		return fmt.Sprintf("first differing byte at offset %d (of %d committed, %d fresh)", n, len(committed), len(fresh))
	}
	start := bytes.LastIndexByte(committed[:n], '\n') + 1
	line := bytes.Count(committed[:start], []byte("\n")) + 1
	return fmt.Sprintf("line %d: committed %s; fresh %s", line, shown(committed, start, n), shown(fresh, start, n))
}

// shown quotes the line of b that starts at start, cut to about maxShown
// characters around the offset at (where the two texts part).
func shown(b []byte, start, at int) string {
	end := bytes.IndexByte(b[start:], '\n')
	if end < 0 {
		end = len(b)
	} else {
		end += start
	}
	if start >= len(b) || start == end {
		if start >= len(b) {
			return "(end of file)"
		}
		return `""`
	}
	lo, hi := start, end
	prefix, suffix := "", ""
	if hi-lo > maxShown {
		if at-lo > maxShown/2 {
			lo, prefix = at-maxShown/2, "..."
		}
		if hi-lo > maxShown {
			hi, suffix = lo+maxShown, "..."
		}
	}
	return prefix + strconv.Quote(string(b[lo:hi])) + suffix
}
