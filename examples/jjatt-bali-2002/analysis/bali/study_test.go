package bali

import (
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/compendium"
	"github.com/nexus-toolkit/nexus/analysis/datapkg"
)

const dataset = "../../datasets/jjatt-bali-2002/v0.1.0"

// Every output reads exactly the resources it declares: made from the
// whole package and from its declared inputs alone, its files are equal.
func TestOutputsDeclareTheirInputs(t *testing.T) {
	p, err := datapkg.Read(dataset)
	if err != nil {
		t.Fatal(err)
	}
	if err := compendium.CheckInputs(p, t.TempDir()); err != nil {
		t.Error(err)
	}
}

// T1's degrees, counted by hand from ties.csv: a has ties t1, t2 and t5;
// b has t1 and t3; c has t2, t3 and t4; d has t4; e has t5.
func TestNodeTable(t *testing.T) {
	p, err := datapkg.Read(dataset)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	tab, err := NodeTable(d)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"Node A": "3", "Node B": "2", "Node C": "3", "Node D": "1", "Node E": "1"}
	for _, row := range tab.Rows {
		if got := row[2].Value; got != want[row[0].Value] {
			t.Errorf("%s: degree %s, want %s", row[0].Value, got, want[row[0].Value])
		}
	}
}
