package frontdoor

import (
	"bytes"
	"html"
	"regexp"
)

// envEntry matches one entry of the environment block: <dt>KEY</dt><dd>VALUE</dd>.
var envEntry = regexp.MustCompile(`<dt>([^<]*)</dt><dd>([^<]*)</dd>`)

// Environment finds the environment block of a page that WriteTo wrote
// and returns its entries, keyed by their lower-cased labels ("go",
// "os"), and the page with the block's content removed, which is what two
// builds of identical outputs share. ok is false when the page has no
// block.
func Environment(page []byte) (env [][2]string, masked []byte, ok bool) {
	start, end, ok := blockBounds(page)
	if !ok {
		return nil, page, false
	}
	for _, m := range envEntry.FindAllSubmatch(page[start:end], -1) {
		env = append(env, [2]string{string(bytes.ToLower(m[1])), html.UnescapeString(string(m[2]))})
	}
	masked = append(append([]byte(nil), page[:start]...), page[end:]...)
	return env, masked, true
}

// WithEnvironment returns page with the content of its environment block
// replaced by that of from's: the page as it would read had it been built
// where from was. ok is false, and page is returned as it is, when either
// has no block.
func WithEnvironment(page, from []byte) (out []byte, ok bool) {
	a0, a1, ok1 := blockBounds(page)
	b0, b1, ok2 := blockBounds(from)
	if !ok1 || !ok2 {
		return page, false
	}
	out = append(append(append([]byte(nil), page[:a0]...), from[b0:b1]...), page[a1:]...)
	return out, true
}

// blockBounds returns the start and end of the content of the page's
// environment block: the lines between envBegin's and envEnd's.
func blockBounds(page []byte) (start, end int, ok bool) {
	i := bytes.Index(page, []byte("\n"+envBegin+"\n"))
	if i < 0 {
		return 0, 0, false
	}
	start = i + len(envBegin) + 2
	n := bytes.Index(page[start:], []byte(envEnd+"\n"))
	if n < 0 {
		return 0, 0, false
	}
	return start, start + n, true
}
