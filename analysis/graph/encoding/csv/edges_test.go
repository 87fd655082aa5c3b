package csv

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/datapkg"
)

func TestReadEdgesSentinels(t *testing.T) {
	_, err := ReadEdges(strings.NewReader("source,target\n,b\n"), "e.csv", EdgeOptions{})
	var pe *datapkg.Problem
	if !errors.Is(err, ErrEmptyID) || !errors.As(err, &pe) || pe.Line != 2 || pe.Column != 1 {
		t.Errorf("err = %v", err)
	}
	// Columns count characters, not bytes: "ë", "—" and "Å" take 2, 3 and 2
	// bytes, so the weight starts at byte 10 but character 7, and the
	// bare quote of the next line (encoding/csv says byte 7) at character 6.
	_, err = ReadEdges(strings.NewReader("source,target,w\nZoë,—,x\nÅsa,a\"b,1\n"), "e.csv", EdgeOptions{Weight: "w"})
	want := "e.csv:2:7: bad weight: column \"w\" value \"x\", expected a finite number > 0\ne.csv:3:6: bare \" in non-quoted-field"
	if err == nil || err.Error() != want {
		t.Errorf("err =\n%v\nwant\n%s", err, want)
	}
	_, err = ReadEdges(strings.NewReader(""), "e.csv", EdgeOptions{})
	if !errors.Is(err, ErrMissingColumn) {
		t.Errorf("empty file: %v", err)
	}
	edges, err := ReadEdges(strings.NewReader("id,source,target,refs\nr1,a,b,x; y\n"), "e.csv", EdgeOptions{Directed: true})
	if err != nil || len(edges) != 1 || !edges[0].Directed || !slices.Equal(edges[0].Refs, []string{"x", "y"}) || edges[0].ID != "r1" {
		t.Errorf("edges %+v, err %v", edges, err)
	}
}
