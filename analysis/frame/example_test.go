package frame_test

import (
	"fmt"
	"os"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"github.com/nexus-toolkit/nexus/analysis/frame"
)

// Count the ties of each type and basis, sorted by the keys whatever the
// map order inside gota, and print the shares with two decimals.
func ExampleCount() {
	df := dataframe.New(
		series.New([]string{"support", "alliance", "support", "rivalry", "support"}, series.String, "tie_type"),
		series.New([]string{"expedient", "ideological", "expedient", "unknown", "ideological"}, series.String, "basis"),
	)
	n, err := frame.Count(df, "tie_type", "basis")
	if err != nil {
		fmt.Println(err)
		return
	}
	share := n.Col("n").Float()
	for i := range share {
		share[i] /= float64(df.Nrow())
	}
	n = n.Mutate(series.New(share, series.Float, "share"))
	if err := frame.WriteCSV(os.Stdout, n, 2); err != nil {
		fmt.Println(err)
	}
	// Output:
	// tie_type,basis,n,share
	// alliance,ideological,1,0.20
	// rivalry,unknown,1,0.20
	// support,expedient,2,0.40
	// support,ideological,1,0.20
}
