// Package dot writes and reads graphs as Graphviz DOT
// (https://graphviz.org/doc/info/lang.html): one statement per node and
// per link, attributes as quoted strings. Read reads the subset that
// Write writes.
package dot

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/graph/encoding"
)

// dotQuote quotes s as a DOT string: backslash and double quote are
// escaped, a newline becomes \n.
func dotQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}

// Write writes d as a Graphviz DOT graph (digraph when directed): one
// statement per node and per link, each with its non-empty attributes as
// quoted strings. A node's name (the encoding.NameKey attribute, the
// organization's or person's name) is written as Graphviz's label, so
// Graphviz shows names, not IDs; Read reads it back as the name. It fails, writing nothing, on a control character other
// than tab and line feed (a line feed is written as \n).
func Write(w io.Writer, d *encoding.Doc) error {
	if err := checkControls(d); err != nil {
		return err
	}
	var b bytes.Buffer
	kind, op := "graph", "--"
	if d.Directed {
		kind, op = "digraph", "->"
	}
	fmt.Fprintf(&b, "%s \"network\" {\n", kind)
	attrs := func(keys []encoding.Key, vals []string, node bool) {
		var parts []string
		for i, v := range vals {
			if v != "" {
				name := keys[i].Name
				if node && name == encoding.NameKey {
					name = "label"
				}
				parts = append(parts, name+"="+dotQuote(v))
			}
		}
		if len(parts) > 0 {
			b.WriteString(" [" + strings.Join(parts, ", ") + "]")
		}
		b.WriteString(";\n")
	}
	for _, n := range d.Nodes {
		b.WriteString("  " + dotQuote(n.ID))
		attrs(d.NodeKeys, n.Values, true)
	}
	for _, l := range d.Links {
		b.WriteString("  " + dotQuote(l.Source) + " " + op + " " + dotQuote(l.Target))
		attrs(d.LinkKeys, l.Values, false)
	}
	b.WriteString("}\n")
	_, err := w.Write(b.Bytes())
	return err
}

// ReadOptions controls Read.
type ReadOptions struct {
	// NodeKeys and LinkKeys are the attributes to expect, in order, with
	// their types (DOT stores none). An attribute not listed is added as
	// a "string" key after them, in order of first appearance.
	NodeKeys, LinkKeys []encoding.Key
}

// Read reads the subset of DOT that Write writes: one node or edge
// statement per line, attributes as quoted strings. The keys are
// opt.NodeKeys and opt.LinkKeys, then any other attribute met; link IDs
// are numbered in order.
func Read(r io.Reader, opt ReadOptions) (*encoding.Doc, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<30)
	d := &encoding.Doc{NodeKeys: slices.Clone(opt.NodeKeys), LinkKeys: slices.Clone(opt.LinkKeys)}
	line := 0
	for sc.Scan() {
		line++
		t := strings.TrimSpace(sc.Text())
		if line == 1 {
			d.Directed = strings.HasPrefix(t, "digraph")
			continue
		}
		if t == "}" || t == "" {
			continue
		}
		toks, err := dotTokens(strings.TrimSuffix(t, ";"))
		if err != nil {
			return nil, fmt.Errorf("dot:%d: %w", line, err)
		}
		rec := encoding.Record{ID: toks[0]}
		keys := &d.NodeKeys
		rest := toks[1:]
		if len(rest) >= 2 && (rest[0] == "--" || rest[0] == "->") {
			rec = encoding.Record{ID: strconv.Itoa(len(d.Links)), Source: toks[0], Target: rest[1]}
			keys = &d.LinkKeys
			rest = rest[2:]
		}
		rec.Values = make([]string, len(*keys))
		for i := 0; i+2 < len(rest); i += 3 {
			if rest[i+1] != "=" {
				return nil, fmt.Errorf("dot:%d: expected name=value", line)
			}
			name := rest[i]
			if name == "label" && rec.Source == "" {
				name = encoding.NameKey // Write's label is the node's name
			}
			k := encoding.Index(*keys, name)
			if k < 0 {
				k = len(*keys)
				*keys = append(*keys, encoding.Key{Name: name, Type: "string"})
				rec.Values = append(rec.Values, "")
			}
			rec.Values[k] = rest[i+2]
		}
		if rec.Source != "" {
			d.Links = append(d.Links, rec)
		} else {
			d.Nodes = append(d.Nodes, rec)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	pad(d.Nodes, len(d.NodeKeys))
	pad(d.Links, len(d.LinkKeys))
	return d, nil
}

// pad gives every record a value (maybe empty) for each of n keys: a key
// first met after a record was read is missing from it.
func pad(recs []encoding.Record, n int) {
	for i := range recs {
		for len(recs[i].Values) < n {
			recs[i].Values = append(recs[i].Values, "")
		}
	}
}

// dotTokens splits a statement into quoted strings (unescaped), bare
// words and the operators --, ->, =; brackets and commas separate.
func dotTokens(s string) ([]string, error) {
	var toks []string
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == ',' || c == '[' || c == ']':
			i++
		case c == '=':
			toks = append(toks, "=")
			i++
		case c == '"':
			var b strings.Builder
			i++
			for ; i < len(s) && s[i] != '"'; i++ {
				if s[i] == '\\' && i+1 < len(s) {
					i++
					if s[i] == 'n' {
						b.WriteByte('\n')
						continue
					}
				}
				b.WriteByte(s[i])
			}
			if i >= len(s) {
				return nil, errors.New("unterminated string")
			}
			i++
			toks = append(toks, b.String())
		default:
			j := i
			for j < len(s) && !strings.ContainsRune(" \t,[]=\"", rune(s[j])) {
				j++
			}
			toks = append(toks, s[i:j])
			i = j
		}
	}
	if len(toks) == 0 {
		return nil, errors.New("empty statement")
	}
	return toks, nil
}
