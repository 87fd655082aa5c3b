package paper

import (
	"fmt"
	"sort"

	"gonum.org/v1/plot"

	"github.com/nexus-toolkit/nexus/analysis/figure"
	"github.com/nexus-toolkit/nexus/analysis/qda"
	"github.com/nexus-toolkit/nexus/analysis/study"
	"github.com/nexus-toolkit/nexus/analysis/table"
)

// ExcerptCooccurrence returns the co-occurrence of the codes the curators
// applied to the paper's interview excerpts, restricted to codes used at
// least once: counts of excerpts coded with both codes (the diagonal holds
// the excerpts coded with each), their ATLAS.ti c-coefficients, and the
// code labels.
func ExcerptCooccurrence(s *study.Study) (m *qda.Matrix, c [][]float64, labels []string, err error) {
	p := study.CodingProject(s.Name, s.Codes, s.Excerpts)
	full, cfull, err := qda.ExcerptCooccurrence(p)
	if err != nil {
		return nil, nil, nil, err
	}
	m = full.DropUnused()
	index := map[string]int{}
	for i, id := range full.Rows {
		index[id] = i
	}
	c = make([][]float64, len(m.Rows))
	for i, a := range m.Rows {
		c[i] = make([]float64, len(m.Cols))
		for j, b := range m.Cols {
			c[i][j] = cfull[index[a]][index[b]]
		}
	}
	return m, c, p.CodeNames(m.Rows), nil
}

// Cooccurrence is T8: every pair of codes that the curators applied
// together to at least one of the paper's interview excerpts, with the
// number of excerpts and ATLAS.ti's c-coefficient n12/(n1+n2-n12).
func Cooccurrence(s *study.Study) (*table.Table, error) {
	m, c, labels, err := ExcerptCooccurrence(s)
	if err != nil {
		return nil, err
	}
	t := table.New("Code co-occurrence across the interview excerpts",
		table.Column{Name: "code_a", Header: "Code A"},
		table.Column{Name: "code_b", Header: "Code B"},
		table.Column{Name: "excerpts_both", Header: "Excerpts with both", Kind: table.KindNumber},
		table.Column{Name: "excerpts_a", Header: "with A", Kind: table.KindNumber},
		table.Column{Name: "excerpts_b", Header: "with B", Kind: table.KindNumber},
		table.Column{Name: "c_coefficient", Header: "c-coefficient", Kind: table.KindNumber},
	)
	t.Label = "tbl:cooccurrence"
	t.Long = true
	type pair struct{ i, j int }
	var pairs []pair
	for i := range m.Rows {
		for j := i + 1; j < len(m.Cols); j++ {
			if m.Counts[i][j] > 0 {
				pairs = append(pairs, pair{i, j})
			}
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool {
		pa, pb := pairs[a], pairs[b]
		if m.Counts[pa.i][pa.j] != m.Counts[pb.i][pb.j] {
			return m.Counts[pa.i][pa.j] > m.Counts[pb.i][pb.j]
		}
		if c[pa.i][pa.j] != c[pb.i][pb.j] {
			return c[pa.i][pa.j] > c[pb.i][pb.j]
		}
		return pa.i < pb.i || pa.i == pb.i && pa.j < pb.j
	})
	coded := excerptsByCode(s)
	for _, p := range pairs {
		a, b := m.Rows[p.i], m.Cols[p.j]
		both := table.Refs("excerpts", intersect(coded[a], coded[b])...)
		codeA, codeB := table.Ref{Resource: "codes", Key: a}, table.Ref{Resource: "codes", Key: b}
		t.Append(table.Str(labels[p.i]).From(codeA), table.Str(labels[p.j]).From(codeB), table.Int(m.Counts[p.i][p.j]).From(both...),
			table.Int(m.Counts[p.i][p.i]).From(table.Refs("excerpts", coded[a]...)...),
			table.Int(m.Counts[p.j][p.j]).From(table.Refs("excerpts", coded[b]...)...),
			table.Float(c[p.i][p.j], 3).From(both...))
	}
	t.Caption = fmt.Sprintf("%d pairs of the %d codes applied to the paper's %d interview excerpts.", len(pairs), len(m.Rows), len(s.Excerpts))
	t.Notes = []string{
		"The codes are the compendium's (inferred), applied to whole excerpts; the paper reports no per-respondent coding, so the counts are of printed excerpts, not of respondents.",
	}
	return t, nil
}

// excerptsByCode returns the IDs of the excerpts coded with each code, in
// file order.
func excerptsByCode(s *study.Study) map[string][]string {
	out := map[string][]string{}
	for _, ex := range s.Excerpts {
		for _, c := range ex.Codes {
			out[c] = append(out[c], ex.ID)
		}
	}
	return out
}

// intersect returns the items of a that are also in b, in a's order.
func intersect(a, b []string) []string {
	in := make(map[string]bool, len(b))
	for _, x := range b {
		in[x] = true
	}
	var out []string
	for _, x := range a {
		if in[x] {
			out = append(out, x)
		}
	}
	return out
}

// CooccurrenceMap is F6: the code × code co-occurrence matrix of T8 as a
// heatmap with the counts printed; the diagonal is the number of excerpts
// coded with each code.
func CooccurrenceMap(s *study.Study) (*plot.Plot, error) {
	m, _, labels, err := ExcerptCooccurrence(s)
	if err != nil {
		return nil, err
	}
	values := make([][]float64, len(m.Rows))
	for i := range values {
		values[i] = make([]float64, len(m.Cols))
		for j := range values[i] {
			values[i][j] = float64(m.Counts[i][j])
		}
	}
	mx, err := figure.NewMatrix(values, labels, labels)
	if err != nil {
		return nil, err
	}
	p := figure.New()
	p.Title.Text = fmt.Sprintf("Codes applied together to the %d interview excerpts (diagonal: excerpts per code)", len(s.Excerpts))
	mx.AddTo(p)
	figure.RotateX(p, 40)
	return p, nil
}
