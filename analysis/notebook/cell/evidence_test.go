package cell

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/table"
)

// TestEvidenceOf resolves the sources of a traced table against the
// shipped dataset: row r015 of relations.csv is on line 16 and page 3 and
// quotes the paper (see datasets/ttp-alliances/v1.1.0/relations.csv).
func TestEvidenceOf(t *testing.T) {
	t.Setenv(DatasetEnv, "../../../datasets/ttp-alliances/v1.1.0")
	SetQuoteFields(nil) // the default fields, and a fresh index
	tb := table.New("t", table.Column{Name: "a"}, table.Column{Name: "b"})
	if err := tb.Append(table.Str("x"), table.Str("y").From(table.Refs("relations", "r015")...)); err != nil {
		t.Fatal(err)
	}
	b, err := evidenceOf(tb)
	if err != nil {
		t.Fatal(err)
	}
	var ev []Evidence
	if err := json.Unmarshal(b, &ev); err != nil {
		t.Fatal(err)
	}
	if len(ev) != 1 || ev[0].Row != 0 || ev[0].Col != 1 || len(ev[0].Rows) != 1 {
		t.Fatalf("evidence %+v, expected one cell (row 0, column 1) with one row", ev)
	}
	s := ev[0].Rows[0]
	if s.Ref != "relations/r015" || s.Line != 16 || s.Page != 3 || !strings.HasPrefix(s.Quote, "the cooperation between AQ and its affiliates") ||
		s.File != "../../../datasets/ttp-alliances/v1.1.0/relations.csv" {
		t.Errorf("source %+v, expected relations/r015 on line 16, page 3, with its quote", s)
	}

	bad := table.New("t", table.Column{Name: "a"})
	bad.Append(table.Str("x").From(table.Ref{Resource: "relations", Key: "nosuch"}))
	if _, err := evidenceOf(bad); err == nil || !strings.Contains(err.Error(), `no row with key "nosuch"`) {
		t.Errorf("an unknown key: %v, expected an error naming it", err)
	}
}
