package cell

import (
	"testing"

	"github.com/go-gota/gota/series"
)

// TestFrame: a resource of the notebook's dataset comes as a typed frame
// with one row per CSV row.
func TestFrame(t *testing.T) {
	t.Setenv(DatasetEnv, "../../../datasets/ttp-alliances/v1.0.0")
	df := Frame("relations")
	if df.Nrow() < 100 {
		t.Errorf("relations: %d rows", df.Nrow())
	}
	if typ := df.Col("directed").Type(); typ != series.Bool {
		t.Errorf("directed is %s, want bool", typ)
	}
	if typ := df.Col("page").Type(); typ != series.Int {
		t.Errorf("page is %s, want int", typ)
	}
}
