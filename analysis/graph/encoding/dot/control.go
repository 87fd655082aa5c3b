package dot

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/nexus-toolkit/nexus/analysis/graph/encoding"
)

// checkControls returns an error naming the first node ID, link end or
// attribute value of d that holds a control character other than tab and
// line feed (C0, DEL or C1): DOT has no way to write it, and an ID
// cannot be changed without making it another node.
func checkControls(d *encoding.Doc) error {
	const format = "dot"
	bad := func(s string) (rune, bool) {
		i := strings.IndexFunc(s, func(r rune) bool { return unicode.IsControl(r) && r != '\t' && r != '\n' })
		if i < 0 {
			return 0, false
		}
		return []rune(s[i:])[0], true
	}
	check := func(what string, rec encoding.Record, keys []encoding.Key) error {
		if rec.Source != "" || rec.Target != "" {
			what = fmt.Sprintf("link %q -- %q", rec.Source, rec.Target)
		} else {
			what = fmt.Sprintf("node %q", rec.ID)
		}
		fields := []struct{ name, v string }{{"id", rec.ID}, {"source", rec.Source}, {"target", rec.Target}}
		for i, v := range rec.Values {
			fields = append(fields, struct{ name, v string }{keys[i].Name, v})
		}
		for _, f := range fields {
			if r, ok := bad(f.v); ok {
				return fmt.Errorf("%s: %s: %s %q holds the control character U+%04X, which %s cannot carry", format, what, f.name, f.v, r, format)
			}
		}
		return nil
	}
	for _, n := range d.Nodes {
		if err := check("node", n, d.NodeKeys); err != nil {
			return err
		}
	}
	for _, l := range d.Links {
		if err := check("link", l, d.LinkKeys); err != nil {
			return err
		}
	}
	return nil
}
