package datapkg

import (
	"fmt"
	"regexp/syntax"
	"strings"
	"unicode"
)

// Dates at a precision. Table Schema has no type for a date that is a
// year, a year and month or a full date (ISO 8601 "2014", "2014-06",
// "2014-06-15"), so a package declares such a field as a string with a
// pattern, e.g. "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?". A pattern cannot say
// that a month is 01 to 12 or that February 29 needs a leap year; the
// validator does. A string field (or list of strings) is a precision
// date field when every string its pattern admits has one of the three
// shapes: four digits, then optionally "-" and two digits, then
// optionally "-" and two digits. Its values that match the pattern must
// then be real calendar dates.

// maxShapes bounds the expansion of a pattern into shapes.
const maxShapes = 64

// shape is one sequence of character classes; each class is a list of
// rune ranges (lo, hi pairs), as in syntax.Regexp.Rune.
type shape [][]rune

// isDatePattern reports whether every string that pattern (unanchored
// syntax, anchored when matched) admits has the shape YYYY, YYYY-MM or
// YYYY-MM-DD.
func isDatePattern(pattern string) bool {
	if !dateChars(pattern) {
		return false // no need to parse
	}
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return false
	}
	shapes, ok := expand(re.Simplify())
	if !ok || len(shapes) == 0 {
		return false
	}
	for _, s := range shapes {
		switch len(s) {
		case 4, 7, 10:
		default:
			return false
		}
		for i, class := range s {
			if i == 4 || i == 7 {
				if len(class) != 2 || class[0] != '-' || class[1] != '-' {
					return false
				}
				continue
			}
			for k := 0; k < len(class); k += 2 {
				if class[k] < '0' || class[k+1] > '9' {
					return false
				}
			}
		}
	}
	return true
}

// dateChars reports whether pattern, outside its character classes, is
// made only of digits, "-", grouping, alternation and counted or optional
// repetition, and \d: a quick test that most patterns of identifiers
// ("r[0-9]{3}", "[a-z]+") fail, so that isDatePattern need not parse
// them. It rejects no pattern of dates but one with a named group.
func dateChars(pattern string) bool {
	class := false
	for i := 0; i < len(pattern); i++ {
		c := pattern[i]
		switch {
		case class:
			if c == '\\' {
				i++
			} else if c == ']' {
				class = false
			}
		case c == '[':
			class = true
		case c == '\\':
			if i+1 < len(pattern) && pattern[i+1] != 'd' && pattern[i+1] != '-' {
				return false
			}
			i++
		case c >= '0' && c <= '9' || strings.IndexByte("-(){},?|^$:", c) >= 0:
		default:
			return false
		}
	}
	return true
}

// expand returns the shapes of the strings re matches; ok is false when
// they are unbounded (*, +) or more than maxShapes. Assertions (^, $, \b)
// are read as matching the empty string, which only widens the language.
func expand(re *syntax.Regexp) (out []shape, ok bool) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return []shape{{}}, true
	case syntax.OpLiteral:
		s := make(shape, len(re.Rune))
		for i, r := range re.Rune {
			s[i] = []rune{r, r}
			if re.Flags&syntax.FoldCase != 0 {
				for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
					s[i] = append(s[i], f, f)
				}
			}
		}
		return []shape{s}, true
	case syntax.OpCharClass:
		return []shape{{re.Rune}}, true
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return []shape{{{0, unicode.MaxRune}}}, true
	case syntax.OpCapture:
		return expand(re.Sub[0])
	case syntax.OpQuest:
		sub, ok := expand(re.Sub[0])
		return append(sub, shape{}), ok && len(sub) < maxShapes
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			s, ok := expand(sub)
			if !ok || len(out)+len(s) > maxShapes {
				return nil, false
			}
			out = append(out, s...)
		}
		return out, true
	case syntax.OpConcat:
		out = []shape{{}}
		for _, sub := range re.Sub {
			s, ok := expand(sub)
			if !ok || len(out)*len(s) > maxShapes {
				return nil, false
			}
			next := make([]shape, 0, len(out)*len(s))
			for _, a := range out {
				for _, b := range s {
					next = append(next, append(append(shape{}, a...), b...))
				}
			}
			out = next
		}
		return out, true
	case syntax.OpRepeat:
		if re.Max < 0 || re.Max > 16 {
			return nil, false
		}
		for n := re.Min; n <= re.Max; n++ {
			cat := &syntax.Regexp{Op: syntax.OpConcat}
			for range n {
				cat.Sub = append(cat.Sub, re.Sub[0])
			}
			s, ok := expand(cat)
			if !ok || len(out)+len(s) > maxShapes {
				return nil, false
			}
			out = append(out, s...)
		}
		return out, true
	}
	return nil, false // *, +, and anything unknown
}

// checkDate checks a value of a precision date field that matched the
// field's pattern: its month must be 01 to 12 and its day one of that
// month, February 29 only in a leap year (proleptic Gregorian calendar).
func checkDate(s string) error {
	if len(s) < 7 {
		return nil // a year: any four digits
	}
	y, _ := digits(s[:4])
	m, _ := digits(s[5:7])
	if m < 1 || m > 12 {
		return fmt.Errorf("%w: month %s does not exist, want 01 to 12", ErrDate, s[5:7])
	}
	if len(s) < 10 {
		return nil
	}
	d, _ := digits(s[8:10])
	if n := daysIn(y, m); d < 1 || d > n {
		why := ""
		if m == 2 && d == 29 {
			why = fmt.Sprintf(" (%04d is not a leap year)", y)
		}
		return fmt.Errorf("%w: day %s does not exist in %s%s, want 01 to %02d", ErrDate, s[8:10], s[:7], why, n)
	}
	return nil
}
