package quotes

import (
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/table"
)

// TestEvidenceStringOneLine: a key or a section holding a newline cannot
// forge a line of trace's output (issue 19 item 11); plain ones print as
// they are.
func TestEvidenceStringOneLine(t *testing.T) {
	for _, c := range []struct {
		e    Evidence
		want string
	}{
		{Evidence{Ref: table.Ref{Resource: "relations", Key: "r022"}, File: "d/relations.csv", Line: 23, Page: 5, Section: "Findings", Quote: "q"},
			`d/relations.csv:23: relations/r022, page 5, Findings: "q"`},
		{Evidence{Ref: table.Ref{Resource: "relations", Key: "r1\nd/relations.csv:2: relations/r2"}, File: "d/relations.csv", Line: 2, Section: "S\nforged"},
			`d/relations.csv:2: relations/"r1\nd/relations.csv:2: relations/r2", "S\nforged"`},
	} {
		got := c.e.String()
		if got != c.want || strings.Contains(got, "\n") {
			t.Errorf("String() = %s, want %s", got, c.want)
		}
	}
}
