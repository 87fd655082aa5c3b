package agree

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"
)

var nan = math.NaN()

// krippendorff2011 is the reliability data of Krippendorff, K. (2011),
// "Computing Krippendorff's Alpha-Reliability", Annenberg School for
// Communication, University of Pennsylvania, section C (4 observers,
// 12 units, missing values); rows are observers A-D. The same matrix is
// used by the Python package krippendorff (github.com/pln-fing-udelar/
// fast-krippendorff, tests/test_krippendorff.py, test_ordinal_metric and
// test_ratio_metric).
var krippendorff2011 = [][]float64{
	{1, 2, 3, 3, 2, 1, 4, 1, 2, nan, nan, nan},
	{1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nan, 3},
	{nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nan},
	{1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nan},
}

// wikipedia3x15 is the example of the Wikipedia article "Krippendorff's
// alpha" (a computational example, 3 coders, 15 units), as used in
// github.com/pln-fing-udelar/fast-krippendorff tests/test_krippendorff.py
// (test_nominal_metric_reliability_data: 0.691358; test_interval_metric:
// 0.810845).
var wikipedia3x15 = [][]float64{
	{nan, nan, nan, nan, nan, 3, 4, 1, 2, 1, 1, 3, 3, nan, 3},
	{1, nan, 2, 1, 3, 3, 4, 3, nan, nan, nan, nan, nan, nan, nan},
	{nan, nan, 2, 1, 3, 4, 4, nan, 2, 1, 1, 3, 3, nan, 4},
}

func round(x float64, digits int) float64 {
	p := math.Pow(10, float64(digits))
	return math.Round(x*p) / p
}

func TestAlphaReference(t *testing.T) {
	for _, tc := range []struct {
		name   string
		data   [][]float64
		level  Level
		digits int
		want   float64
	}{
		// Krippendorff (2011), section C: nominal .743, ordinal .815,
		// interval .849, ratio .797. The ordinal and ratio values are also
		// in the tests of the Python krippendorff package; all four were
		// cross-checked with a separate, direct coincidence-matrix
		// computation (o_ck, n_c, delta^2 per level) of the same data.
		{"k2011 nominal", krippendorff2011, Nominal, 3, 0.743},
		{"k2011 ordinal", krippendorff2011, Ordinal, 3, 0.815},
		{"k2011 interval", krippendorff2011, Interval, 3, 0.849},
		{"k2011 ratio", krippendorff2011, Ratio, 3, 0.797},
		{"wikipedia nominal", wikipedia3x15, Nominal, 6, 0.691358},
		{"wikipedia interval", wikipedia3x15, Interval, 6, 0.810845},
	} {
		got, err := Alpha(tc.data, nil, tc.level)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if round(got, tc.digits) != tc.want {
			t.Errorf("%s: alpha = %.6f, want %v", tc.name, got, tc.want)
		}
	}
}

// cohenExample is the worked example of the Wikipedia article "Cohen's
// kappa" (50 grant proposals, two readers: 20 yes/yes, 15 no/no, 5 A-yes
// B-no, 10 A-no B-yes): po = .70, pe = .50, kappa = .40.
func cohenExample() (a, b []float64) {
	add := func(n int, x, y float64) {
		for i := 0; i < n; i++ {
			a = append(a, x)
			b = append(b, y)
		}
	}
	add(20, 1, 1)
	add(15, 0, 0)
	add(5, 1, 0)
	add(10, 0, 1)
	return a, b
}

func TestCohenReference(t *testing.T) {
	a, b := cohenExample()
	k, err := Cohen(a, b, nil)
	if err != nil || round(k, 10) != 0.4 {
		t.Errorf("kappa = %v, %v; want 0.4", k, err)
	}
	po, _ := Percent([][]float64{a, b}, nil)
	if round(po, 10) != 0.7 {
		t.Errorf("po = %v, want 0.7", po)
	}
	// Brennan-Prediger with q = 2: (.7 - .5)/(1 - .5) = .4.
	bp, _ := BrennanPrediger([][]float64{a, b}, nil, 2)
	if round(bp, 10) != 0.4 {
		t.Errorf("Brennan-Prediger = %v, want 0.4", bp)
	}
	// q = 4: (.7 - .25)/.75 = .6.
	bp, _ = BrennanPrediger([][]float64{a, b}, nil, 4)
	if round(bp, 10) != 0.6 {
		t.Errorf("Brennan-Prediger q=4 = %v, want 0.6", bp)
	}
}

func TestWeightsEqualRepetition(t *testing.T) {
	// A unit of weight 3 must count as three identical units.
	a := []float64{1, 0, 1, 0}
	b := []float64{1, 1, 0, 0}
	w := []float64{3, 1, 1, 2}
	ra := []float64{1, 1, 1, 0, 1, 0, 0}
	rb := []float64{1, 1, 1, 1, 0, 0, 0}
	for _, l := range []Level{Nominal, Interval} {
		x, _ := Alpha([][]float64{a, b}, w, l)
		y, _ := Alpha([][]float64{ra, rb}, nil, l)
		if math.Abs(x-y) > 1e-12 {
			t.Errorf("%v: weighted %v, repeated %v", l, x, y)
		}
	}
	x, _ := Cohen(a, b, w)
	y, _ := Cohen(ra, rb, nil)
	if math.Abs(x-y) > 1e-12 {
		t.Errorf("cohen: weighted %v, repeated %v", x, y)
	}
}

func TestErrors(t *testing.T) {
	if _, err := Alpha([][]float64{{1, 2}, {1}}, nil, Nominal); !errors.Is(err, ErrShape) {
		t.Errorf("shape: %v", err)
	}
	if _, err := Alpha([][]float64{{1, nan}, {nan, 2}}, nil, Nominal); !errors.Is(err, ErrNoPairs) {
		t.Errorf("no pairs: %v", err)
	}
	if _, err := Alpha([][]float64{{1, 1}, {1, 1}}, nil, Nominal); !errors.Is(err, ErrOneValue) {
		t.Errorf("one value: %v", err)
	}
	if _, err := Cohen([]float64{1, 1}, []float64{1, 1}, nil); !errors.Is(err, ErrOneValue) {
		t.Errorf("cohen one value: %v", err)
	}
	if _, err := Alpha([][]float64{{1, 2}}, []float64{1}, Nominal); !errors.Is(err, ErrBadWeight) {
		t.Errorf("weights: %v", err)
	}
	if a, _ := Alpha([][]float64{{1, 2, 3}, {1, 2, 3}}, nil, Interval); a != 1 {
		t.Errorf("perfect agreement: %v", a)
	}
}

func benchData(units, coders int) [][]float64 {
	r := rand.New(rand.NewPCG(1, 2))
	data := make([][]float64, coders)
	truth := make([]float64, units)
	for u := range truth {
		truth[u] = float64(r.IntN(5))
	}
	for c := range data {
		data[c] = make([]float64, units)
		for u := range truth {
			switch x := r.Float64(); {
			case x < 0.05:
				data[c][u] = nan
			case x < 0.25:
				data[c][u] = float64(r.IntN(5))
			default:
				data[c][u] = truth[u]
			}
		}
	}
	return data
}

// BenchmarkAlpha measures Krippendorff's alpha on 100,000 units and 5
// coders (target: at most 0.2 s per operation).
func BenchmarkAlpha(b *testing.B) {
	data := benchData(100000, 5)
	for _, l := range []Level{Nominal, Ordinal, Interval} {
		b.Run(l.String(), func(b *testing.B) {
			for b.Loop() {
				if _, err := Alpha(data, nil, l); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestAlphaNonIntegerValues exercises the map index: alpha is invariant
// under a linear rescaling of interval values and a relabelling of
// nominal ones.
func TestAlphaNonIntegerValues(t *testing.T) {
	scaled := make([][]float64, len(krippendorff2011))
	for c, row := range krippendorff2011 {
		for _, x := range row {
			scaled[c] = append(scaled[c], x*0.5-7.25)
		}
	}
	for _, l := range []Level{Nominal, Ordinal, Interval} {
		a, _ := Alpha(krippendorff2011, nil, l)
		b, _ := Alpha(scaled, nil, l)
		if math.Abs(a-b) > 1e-12 {
			t.Errorf("%v: %v vs rescaled %v", l, a, b)
		}
	}
}
