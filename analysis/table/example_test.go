package table_test

import (
	"fmt"
	"os"

	"github.com/nexus-toolkit/nexus/analysis/table"
)

func Example() {
	t := table.New("Respondents",
		table.Column{Name: "category", Header: "Category"},
		table.Column{Name: "n", Header: "N", Kind: table.KindNumber},
	)
	t.Append(table.Str("Security experts"), table.Missing())
	t.Append(table.Str("Total"), table.Int(29))

	fmt.Println("CSV:")
	t.WriteCSV(os.Stdout)
	fmt.Println("Markdown:")
	t.WriteMarkdown(os.Stdout)
	fmt.Println("LaTeX:")
	t.WriteLaTeX(os.Stdout)
	// Output:
	// CSV:
	// category,n
	// Security experts,n.r.
	// Total,29
	// Markdown:
	// **Respondents.**
	//
	// | Category | N |
	// | :-- | --: |
	// | Security experts | n.r. |
	// | Total | 29 |
	// LaTeX:
	// \begin{table}[htbp]
	// \centering\small\setlength{\tabcolsep}{4pt}
	// \caption{Respondents.}
	// \begin{tabular}{lr}
	// \toprule
	// Category & N \\
	// \midrule
	// Security experts & n.r. \\
	// Total & 29 \\
	// \bottomrule
	// \end{tabular}
	// \end{table}
}

func ExampleFormatFloat() {
	fmt.Println(table.FormatFloat(2.675, 2)) // stored as 2.67499999...
	fmt.Println(table.FormatFloat(-0.001, 2))
	fmt.Println(table.FormatFloat(1234567.891, 1))
	// Output:
	// 2.67
	// 0.00
	// 1234567.9
}

func ExampleEscapeLaTeX() {
	fmt.Println(table.EscapeLaTeX("TTP–AQ: 50% of $ & #1_a {x} ~ ^"))
	// Output:
	// TTP--AQ: 50\% of \$ \& \#1\_a \{x\} \textasciitilde{} \textasciicircum{}
}

func ExampleEscapeMarkdown() {
	fmt.Println(table.EscapeMarkdown("a|b\n*c*"))
	// Output:
	// a\|b<br>\*c\*
}
