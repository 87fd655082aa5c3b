package qda_test

import (
	"bytes"
	"encoding/csv"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/qda"
)

// TestFormatDocumented checks that the researcher guide's table of the coding
// package and the package documentation (doc.go) name every column of
// every CSV file that Write produces, in file order.
func TestFormatDocumented(t *testing.T) {
	files, err := qda.Files(&qda.Project{Name: "x"})
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile("../../docs/researcher.md")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for n := range files {
		if strings.HasSuffix(n, ".csv") {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	if len(names) != 7 {
		t.Errorf("%d CSV files, the docs describe 7: %v", len(names), names)
	}
	for _, n := range names {
		header, err := csv.NewReader(bytes.NewReader(files[n])).Read()
		if err != nil {
			t.Fatal(err)
		}
		row := section(string(readme), "| `"+n+"` |", "\n")
		block := section(string(doc), "//\t"+n, "\n//\n")
		for where, text := range map[string]string{"docs/researcher.md": row, "doc.go": block} {
			if text == "" {
				t.Errorf("%s does not describe %s", where, n)
				continue
			}
			rest := text
			for _, col := range header {
				i := strings.Index(rest, col)
				if i < 0 {
					t.Errorf("%s: %s: column %q missing or out of order", where, n, col)
					break
				}
				rest = rest[i+len(col):]
			}
		}
	}
}

// section returns the text of s from start up to end, or "".
func section(s, start, end string) string {
	i := strings.Index(s, start)
	if i < 0 {
		return ""
	}
	s = s[i+len(start):]
	if j := strings.Index(s, end); j >= 0 {
		return s[:j]
	}
	return s
}
