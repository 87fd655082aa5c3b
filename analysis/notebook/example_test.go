package notebook_test

import (
	"fmt"
	"os"

	"github.com/nexus-toolkit/nexus/analysis/notebook"
)

func ExampleParse() {
	src := "---\ntitle: Ties\n---\n\nSee @tbl-count.\n\n```go\n//| label: tbl-count\n//| echo: false\nn := 3\ncell.Rows([]string{\"ties\"}, [][]string{{fmt.Sprint(n)}})\n```\n"
	nb, err := notebook.Parse(".", "notebooks/01-ties.md", []byte(src))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(nb.Title, nb.Name)
	for _, c := range nb.Cells {
		fmt.Printf("%s at line %d, code from line %d, echo %v:\n%s", c.Name(), c.Line, c.CodeLine, c.Echo, c.Code)
	}
	// Output:
	// Ties 01-ties
	// cell 1 (tbl-count) at line 7, code from line 10, echo false:
	// n := 3
	// cell.Rows([]string{"ties"}, [][]string{{fmt.Sprint(n)}})
}

func ExampleProblems() {
	src := "---\ntitle: T\n---\n```go\n//| label: Figure\n//| colour: red\n```\n"
	_, err := notebook.Parse(".", "notebooks/02-bad.md", []byte(src))
	fmt.Println(err)
	// Output:
	// notebooks/02-bad.md:5: label "Figure" is not valid, expected lower-case letters, digits and hyphens (fig-... or tbl-... to cross-reference it)
	// notebooks/02-bad.md:6: unknown cell option "colour", expected label, caption, echo, eval or output
}

// RenderPage renders in memory, as a preview server needs; a notebook with
// problems gives them at its own file:line, relative to the repository.
func ExampleRenderPage() {
	_, err := notebook.RenderPage(notebook.Options{}, "testdata/root/notebooks/06-bad-options.md")
	fmt.Println(err)
	// Output:
	// analysis/notebook/testdata/root/notebooks/06-bad-options.md:3: dataset nosuch/1.0.0: no directory datasets/nosuch/1.0.0 or datasets/nosuch/v1.0.0
	// analysis/notebook/testdata/root/notebooks/06-bad-options.md:7: label "Fig One" is not valid, expected lower-case letters, digits and hyphens (fig-... or tbl-... to cross-reference it)
	// analysis/notebook/testdata/root/notebooks/06-bad-options.md:8: option echo: value "maybe", expected true or false
	// analysis/notebook/testdata/root/notebooks/06-bad-options.md:9: unknown cell option "colour", expected label, caption, echo, eval or output
}

func ExampleAllowed() {
	for _, p := range []string{"fmt", "gonum.org/v1/plot/plotter", "github.com/nexus-toolkit/nexus/analysis/graph/network", "github.com/nexus-toolkit/nexus/analysis/build", "text/template", "os/exec"} {
		fmt.Println(p, notebook.Allowed(p))
	}
	// Output:
	// fmt true
	// gonum.org/v1/plot/plotter true
	// github.com/nexus-toolkit/nexus/analysis/graph/network true
	// github.com/nexus-toolkit/nexus/analysis/build false
	// text/template false
	// os/exec false
}

func ExampleParseSize() {
	for _, s := range []string{"1048576", "4 MiB", "512KiB", "2 MB"} {
		n, err := notebook.ParseSize(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(n, notebook.FormatSize(n))
	}
	// Output:
	// 1048576 1 MiB
	// 4194304 4 MiB
	// 524288 512 KiB
	// size "2 MB", expected a positive number of bytes, optionally with KiB, MiB or GiB (for example 1 MiB)
}

// The prose computes its numbers with inline values, `{go} EXPR`, which
// the program evaluates after the cells above them.
func ExampleInline() {
	src := "---\ntitle: Ties\n---\n\n```go\nties := []string{\"r001\", \"r002\"}\n```\n\nThe dataset has `{go} len(ties)` ties.\n"
	nb, err := notebook.Parse(".", "notebooks/01-ties.md", []byte(src))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, in := range nb.Inlines {
		fmt.Printf("%s:%d:%d: %s\n", nb.Path, in.Line, in.ExprCol, in.Expr)
	}
	// Output:
	// notebooks/01-ties.md:9:23: len(ties)
}

// WriteClaims lists the claims that held, one CSV record each.
func ExampleWriteClaims() {
	notebook.WriteClaims(os.Stdout, []notebook.NotebookClaims{{
		Notebook: "notebooks/01-sample.md",
		Claims:   []notebook.Claim{{Line: 52, Text: "no respondent category has a count"}},
	}})
	// Output:
	// notebook,line,claim
	// notebooks/01-sample.md,52,no respondent category has a count
}
