package agree_test

import (
	"fmt"
	"math"

	"github.com/nexus-toolkit/nexus/analysis/qda/agree"
)

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability":
// four observers, twelve units, missing values.
func ExampleAlpha() {
	m := math.NaN()
	data := [][]float64{
		{1, 2, 3, 3, 2, 1, 4, 1, 2, m, m, m},
		{1, 2, 3, 3, 2, 2, 4, 1, 2, 5, m, 3},
		{m, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, m},
		{1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, m},
	}
	for _, l := range []agree.Level{agree.Nominal, agree.Ordinal, agree.Interval, agree.Ratio} {
		a, _ := agree.Alpha(data, nil, l)
		fmt.Printf("%-8s %.3f\n", l, a)
	}
	// Output:
	// nominal  0.743
	// ordinal  0.815
	// interval 0.849
	// ratio    0.797
}

// Two coders mark whether a code applies (1) or not (0) to ten units.
func ExampleCohen() {
	a := []float64{1, 1, 0, 1, 0, 0, 1, 1, 0, 1}
	b := []float64{1, 0, 0, 1, 0, 1, 1, 1, 0, 1}
	po, _ := agree.Percent([][]float64{a, b}, nil)
	k, _ := agree.Cohen(a, b, nil)
	bp, _ := agree.BrennanPrediger([][]float64{a, b}, nil, 2)
	fmt.Printf("percent %.2f, Cohen %.3f, Brennan-Prediger %.3f\n", po, k, bp)
	// Output:
	// percent 0.80, Cohen 0.583, Brennan-Prediger 0.600
}
