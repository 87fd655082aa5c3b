// Package quotes checks that the quoted evidence of a data package is
// verbatim in the paged text it quotes.
//
// A row of evidence names a page and carries a short quote; a reviewer should
// find the quote with Ctrl-F on that page. Check proves it for every such row:
// it splits the source text into pages (Split), reads each quoted field of the
// package (Field says which field holds the quote and which fields give its
// pages) and reports every quote that is not on its page as a Miss, printed
//
//	datasets/ttp-alliances/v1.1.0/relations.csv:12: page 3: quote not found
//
// Comparison is verbatim up to runs of white space, which are folded to one
// space on both sides, so line breaks and hyphen-free reflowing of a text
// copy do not matter but every word, letter case and punctuation mark does.
//
// The package knows no study: the study layer says which fields are quotes.
// PDF is not read here; `pdftotext -layout paper.pdf paper.txt` (poppler-utils)
// writes a form feed between pages, which Split recognises.
package quotes

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/safefile"
)

// Paper is a text split into pages. Page numbers start at 1.
type Paper struct {
	pages []string // pages[0] is unused; every page with white space folded
}

// SplitOptions says how a text is cut into pages.
type SplitOptions struct {
	// PageMark, when set, is a line (compared after trimming white space)
	// that starts every page, such as a running header; the mark itself
	// is not part of the page and text before the first mark is dropped.
	// When empty, pages are separated by form feeds ("\f"), as pdftotext
	// writes them.
	PageMark string
}

// ErrNoPages is returned by Split for a text that the options cannot cut
// into pages.
var ErrNoPages = errors.New("no page breaks")

// Split cuts text into pages.
func Split(text string, opt SplitOptions) (*Paper, error) {
	var raw []string
	if opt.PageMark == "" {
		if !strings.Contains(text, "\f") {
			return nil, fmt.Errorf("%w: the text has no form feeds; give the line that starts each page (a page mark)", ErrNoPages)
		}
		raw = strings.Split(strings.TrimSuffix(text, "\f"), "\f")
	} else {
		raw = splitAtMark(text, strings.TrimSpace(opt.PageMark))
		if len(raw) == 0 {
			return nil, fmt.Errorf("%w: no line reads %q", ErrNoPages, opt.PageMark)
		}
	}
	p := &Paper{pages: make([]string, 1, len(raw)+1)}
	for _, pg := range raw {
		p.pages = append(p.pages, fold(pg))
	}
	return p, nil
}

// splitAtMark returns the text of each page that starts with a line equal
// to mark; text before the first mark is not a page.
func splitAtMark(text, mark string) []string {
	var out []string
	var cur []string
	started := false
	for _, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == mark {
			if started {
				out = append(out, strings.Join(cur, "\n"))
			}
			cur, started = cur[:0], true
			continue
		}
		cur = append(cur, line)
	}
	if started {
		out = append(out, strings.Join(cur, "\n"))
	}
	return out
}

// MaxPaper is the largest copy of a paper ReadFile reads: 64 MiB of text.
const MaxPaper = 64 << 20

// ReadFile reads and splits a plain-text file. A PDF is refused with the
// command that turns it into text. The file must be a regular file of at
// most MaxPaper bytes (see package safefile): a FIFO or a device such as
// /dev/zero is refused at once.
func ReadFile(path string, opt SplitOptions) (*Paper, error) {
	if strings.EqualFold(filepath.Ext(path), ".pdf") {
		return nil, fmt.Errorf("%s: a PDF, expected plain text: run `pdftotext -layout %s out.txt` (Debian poppler-utils; it separates pages by form feeds) and give out.txt", path, path)
	}
	b, err := safefile.ReadRegular(path, MaxPaper)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	p, err := Split(string(b), opt)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return p, nil
}

// Pages returns the number of pages.
func (p *Paper) Pages() int { return len(p.pages) - 1 }

// Page returns page n with white space folded, or "" when there is no
// such page.
func (p *Paper) Page(n int) string {
	if n < 1 || n >= len(p.pages) {
		return ""
	}
	return p.pages[n]
}

// Contains reports whether text occurs on pages first to last (a quote may
// run over a page break), up to runs of white space. A text of white space
// only (spaces, no-break spaces, tabs, line ends) is empty after folding
// and occurs nowhere: it quotes nothing.
func (p *Paper) Contains(text string, first, last int) bool {
	if first < 1 || last < first || last > p.Pages() || fold(text) == "" {
		return false
	}
	if first == last {
		return strings.Contains(p.pages[first], fold(text))
	}
	return strings.Contains(strings.Join(p.pages[first:last+1], " "), fold(text))
}

// Find returns the first page that holds text on its own, or 0 (for a
// text of white space only too).
func (p *Paper) Find(text string) int {
	t := fold(text)
	if t == "" {
		return 0
	}
	for n := 1; n < len(p.pages); n++ {
		if strings.Contains(p.pages[n], t) {
			return n
		}
	}
	return 0
}

// fold trims s and replaces every run of white space with one space.
func fold(s string) string { return strings.Join(strings.Fields(s), " ") }
