package notebook

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/bib"
)

// target is a cross-reference target: a cell labelled fig-* or tbl-*.
type target struct {
	label string
	name  string // "Figure 1", "Table 2"
}

// citation is one bracketed or narrative citation in the text.
type citation struct {
	narrative bool
	items     []citeItem
}

// citeItem is one reference of a citation with the author's own prefix
// and suffix (a locator such as ", p. 5").
type citeItem struct {
	key            string
	prefix, suffix string
	suppressAuthor bool
}

// texter resolves cross-references and citations in the Markdown of the
// prose and of captions. Citations become placeholders until every
// citation is known, so that same-author same-year suffixes are stable.
type texter struct {
	file    string
	targets map[string]target
	refs    map[string]*Reference
	dataset string
	cites   []citation
	cited   map[string]bool
	col     int // column of the reference being resolved
	order   []*Reference
	probs   Problems
	// inlines returns the index of the inline value at a line and column,
	// or -1.
	inlines func(line, col int) int
}

var (
	keyRE      = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9_:.#$%&+?~/-]*`)
	citeItemRE = regexp.MustCompile(`^\s*([^@]*?)(-?)@([A-Za-z0-9_][A-Za-z0-9_:.#$%&+?~/-]*)(.*?)\s*$`)
)

const placeholder = "\x00"

// text resolves the Markdown src that starts at line first of the file.
// Fenced code blocks and code spans are left alone, except inline values,
// which become placeholders (inlinePlaceholder).
func (t *texter) text(src string, first int) string {
	var b strings.Builder
	eachProseLine(src, first, func(l string, n int, fenced bool) {
		if fenced {
			b.WriteString(l)
		} else {
			b.WriteString(t.line(l, n))
		}
	})
	return b.String()
}

// line resolves one line.
func (t *texter) line(l string, n int) string {
	var b strings.Builder
	for i := 0; i < len(l); {
		c := l[i]
		switch {
		case c == '\\' && i+1 < len(l):
			b.WriteString(l[i : i+2])
			i += 2
			continue
		case c == '`':
			end, _, _ := codeSpan(l, i)
			if k := t.inlineAt(n, i+1); k >= 0 {
				b.WriteString(inlinePlaceholder(k))
			} else {
				b.WriteString(l[i:end])
			}
			i = end
			continue
		case c == '[':
			if end := strings.IndexAny(l[i+1:], "[]"); end >= 0 && l[i+1+end] == ']' {
				inner := l[i+1 : i+1+end]
				after := i + 1 + end + 1
				linked := after < len(l) && (l[after] == '(' || l[after] == '[')
				if strings.Contains(inner, "@") && !linked {
					t.col = i + 1
					if s, ok := t.bracket(inner, n); ok {
						b.WriteString(s)
						i = after
						continue
					}
				}
			}
		case c == '@' && (i == 0 || !isWordByte(l[i-1])):
			if k := keyRE.FindString(l[i+1:]); k != "" {
				k = t.trimKey(k)
				t.col = i + 1
				b.WriteString(t.narrative(k, n))
				i += 1 + len(k)
				continue
			}
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

// inlineAt returns the index of the inline value at line n and column col,
// or -1.
func (t *texter) inlineAt(n, col int) int {
	if t.inlines == nil {
		return -1
	}
	return t.inlines(n, col)
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// trimKey drops trailing punctuation that ends a sentence rather than the
// key, unless the key with it is known.
func (t *texter) trimKey(k string) string {
	for len(k) > 1 && strings.ContainsRune(".:,;?/-#$%&+~", rune(k[len(k)-1])) && !t.known(k) {
		k = k[:len(k)-1]
	}
	return k
}

func (t *texter) known(k string) bool {
	if _, ok := t.targets[k]; ok {
		return true
	}
	_, ok := t.refs[k]
	return ok
}

func isXref(k string) bool { return strings.HasPrefix(k, "fig-") || strings.HasPrefix(k, "tbl-") }

// xref renders a cross-reference as a link to its target.
func (t *texter) xref(k string, line int) string {
	tg, ok := t.targets[k]
	if !ok {
		t.probs = append(t.probs, problem(t.file, line, t.col, fmt.Sprintf("unknown cross-reference @%s, expected the label of a cell in this notebook%s", k, t.labels(k[:4]))))
		return "@" + k
	}
	return "[" + tg.name + "](#" + tg.label + ")"
}

// labels lists the labels with prefix for an error message.
func (t *texter) labels(prefix string) string {
	var ls []string
	for l := range t.targets {
		if strings.HasPrefix(l, prefix) {
			ls = append(ls, l)
		}
	}
	if len(ls) == 0 {
		return " (it has no " + prefix + "* labels)"
	}
	sort.Strings(ls)
	return " (" + strings.Join(ls, ", ") + ")"
}

// narrative renders @k: a cross-reference or an author (year) citation.
func (t *texter) narrative(k string, line int) string {
	if isXref(k) {
		return t.xref(k, line)
	}
	if !t.cite(k, line) {
		return "@" + k
	}
	t.cites = append(t.cites, citation{narrative: true, items: []citeItem{{key: k}}})
	return placeholder + strconv.Itoa(len(t.cites)-1) + placeholder
}

// bracket renders [@a, p. 5; @b] as a parenthetical citation, or
// [@fig-x] as a cross-reference. ok is false when inner is not a citation.
func (t *texter) bracket(inner string, line int) (string, bool) {
	var items []citeItem
	for _, part := range strings.Split(inner, ";") {
		m := citeItemRE.FindStringSubmatch(part)
		if m == nil {
			return "", false
		}
		k := t.trimKey(m[3])
		suffix := m[3][len(k):] + m[4]
		items = append(items, citeItem{key: k, prefix: m[1], suffix: suffix, suppressAuthor: m[2] == "-"})
	}
	if len(items) == 1 && isXref(items[0].key) {
		it := items[0]
		return it.prefix + t.xref(it.key, line) + it.suffix, true
	}
	ok := true
	for _, it := range items {
		if isXref(it.key) {
			t.probs = append(t.probs, problem(t.file, line, t.col, fmt.Sprintf("cross-reference @%s inside a citation [%s], expected it outside the brackets", it.key, inner)))
			ok = false
		} else if !t.cite(it.key, line) {
			ok = false
		}
	}
	if !ok {
		return "[" + inner + "]", true
	}
	t.cites = append(t.cites, citation{items: items})
	return placeholder + strconv.Itoa(len(t.cites)-1) + placeholder, true
}

// cite records that key is cited, or reports an unknown key.
func (t *texter) cite(k string, line int) bool {
	if r, ok := t.refs[k]; ok {
		if !t.cited[k] {
			t.cited[k] = true
			t.order = append(t.order, r)
		}
		return true
	}
	where := "the notebook names no dataset, expected dataset: NAME/VERSION in the front matter"
	if t.dataset != "" {
		where = "expected a key of " + t.dataset + "/references.csv"
		if t.refs == nil {
			where = t.dataset + " has no references.csv"
		}
	}
	t.probs = append(t.probs, problem(t.file, line, t.col, fmt.Sprintf("unknown citation key @%s, %s", k, where)))
	return false
}

// finish sorts the cited references and gives them their year suffixes.
func (t *texter) finish() {
	bib.Sort(t.order)
}

// resolve replaces the citation placeholders of s with author-year text
// linked to the reference list.
func (t *texter) resolve(s string) string {
	if !strings.Contains(s, placeholder) {
		return s
	}
	parts := strings.Split(s, placeholder)
	var b strings.Builder
	for i, p := range parts {
		if i%2 == 0 {
			b.WriteString(p)
			continue
		}
		n, _ := strconv.Atoi(p)
		b.WriteString(t.render(t.cites[n]))
	}
	return b.String()
}

func (t *texter) render(c citation) string {
	if c.narrative {
		r := t.refs[c.items[0].key]
		return "[" + escapeInline(bib.NarrativeNames(r.Entry)) + " (" + escapeInline(r.CitedYear()) + ")](#ref-" + r.Key + ")"
	}
	var ps []string
	for _, it := range c.items {
		r := t.refs[it.key]
		s := escapeInline(bib.Names(r.Entry)) + ", " + escapeInline(r.CitedYear())
		if it.suppressAuthor {
			s = escapeInline(r.CitedYear())
		}
		ps = append(ps, it.prefix+"["+s+"](#ref-"+r.Key+")"+it.suffix)
	}
	return "(" + strings.Join(ps, "; ") + ")"
}
