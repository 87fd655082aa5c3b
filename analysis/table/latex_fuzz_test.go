package table

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzEscapeLaTeX checks that EscapeLaTeX leaves no character that LaTeX
// reads as markup and no control character: the output must split into
// the replacements of latexSpecial, the ligature breaker "{}", and
// characters that print as themselves; and no two characters that a T1
// font joins into a ligature the text did not mean (",," „, "<<" «, ">>"
// », "!`" ¡, "?`" ¿), which no replacement contains.
func FuzzEscapeLaTeX(f *testing.F) {
	for _, s := range []string{`\{}$&#_%^~<>|`, "a--b", "–-", "“x”", "‘’", "…", "\u00a0", "x\x00y", "\x1b[1m", "\x7f", "\u0085", "l1\nl2\r\nl3", "\t", ",,", "<<>>", "!‘", "?‘", "!`"} {
		f.Add(s)
	}
	var pieces []string
	for _, rep := range latexSpecial {
		pieces = append(pieces, rep)
	}
	pieces = append(pieces, "{}")
	// Longest first, so that "---" is not read as "--" and "-".
	slices.SortFunc(pieces, func(a, b string) int { return len(b) - len(a) })
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			t.Skip()
		}
		out := EscapeLaTeX(s)
		for _, lig := range []string{",,", "<<", ">>", "!`", "?`"} {
			if strings.Contains(out, lig) {
				t.Fatalf("EscapeLaTeX(%q) = %q: ligature %q", s, out, lig)
			}
		}
	next:
		for i := 0; i < len(out); {
			for _, p := range pieces {
				if strings.HasPrefix(out[i:], p) {
					i += len(p)
					continue next
				}
			}
			r, n := utf8.DecodeRuneInString(out[i:])
			if strings.ContainsRune(`\{}$&#_%^~<>|`, r) || unicode.IsControl(r) && r != '\t' {
				t.Fatalf("EscapeLaTeX(%q) = %q: unescaped %q at byte %d", s, out, r, i)
			}
			i += n
		}
	})
}
