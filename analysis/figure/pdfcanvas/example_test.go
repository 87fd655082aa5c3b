package pdfcanvas_test

import (
	"bytes"
	"fmt"
	"log"
	"regexp"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/nexus-toolkit/nexus/analysis/figure/pdfcanvas"
)

// ExampleNew draws a gonum/plot plot into a PDF whose bytes depend only
// on the plot, the size and the date given (here SOURCE_DATE_EPOCH=1700000000).
func ExampleNew() {
	p := plot.New()
	p.Title.Text = "Cooperation, 2001–2025"
	p.X.Label.Text = "Year"

	date := time.Unix(1700000000, 0)
	var runs [2][]byte
	for i := range runs {
		c := pdfcanvas.New(10*vg.Centimeter, 6*vg.Centimeter, date)
		p.Draw(draw.New(c))
		var b bytes.Buffer
		if _, err := c.WriteTo(&b); err != nil {
			log.Fatal(err)
		}
		runs[i] = b.Bytes()
	}
	fmt.Println(string(runs[0][:8]))
	fmt.Printf("%s\n", regexp.MustCompile(`/CreationDate \([^)]*\)`).Find(runs[0]))
	fmt.Println("same bytes twice:", bytes.Equal(runs[0], runs[1]))
	// Output:
	// %PDF-1.3
	// /CreationDate (D:20231114221320)
	// same bytes twice: true
}
