package csv

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestReadEdgesSentinels(t *testing.T) {
	_, err := ReadEdges(strings.NewReader("source,target\n,b\n"), "e.csv", EdgeOptions{})
	var pe *ParseError
	if !errors.Is(err, ErrEmptyID) || !errors.As(err, &pe) || pe.Line != 2 || pe.Column != 1 {
		t.Errorf("err = %v", err)
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
