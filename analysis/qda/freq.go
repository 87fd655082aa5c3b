package qda

import (
	"fmt"
	"sort"
)

// Matrix is a labelled matrix of counts: Counts[i][j] belongs to row
// Rows[i] and column Cols[j].
type Matrix struct {
	Rows, Cols []string
	Counts     [][]int
}

func newMatrix(rows, cols []string) *Matrix {
	m := &Matrix{Rows: rows, Cols: cols, Counts: make([][]int, len(rows))}
	flat := make([]int, len(rows)*len(cols))
	for i := range m.Counts {
		m.Counts[i] = flat[i*len(cols) : (i+1)*len(cols) : (i+1)*len(cols)]
	}
	return m
}

// codeIndex maps code ids to positions. It reports duplicate codes;
// segments whose code is not listed are left out by the analyses, so a
// subset of the codebook can be analysed.
func codeIndex(codes []string, segs []Segment) (map[string]int, error) {
	idx := make(map[string]int, len(codes))
	for i, c := range codes {
		if _, dup := idx[c]; dup {
			return nil, fmt.Errorf("code %q listed twice", c)
		}
		idx[c] = i
	}
	return idx, nil
}

// Frequency returns, for each code, the number of segments coded with it
// (bySegments) and the number of distinct cases in which it occurs
// (byCases). Segments with codes not in codes are left out. Segments without a case do not count towards byCases; use
// Project.Resolved to give segments their source's case first.
func Frequency(codes []string, segs []Segment) (bySegments, byCases []int, err error) {
	idx, err := codeIndex(codes, segs)
	if err != nil {
		return nil, nil, err
	}
	bySegments = make([]int, len(codes))
	byCases = make([]int, len(codes))
	seen := map[[2]string]bool{}
	for _, s := range segs {
		i, ok := idx[s.Code]
		if !ok {
			continue
		}
		bySegments[i]++
		if s.Case == "" {
			continue
		}
		k := [2]string{s.Code, s.Case}
		if !seen[k] {
			seen[k] = true
			byCases[i]++
		}
	}
	return bySegments, byCases, nil
}

// Unit says what a cross-tabulation counts.
type Unit int

const (
	// Segments counts coded segments (MAXQDA's Code Matrix Browser).
	Segments Unit = iota
	// Cases counts distinct cases coded at least once (NVivo's matrix
	// coding query with case attribute columns).
	Cases
)

// Missing is the column label of cases whose attribute value is missing.
const Missing = "n.r."

// CrossTab cross-tabulates codes (rows, in the given order) by the values
// of the case attribute variable (columns, in increasing order of the
// value text, with Missing last when some case lacks a value). Segments
// must carry their case (see Project.Resolved); segments without a case
// are not counted.
func CrossTab(codes []string, vars []Variable, cases []Case, variable string, segs []Segment, unit Unit) (*Matrix, error) {
	vi := -1
	for i, v := range vars {
		if v.Name == variable {
			vi = i
		}
	}
	if vi < 0 {
		return nil, fmt.Errorf("no case attribute %q", variable)
	}
	idx, err := codeIndex(codes, segs)
	if err != nil {
		return nil, err
	}
	value := make(map[string]string, len(cases))
	colSet := map[string]bool{}
	missing := false
	for _, c := range cases {
		v := c.Values[vi]
		if v == "" {
			missing = true
			v = Missing
		} else {
			colSet[v] = true
		}
		value[c.ID] = v
	}
	cols := sortedKeys(colSet)
	if vars[vi].Type == "integer" || vars[vi].Type == "number" {
		sortNumeric(cols)
	}
	if missing {
		cols = append(cols, Missing)
	}
	col := make(map[string]int, len(cols))
	for j, c := range cols {
		col[c] = j
	}
	m := newMatrix(append([]string(nil), codes...), cols)
	seen := map[[2]string]bool{}
	for _, s := range segs {
		v, ok := value[s.Case]
		if _, known := idx[s.Code]; !ok || !known {
			continue
		}
		if unit == Cases {
			k := [2]string{s.Code, s.Case}
			if seen[k] {
				continue
			}
			seen[k] = true
		}
		m.Counts[idx[s.Code]][col[v]]++
	}
	return m, nil
}

// sortNumeric sorts numeric labels by value, keeping text order for ties
// and for labels that do not parse.
func sortNumeric(s []string) {
	val := func(x string) (float64, bool) {
		var f float64
		_, err := fmt.Sscan(x, &f)
		return f, err == nil
	}
	sort.SliceStable(s, func(i, j int) bool {
		a, okA := val(s[i])
		b, okB := val(s[j])
		if okA && okB && a != b {
			return a < b
		}
		if okA != okB {
			return okA
		}
		return s[i] < s[j]
	})
}
