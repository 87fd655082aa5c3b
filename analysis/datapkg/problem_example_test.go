package datapkg_test

import (
	"encoding/csv"
	"errors"
	"fmt"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/datapkg"
)

// A reader built on encoding/csv, whose columns count bytes, reports its
// problems as a datapkg.Problem at the character column an editor shows.
func ExampleLineIndex() {
	data := "name,height\nĆirić,tall\n"
	cr := csv.NewReader(strings.NewReader(data))
	cr.Read() // the header
	rec, _ := cr.Read()
	line, byteCol := cr.FieldPos(1)
	col := datapkg.NewLineIndex([]byte(data)).Column(line, byteCol)
	p := &datapkg.Problem{Path: "people.csv", Line: line, Column: col, Field: "height", Value: rec[1], Err: fmt.Errorf("%w: want a number", datapkg.ErrType)}
	fmt.Println(byteCol)
	fmt.Println(p)
	fmt.Println(errors.Is(p, datapkg.ErrType))
	// Output:
	// 9
	// people.csv:2:7: field "height": value "tall": wrong type: want a number
	// true
}

// ReadTable reads one resource checked against its schema, without the
// rest of the package; Property reads a descriptor property that datapkg
// itself does not use.
func ExampleResource_ReadTable() {
	p, err := datapkg.Open("testdata/good")
	if err != nil {
		fmt.Println(err)
		return
	}
	var version string
	has, _ := p.Property("version", &version)
	fmt.Println(has, version)
	t, err := p.Resource("people").ReadTable()
	if err != nil {
		fmt.Println(err)
		return
	}
	name := t.Field("name")
	line, col := t.Position(2, name)
	fmt.Println(t.Text(2, name), line, col)
	// Output:
	// true 1.0.0
	// Ćirić 5 3
}
