package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/nexus-toolkit/nexus/analysis/datapkg"
	"github.com/nexus-toolkit/nexus/analysis/qda"
)

func init() {
	commands["validate"] = command{summary: "check data packages against their datapackage.json (schema, keys, hashes) and respondent data for personal details", run: cmdValidate}
}

// maxProblems is how many problems a command prints before it sums up.
const maxProblems = 50

var validateSpec = spec{
	name:     "validate",
	synopsis: []string{"validate [-max N] DIR..."},
	about: `DIR holds a datapackage.json. Exits 0 with a one-line summary per valid
package, or 1 with every problem as file:line:column: what is wrong.`,
}

func cmdValidate(stdout, stderr io.Writer, args []string) error {
	fs := validateSpec.flags()
	limit := fs.Int("max", maxProblems, "print at most `n` problems (0: all)")
	if err := validateSpec.parse(fs, stdout, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("validate", "no package directory given, expected one or more DIR")
	}
	var all datapkg.Problems
	for _, dir := range fs.Args() {
		p, ps, err := qda.Validate(dir)
		switch {
		case err != nil:
			all = append(all, fileProblem(err, dir))
		case len(ps) > 0:
			all = append(all, ps...)
		default:
			fmt.Fprintf(stdout, "%s %s: valid: %d resources, %d rows\n", p.Name, p.Version, len(p.Resources), p.Rows())
		}
	}
	if len(all) == 0 {
		return nil
	}
	printProblems(stdout, all, *limit)
	return exitError{1}
}

// printProblems prints one line per problem, at most limit (0: all).
func printProblems(w io.Writer, ps datapkg.Problems, limit int) {
	anonymity := false
	for i, p := range ps {
		anonymity = anonymity || qda.IsAnonymity(p)
		if limit > 0 && i == limit {
			fmt.Fprintf(w, "and %d more problems\n", len(ps)-limit)
			break
		}
		fmt.Fprintln(w, p)
	}
	if anonymity {
		fmt.Fprintln(w, qda.AnonymityHint)
	}
}

// fileProblem turns an error that is not a list of problems (a missing
// descriptor, say) into a problem line about its file.
func fileProblem(err error, dir string) *datapkg.Problem {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return &datapkg.Problem{Path: pe.Path, Err: fmt.Errorf("%w: %v", datapkg.ErrMissingFile, pe.Err)}
	}
	return &datapkg.Problem{Path: dir, Err: err}
}
