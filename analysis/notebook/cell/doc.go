// Package cell is the API that the Go cells of a notebook call while the
// notebook runs: it shows tables, figures and Markdown, checks the claims
// the prose makes (Claim), shows the evidence of traced table cells
// (Table, SetQuoteFields) and reads files of the repository.
//
// A notebook's cells are compiled into one program (see package
// github.com/nexus-toolkit/nexus/analysis/notebook). That program imports this package, which
// reports each cell's outputs to the renderer through standard output,
// framed by a marker that the renderer chooses for each run. Anything else
// a cell prints to standard output or standard error is shown as the
// cell's text output, in the order it was printed.
//
// Outside a notebook run (when the marker variable is unset) the functions
// write plain text to standard output, so a cell's code can be tried as an
// ordinary program.
//
// The functions take no error results: a failure (a table that does not
// validate, a file outside the repository) stops the notebook with an
// error reported at the cell's own line in the notebook file.
package cell
