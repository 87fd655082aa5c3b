// Package frame gives gota DataFrames (github.com/go-gota/gota v0.12.0)
// to analyses and notebooks, with explicit types and deterministic output.
//
// gota is convenient for wrangling but, measured on v0.12.0, four of its
// behaviours would leak into published outputs (frame_test.go pins each):
//
//   - GroupBy(...).Aggregation returns groups in map order, so two runs list
//     them differently. Aggregate and Count sort the groups by their keys.
//   - Arrange with three or more keys sorts wrongly. Arrange here is one
//     stable sort over all keys, missing values last.
//   - WriteCSV and Records print floats with six decimals ("0.000000" for
//     2.5e-7). Records and WriteCSV here take the number of decimals.
//   - Type inference turns "00123" into 123, and with WithTypes a value that
//     does not parse becomes NaN with no error. FromResource builds frames
//     only from a validated resource, with every column typed by its schema.
package frame

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"github.com/nexus-toolkit/nexus/analysis/datapkg"
	"github.com/nexus-toolkit/nexus/analysis/table"
)

// FromResource returns a validated resource (read by datapkg.Read) as a
// DataFrame whose column types follow the schema: integer and year as Int,
// number as Float, boolean as Bool, everything else (dates and lists
// included, as printed) as String. A missing value is NaN in a numeric or
// boolean column and "" in a string column.
func FromResource(r *datapkg.Resource) (dataframe.DataFrame, error) {
	t := r.Table
	if t == nil {
		return dataframe.DataFrame{}, fmt.Errorf("resource %s: not read", r.Name)
	}
	fields := r.Schema.Fields
	types := make(map[string]series.Type, len(fields))
	header := make([]string, len(fields))
	for i, f := range fields {
		header[i] = f.Name
		types[f.Name] = seriesType(f.Type)
	}
	records := make([][]string, 0, t.Len()+1)
	records = append(records, header)
	for row := range t.Len() {
		rec := make([]string, len(fields))
		for i, f := range fields {
			rec[i] = cell(t, row, i, types[f.Name])
		}
		records = append(records, rec)
	}
	df := dataframe.LoadRecords(records, dataframe.HasHeader(true), dataframe.DetectTypes(false), dataframe.WithTypes(types))
	return df, df.Err
}

// seriesType maps a Table Schema field type to a gota column type.
func seriesType(schemaType string) series.Type {
	switch schemaType {
	case "integer", "year":
		return series.Int
	case "number":
		return series.Float
	case "boolean":
		return series.Bool
	}
	return series.String
}

// cell prints one value of t so that gota parses it back exactly.
func cell(t *datapkg.Table, row, field int, typ series.Type) string {
	switch {
	case t.IsMissing(row, field) && typ != series.String:
		return "NaN"
	case t.IsMissing(row, field):
		return ""
	case typ == series.Int:
		v, _ := t.Int(row, field)
		return strconv.FormatInt(v, 10)
	case typ == series.Float:
		v, _ := t.Float(row, field)
		return strconv.FormatFloat(v, 'g', -1, 64)
	case typ == series.Bool:
		v, _ := t.Bool(row, field)
		return strconv.FormatBool(v)
	}
	return t.Text(row, field)
}

// Arrange returns df sorted by the orders, the first order first, with
// one stable sort: rows equal on every key keep their order, and missing
// values sort last whatever the direction. An unknown column is an error.
func Arrange(df dataframe.DataFrame, orders ...dataframe.Order) (dataframe.DataFrame, error) {
	cols := make([]series.Series, len(orders))
	for i, o := range orders {
		if !hasColumn(df, o.Colname) {
			return df, fmt.Errorf("arrange: no column %q, expected one of %v", o.Colname, df.Names())
		}
		cols[i] = df.Col(o.Colname)
	}
	idx := make([]int, df.Nrow())
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		for k, c := range cols {
			if c := compare(c.Elem(idx[a]), c.Elem(idx[b]), orders[k].Reverse); c != 0 {
				return c < 0
			}
		}
		return false
	})
	out := df.Subset(idx)
	return out, out.Err
}

// compare orders two elements of one column, missing values last.
func compare(x, y series.Element, reverse bool) int {
	switch xn, yn := x.IsNA(), y.IsNA(); {
	case xn && yn:
		return 0
	case xn:
		return 1
	case yn:
		return -1
	}
	c := 0
	switch {
	case x.Less(y):
		c = -1
	case y.Less(x):
		c = 1
	}
	if reverse {
		c = -c
	}
	return c
}

func hasColumn(df dataframe.DataFrame, name string) bool {
	for _, n := range df.Names() {
		if n == name {
			return true
		}
	}
	return false
}

// Aggregate groups df by the columns by and aggregates cols with aggs (as
// gota's Groups.Aggregation does), then sorts the groups by their keys, so
// the result does not depend on map order.
func Aggregate(df dataframe.DataFrame, by []string, aggs []dataframe.AggregationType, cols []string) (dataframe.DataFrame, error) {
	g := df.GroupBy(by...)
	if g.Err != nil {
		return df, g.Err
	}
	out := g.Aggregation(aggs, cols)
	if out.Err != nil {
		return out, out.Err
	}
	orders := make([]dataframe.Order, len(by))
	for i, c := range by {
		orders[i] = dataframe.Sort(c)
	}
	return Arrange(out, orders...)
}

// Count returns the number of rows of each group of df by the columns by,
// as an Int column "n", sorted by the keys.
func Count(df dataframe.DataFrame, by ...string) (dataframe.DataFrame, error) {
	if len(by) == 0 {
		return df, fmt.Errorf("count: no columns to group by")
	}
	groups := df.GroupBy(by...)
	if groups.Err != nil {
		return df, groups.Err
	}
	parts := groups.GetGroups()
	keys := make([]dataframe.DataFrame, 0, len(parts))
	counts := make([]int, 0, len(parts))
	for _, part := range parts {
		keys = append(keys, part.Select(by).Subset([]int{0}))
		counts = append(counts, part.Nrow())
	}
	if len(keys) == 0 {
		return dataframe.New(series.New([]int{}, series.Int, "n")), nil
	}
	out := keys[0]
	for _, k := range keys[1:] {
		out = out.RBind(k)
	}
	out = out.Mutate(series.New(counts, series.Int, "n"))
	orders := make([]dataframe.Order, len(by))
	for i, c := range by {
		orders[i] = dataframe.Sort(c)
	}
	return Arrange(out, orders...)
}

// Records returns df as text, header first, with every float printed with
// the given number of decimals (strconv 'f' format), integers in decimal,
// and missing values as "".
func Records(df dataframe.DataFrame, decimals int) [][]string {
	out := make([][]string, 0, df.Nrow()+1)
	out = append(out, df.Names())
	types := df.Types()
	for i := range df.Nrow() {
		rec := make([]string, df.Ncol())
		for j := range rec {
			rec[j] = format(df.Elem(i, j), types[j], decimals)
		}
		out = append(out, rec)
	}
	return out
}

func format(e series.Element, t series.Type, decimals int) string {
	if e.IsNA() {
		return ""
	}
	switch t {
	case series.Float:
		f := e.Float()
		if math.IsInf(f, 0) {
			return strconv.FormatFloat(f, 'f', -1, 64)
		}
		return strconv.FormatFloat(f, 'f', decimals, 64)
	case series.Int:
		v, _ := e.Int()
		return strconv.Itoa(v)
	}
	return e.String()
}

// WriteCSV writes Records(df, decimals) as CSV with LF line ends.
func WriteCSV(w io.Writer, df dataframe.DataFrame, decimals int) error {
	cw := csv.NewWriter(w)
	if err := cw.WriteAll(Records(df, decimals)); err != nil {
		return err
	}
	return cw.Error()
}

// Table returns df as a table (github.com/nexus-toolkit/nexus/analysis/table) with the given title:
// numeric columns right-aligned, floats with the given decimals, missing
// values as missing cells.
func Table(df dataframe.DataFrame, title string, decimals int) *table.Table {
	types := df.Types()
	cols := make([]table.Column, df.Ncol())
	for j, name := range df.Names() {
		cols[j] = table.Column{Name: name}
		if types[j] == series.Int || types[j] == series.Float {
			cols[j].Kind = table.KindNumber
		}
	}
	t := table.New(title, cols...)
	for i := range df.Nrow() {
		row := make([]table.Cell, df.Ncol())
		for j := range row {
			e := df.Elem(i, j)
			if e.IsNA() {
				row[j] = table.Missing()
				continue
			}
			row[j] = table.Str(format(e, types[j], decimals))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
