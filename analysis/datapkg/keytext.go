package datapkg

import (
	"strconv"
	"strings"
	"unicode"
)

// KeyText prints a row's key, the values of its key fields, for one line
// of output: the values joined by commas, each as it is when it is plain,
// else quoted as a Go string literal (strconv.Quote). A plain value is
// not empty and has only letters, digits, marks, punctuation and symbols,
// none of them a comma, a quotation mark, a backslash or a square
// bracket. So ("a,b", "c") prints as "a,b",c and ("a", "b,c") as a,"b,c":
// no two keys print alike, and a newline, a bidi control or any other
// invisible character in a key is escaped, so it can neither forge a line
// nor hide. Keys such as r022 or ABC,2 print as they are.
func KeyText(values ...string) string {
	parts := make([]string, len(values))
	for i, v := range values {
		parts[i] = keyValue(v)
	}
	return strings.Join(parts, ",")
}

// keyValue prints one value of a key as KeyText does.
func keyValue(v string) string {
	if v == "" {
		return `""`
	}
	for _, r := range v {
		if !unicode.IsGraphic(r) || unicode.IsSpace(r) || strings.ContainsRune(`,"\[]`, r) || r == unicode.ReplacementChar {
			return strconv.Quote(v)
		}
	}
	return v
}

// TextLine returns s as it is when every character of it prints (letters,
// digits, marks, punctuation, symbols, spaces), else quoted as a Go
// string literal: for free text, such as a section heading, printed on
// one line of output where a newline or an invisible character must not
// pass.
func TextLine(s string) string {
	for _, r := range s {
		if !unicode.IsPrint(r) && r != ' ' || r == unicode.ReplacementChar {
			return strconv.Quote(s)
		}
	}
	return s
}
