package agree

import (
	"errors"
	"math"
	"sort"
)

// Level is the level of measurement of Krippendorff's alpha.
type Level int

// The levels of measurement, with Krippendorff's difference functions.
const (
	Nominal  Level = iota // δ = 0 if equal, 1 otherwise
	Ordinal               // δ from the ranks of the pairable values
	Interval              // δ = (c-k)²
	Ratio                 // δ = ((c-k)/(c+k))²
)

// String returns the name of the level.
func (l Level) String() string {
	switch l {
	case Nominal:
		return "nominal"
	case Ordinal:
		return "ordinal"
	case Interval:
		return "interval"
	case Ratio:
		return "ratio"
	}
	return "unknown"
}

// Sentinel errors.
var (
	ErrShape     = errors.New("coders rate different numbers of units")
	ErrNoPairs   = errors.New("no unit has values from two coders")
	ErrOneValue  = errors.New("only one value occurs, agreement is undefined")
	ErrBadLevel  = errors.New("unknown level of measurement")
	ErrBadWeight = errors.New("weights do not match the units")
)

func weight(w []float64, u int) float64 {
	if w == nil {
		return 1
	}
	return w[u]
}

func check(data [][]float64, w []float64) (units int, err error) {
	if len(data) == 0 {
		return 0, ErrNoPairs
	}
	units = len(data[0])
	for _, row := range data {
		if len(row) != units {
			return 0, ErrShape
		}
	}
	if w != nil && len(w) != units {
		return 0, ErrBadWeight
	}
	return units, nil
}

// Percent returns the pairwise percent agreement, as a proportion: over
// all pairs of coders that both rated a unit, the weighted share of pairs
// that gave the same value. With two coders it is the share of units
// coded alike among the units both coded.
func Percent(data [][]float64, w []float64) (float64, error) {
	units, err := check(data, w)
	if err != nil {
		return math.NaN(), err
	}
	var agree, pairs float64
	for u := 0; u < units; u++ {
		wu := weight(w, u)
		for a := range data {
			x := data[a][u]
			if math.IsNaN(x) {
				continue
			}
			for b := a + 1; b < len(data); b++ {
				y := data[b][u]
				if math.IsNaN(y) {
					continue
				}
				pairs += wu
				if x == y {
					agree += wu
				}
			}
		}
	}
	if pairs == 0 {
		return math.NaN(), ErrNoPairs
	}
	return agree / pairs, nil
}

// Cohen returns Cohen's (1960) kappa for two coders, (po-pe)/(1-pe), over
// the units both coded: po is the observed agreement and pe the agreement
// expected from each coder's own marginal distribution.
func Cohen(a, b []float64, w []float64) (kappa float64, err error) {
	if len(a) != len(b) {
		return math.NaN(), ErrShape
	}
	if w != nil && len(w) != len(a) {
		return math.NaN(), ErrBadWeight
	}
	ma, mb := map[float64]float64{}, map[float64]float64{}
	var n, agree float64
	for u := range a {
		if math.IsNaN(a[u]) || math.IsNaN(b[u]) {
			continue
		}
		wu := weight(w, u)
		n += wu
		ma[a[u]] += wu
		mb[b[u]] += wu
		if a[u] == b[u] {
			agree += wu
		}
	}
	if n == 0 {
		return math.NaN(), ErrNoPairs
	}
	po := agree / n
	var pe float64
	for _, v := range sortedValues(ma) {
		pe += ma[v] / n * mb[v] / n
	}
	if pe == 1 {
		return math.NaN(), ErrOneValue
	}
	return (po - pe) / (1 - pe), nil
}

func sortedValues(m map[float64]float64) []float64 {
	vs := make([]float64, 0, len(m))
	for v := range m {
		vs = append(vs, v)
	}
	sort.Float64s(vs)
	return vs
}

// BrennanPrediger returns Brennan and Prediger's (1981) kappa,
// (po-1/q)/(1-1/q), where po is the pairwise percent agreement and q the
// number of categories coders could choose from. MAXQDA reports it for
// intercoder agreement; for a code's presence or absence q is 2.
func BrennanPrediger(data [][]float64, w []float64, q int) (float64, error) {
	if q < 2 {
		return math.NaN(), ErrOneValue
	}
	po, err := Percent(data, w)
	if err != nil {
		return math.NaN(), err
	}
	pe := 1 / float64(q)
	return (po - pe) / (1 - pe), nil
}

// Alpha returns Krippendorff's alpha, 1 - Do/De, for data[c][u] at the
// given level of measurement (Krippendorff 2011, "Computing
// Krippendorff's Alpha-Reliability"). Units with fewer than two values are
// not pairable and are ignored. Any number of coders and missing values
// (NaN) are allowed.
func Alpha(data [][]float64, w []float64, level Level) (float64, error) {
	units, err := check(data, w)
	if err != nil {
		return math.NaN(), err
	}
	if level < Nominal || level > Ratio {
		return math.NaN(), ErrBadLevel
	}
	values, lookup := valueIndex(data)
	V := len(values)
	// Coincidence matrix o[c*V+k].
	o := make([]float64, V*V)
	idx := make([]int32, len(data))
	for u := 0; u < units; u++ {
		m := 0
		for c := range data {
			x := data[c][u]
			if !math.IsNaN(x) {
				idx[m] = lookup(x)
				m++
			}
		}
		if m < 2 {
			continue
		}
		f := weight(w, u) / float64(m-1)
		for i := 0; i < m; i++ {
			row := int(idx[i]) * V
			for j := 0; j < m; j++ {
				if i != j {
					o[row+int(idx[j])] += f
				}
			}
		}
	}
	nc := make([]float64, V)
	var n float64
	for c := 0; c < V; c++ {
		for k := 0; k < V; k++ {
			nc[c] += o[c*V+k]
		}
		n += nc[c]
	}
	if n == 0 {
		return math.NaN(), ErrNoPairs
	}
	if V < 2 {
		return math.NaN(), ErrOneValue
	}
	delta := func(c, k int) float64 {
		switch level {
		case Nominal:
			if c == k {
				return 0
			}
			return 1
		case Ordinal:
			lo, hi := c, k
			if lo > hi {
				lo, hi = hi, lo
			}
			var s float64
			for g := lo; g <= hi; g++ {
				s += nc[g]
			}
			s -= (nc[lo] + nc[hi]) / 2
			return s * s
		case Interval:
			d := values[c] - values[k]
			return d * d
		default:
			d := (values[c] - values[k]) / (values[c] + values[k])
			if values[c]+values[k] == 0 {
				return 0
			}
			return d * d
		}
	}
	var do, de float64
	for c := 0; c < V; c++ {
		for k := c + 1; k < V; k++ {
			d := delta(c, k)
			do += o[c*V+k] * d
			de += nc[c] * nc[k] * d
		}
	}
	if de == 0 {
		return math.NaN(), ErrOneValue
	}
	// Do = sum o_ck δ / n, De = sum n_c n_k δ / (n(n-1)); both sums over
	// c<k count each unordered pair once, which cancels in the ratio.
	return 1 - (n-1)*do/de, nil
}

// valueIndex returns the distinct values of data in increasing order and a
// function from a value to its position. Small non-negative integers, the
// usual category codes, are indexed through an array instead of a map.
func valueIndex(data [][]float64) ([]float64, func(float64) int32) {
	const small = 1 << 16
	ints := true
	max := 0
	for _, row := range data {
		for _, x := range row {
			if math.IsNaN(x) {
				continue
			}
			if x < 0 || x >= small || x != math.Trunc(x) {
				ints = false
				break
			}
			if int(x) > max {
				max = int(x)
			}
		}
		if !ints {
			break
		}
	}
	var values []float64
	if ints {
		pos := make([]int32, max+1)
		for i := range pos {
			pos[i] = -1
		}
		for _, row := range data {
			for _, x := range row {
				if !math.IsNaN(x) {
					pos[int(x)] = 0
				}
			}
		}
		for v := range pos {
			if pos[v] == 0 {
				pos[v] = int32(len(values))
				values = append(values, float64(v))
			}
		}
		return values, func(x float64) int32 { return pos[int(x)] }
	}
	index := map[float64]int32{}
	for _, row := range data {
		for _, x := range row {
			if !math.IsNaN(x) {
				index[x] = 0
			}
		}
	}
	for v := range index {
		values = append(values, v)
	}
	sort.Float64s(values)
	for i, v := range values {
		index[v] = int32(i)
	}
	return values, func(x float64) int32 { return index[x] }
}
