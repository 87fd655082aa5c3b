package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/compendium"
)

func init() {
	commands["trace"] = command{summary: "print the dataset rows, pages and quotes behind a cell of a published table", run: cmdTrace}
}

var traceSpec = spec{
	name:     "trace",
	synopsis: []string{"trace [-dataset DIR] FILE.csv:LINE:COLUMN"},
	about: `LINE as in file:line (the header is line 1); COLUMN a 1-based number or a
column name. Prints each dataset row behind the cell as FILE:LINE with its
page, section and quote. The dataset must be the one the table was built
from: the hash the MANIFEST beside the table records.`,
}

func cmdTrace(stdout, stderr io.Writer, args []string) error {
	fs := traceSpec.flags()
	dataset := fs.String("dataset", "", "dataset version `dir` (default: the one the MANIFEST beside the table names; it must have the hash the MANIFEST records)")
	if err := traceSpec.parse(fs, stdout, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("trace", "expected one cell address FILE.csv:LINE:COLUMN, got %d arguments", fs.NArg())
	}
	file, line, col, err := parseCellAddress(fs.Arg(0))
	if err != nil {
		return usagef("trace", "%v", err)
	}
	ct, err := compendium.Trace(file, line, col, *dataset)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s:%d: column %q = %s: %d row(s) of %s\n", ct.File, ct.Line, ct.Column, strconv.Quote(ct.Value), len(ct.Evidence), ct.Dataset)
	if len(ct.Evidence) == 0 {
		fmt.Fprintln(stdout, "no dataset row is recorded for this cell: it is a label, a constant or computed from no row")
	}
	for _, e := range ct.Evidence {
		fmt.Fprintln(stdout, e)
	}
	return nil
}

// parseCellAddress splits FILE:LINE:COLUMN.
func parseCellAddress(s string) (file string, line int, col string, err error) {
	i := strings.LastIndex(s, ":")
	j := -1
	if i > 0 {
		j = strings.LastIndex(s[:i], ":")
	}
	if j <= 0 {
		return "", 0, "", fmt.Errorf("%q: expected FILE.csv:LINE:COLUMN", s)
	}
	line, err = strconv.Atoi(s[j+1 : i])
	if err != nil || line < 1 {
		return "", 0, "", fmt.Errorf("%q: line %q, expected a number from 1", s, s[j+1:i])
	}
	return s[:j], line, s[i+1:], nil
}
