package qda

import (
	"encoding/csv"
	"io"
	"math"
	"strconv"
)

// ResourceNames returns the names of the resources that the
// datapackage.json in dir lists, in descriptor order. It lets a caller
// tell a coding package (one with a segments resource, as Write makes)
// from another kind of package before choosing how to load it.
func ResourceNames(dir string) ([]string, error) {
	t, err := DirTables(dir)
	if err != nil {
		return nil, err
	}
	d := t.(*dirTables)
	names := make([]string, len(d.pkg.Resources))
	for i, r := range d.pkg.Resources {
		names[i] = r.Name
	}
	return names, nil
}

// formatFloat prints x with 4 decimals, and NaN as empty (missing).
func formatFloat(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return ""
	}
	return strconv.FormatFloat(x, 'f', 4, 64)
}

// WriteAgreementCSV writes agreement rows as CSV with the columns code,
// name (the code's name in codes), units, percent, cohen_kappa,
// brennan_prediger, krippendorff_alpha; the pooled row has code "(all)"
// and name "(all codes)". Undefined statistics are empty. When synthetic
// is true every row carries data=synthetic.
func WriteAgreementCSV(w io.Writer, rows []Agreement, codes []Code, synthetic bool) error {
	name := make(map[string]string, len(codes))
	for _, c := range codes {
		name[c.ID] = c.Name
	}
	name[""] = "(all codes)"
	cw := csv.NewWriter(w)
	header := []string{"code", "name", "units", "percent", "cohen_kappa", "brennan_prediger", "krippendorff_alpha"}
	if synthetic {
		header = append(header, "data")
	}
	cw.Write(header)
	for _, a := range rows {
		code := a.Code
		if code == "" {
			code = "(all)"
		}
		rec := []string{code, name[a.Code], strconv.FormatFloat(a.Units, 'f', -1, 64), formatFloat(a.Percent), formatFloat(a.Cohen),
			formatFloat(a.BrennanPrediger), formatFloat(a.Alpha)}
		if synthetic {
			rec = append(rec, "synthetic")
		}
		cw.Write(rec)
	}
	cw.Flush()
	return cw.Error()
}

// WriteCooccurrenceCSV writes a co-occurrence matrix and its
// c-coefficients as CSV, one row per pair of codes (i < j, in matrix
// order): code_a, code_b, n_a, n_b, n_ab, c. When synthetic is true every
// row carries data=synthetic.
func WriteCooccurrenceCSV(w io.Writer, m *Matrix, c [][]float64, synthetic bool) error {
	cw := csv.NewWriter(w)
	header := []string{"code_a", "code_b", "n_a", "n_b", "n_ab", "c"}
	if synthetic {
		header = append(header, "data")
	}
	cw.Write(header)
	for i := range m.Rows {
		for j := i + 1; j < len(m.Cols); j++ {
			rec := []string{m.Rows[i], m.Cols[j], strconv.Itoa(m.Counts[i][i]), strconv.Itoa(m.Counts[j][j]),
				strconv.Itoa(m.Counts[i][j]), formatFloat(c[i][j])}
			if synthetic {
				rec = append(rec, "synthetic")
			}
			cw.Write(rec)
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteFrequencyCSV writes code frequencies as CSV with the columns code,
// name, segments, cases. When synthetic is true every row carries
// data=synthetic.
func WriteFrequencyCSV(w io.Writer, codes []Code, bySegments, byCases []int, synthetic bool) error {
	cw := csv.NewWriter(w)
	header := []string{"code", "name", "segments", "cases"}
	if synthetic {
		header = append(header, "data")
	}
	cw.Write(header)
	for i, c := range codes {
		rec := []string{c.ID, c.Name, strconv.Itoa(bySegments[i]), strconv.Itoa(byCases[i])}
		if synthetic {
			rec = append(rec, "synthetic")
		}
		cw.Write(rec)
	}
	cw.Flush()
	return cw.Error()
}

// WriteMatrixCSV writes a labelled matrix as CSV: a header of corner
// followed by the column labels, then one row per row label. When
// synthetic is true a last column data=synthetic is added.
func WriteMatrixCSV(w io.Writer, corner string, m *Matrix, synthetic bool) error {
	cw := csv.NewWriter(w)
	header := append([]string{corner}, m.Cols...)
	if synthetic {
		header = append(header, "data")
	}
	cw.Write(header)
	for i, r := range m.Rows {
		rec := []string{r}
		for _, n := range m.Counts[i] {
			rec = append(rec, strconv.Itoa(n))
		}
		if synthetic {
			rec = append(rec, "synthetic")
		}
		cw.Write(rec)
	}
	cw.Flush()
	return cw.Error()
}
