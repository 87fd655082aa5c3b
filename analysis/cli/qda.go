package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/compendium"
	"github.com/nexus-toolkit/nexus/analysis/qda"
	"github.com/nexus-toolkit/nexus/analysis/qda/refi"
)

func init() {
	commands["qda"] = command{summary: "qualitative coding: agreement, co-occurrence, REFI-QDA import and export", run: cmdQDA}
}

const qdaUsage = `usage:
  nexus qda init DIR
  nexus qda frequencies DIR [--crosstab ATTRIBUTE] [--count segments|cases]
  nexus qda agreement DIR [--coders a,b] [--unit documents|characters]
  nexus qda compare DIR --coders a,b
  nexus qda cooccurrence DIR [--by segments|cases] [--coder ID]
  nexus qda import FILE.qdpx|FILE.qdc --out DIR
  nexus qda export DIR --out FILE.qdc|FILE.qdpx

DIR is a coding package (codes, sources, cases, coders, segments, sets,
notes; see go doc github.com/nexus-toolkit/nexus/analysis/qda) or a study package with codes.csv and
excerpts.csv. Every command but init and import first validates DIR as
nexus validate does and stops on any problem. frequencies, agreement,
compare and cooccurrence write CSV to standard output; import reports on
standard error what it skipped, changed and dropped.`

// parseInterspersed parses flags that may follow positional arguments.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// qdaRun maps each qda subcommand to the function that runs it.
var qdaRun = map[string]func(q *qdaCmd) error{
	"init":         qdaInit,
	"compare":      qdaCompare,
	"frequencies":  qdaFrequencies,
	"agreement":    qdaAgreement,
	"cooccurrence": qdaCooccurrence,
	"import":       qdaImport,
	"export":       qdaExport,
}

func cmdQDA(stdout, stderr io.Writer, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprintln(stdout, qdaUsage)
		return nil
	}
	sub, args := args[0], args[1:]
	q := &qdaCmd{spec: spec{name: "qda " + sub, about: qdaUsage}, stdout: stdout, stderr: stderr, args: args}
	q.fs = q.spec.flags()
	run, ok := qdaRun[sub]
	if !ok {
		return usagef("qda", "unknown subcommand %q; the subcommands are init, frequencies, agreement, compare, cooccurrence, import, export", sub)
	}
	return run(q)
}

// qdaCmd is one run of a qda subcommand: its flags, its arguments and
// where it writes.
type qdaCmd struct {
	spec
	fs             *flag.FlagSet
	stdout, stderr io.Writer
	args           []string
}

// positional parses the flags, which may follow the positional arguments,
// and returns the one positional argument, called what in messages.
func (q *qdaCmd) positional(what string) (string, error) {
	pos, err := parseInterspersed(q.fs, q.args)
	if err := q.parsed(q.fs, q.stdout, err); err != nil {
		return "", err
	}
	if len(pos) != 1 {
		return "", usagef(q.name, "expected one %s, got %d arguments", what, len(pos))
	}
	return pos[0], nil
}

// project parses the flags, checks them with check (when not nil) and
// opens the one package directory once it validates.
func (q *qdaCmd) project(check func() error) (*qda.Project, error) {
	dir, err := q.positional("package directory")
	if err != nil {
		return nil, err
	}
	if check != nil {
		if err := check(); err != nil {
			return nil, err
		}
	}
	return openValid(q.stderr, dir)
}

// qdaInit runs nexus qda init DIR.
func qdaInit(q *qdaCmd) error {
	dir, err := q.positional("new directory")
	if err != nil {
		return err
	}
	if err := qda.Init(dir); err != nil {
		return err
	}
	fmt.Fprintf(q.stdout, "%s: empty coding package; fill the CSV files, then run nexus hash -w %s\n", dir, dir)
	return nil
}

// qdaCompare runs nexus qda compare DIR --coders a,b.
func qdaCompare(q *qdaCmd) error {
	coders := q.fs.String("coders", "", "the two coder `ids` to compare, a,b (required)")
	var ids []string
	p, err := q.project(func() error {
		if ids = strings.Split(*coders, ","); len(ids) != 2 {
			return usagef(q.name, "-coders %q: expected two coder ids a,b", *coders)
		}
		return nil
	})
	if err != nil {
		return err
	}
	return qda.WriteComparison(q.stdout, p, ids[0], ids[1])
}

// qdaFrequencies runs nexus qda frequencies DIR [--crosstab ATTRIBUTE]
// [--count segments|cases].
func qdaFrequencies(q *qdaCmd) error {
	crosstab := q.fs.String("crosstab", "", "cross-tabulate codes by this case `attribute`")
	count := q.fs.String("count", "segments", "what a cross-tabulation counts: segments or cases")
	p, err := q.project(nil)
	if err != nil {
		return err
	}
	unit, err := qda.ParseUnit(*count)
	if err != nil {
		return fmt.Errorf("qda frequencies: --count: %w", err)
	}
	return qda.WriteFrequencies(q.stdout, p, *crosstab, unit)
}

// qdaAgreement runs nexus qda agreement DIR [--coders a,b]
// [--unit documents|characters].
func qdaAgreement(q *qdaCmd) error {
	coders := q.fs.String("coders", "", "comma-separated coder `ids` (default: all coders)")
	unit := q.fs.String("unit", "documents", "units of agreement: documents or characters")
	p, err := q.project(nil)
	if err != nil {
		return err
	}
	gran, err := qda.ParseGranularity(*unit)
	if err != nil {
		return fmt.Errorf("qda agreement: --unit: %w", err)
	}
	var ids []string
	if *coders != "" {
		ids = strings.Split(*coders, ",")
	}
	return qda.WriteAgreement(q.stdout, p, ids, gran)
}

// qdaCooccurrence runs nexus qda cooccurrence DIR [--by segments|cases]
// [--coder ID].
func qdaCooccurrence(q *qdaCmd) error {
	by := q.fs.String("by", "segments", "co-occurrence within segments (overlapping spans) or cases")
	coder := q.fs.String("coder", "", "only the segments of this coder `id` (default: all)")
	p, err := q.project(nil)
	if err != nil {
		return err
	}
	unit, err := qda.ParseUnit(*by)
	if err != nil {
		return fmt.Errorf("qda cooccurrence: --by: %w", err)
	}
	if err := qda.WriteCooccurrence(q.stdout, p, *coder, unit); err != nil {
		return fmt.Errorf("qda cooccurrence: %w", err)
	}
	return nil
}

// qdaImport runs nexus qda import FILE.qdpx|FILE.qdc --out DIR and
// reports on standard error what the import skipped, warned of and
// dropped.
func qdaImport(q *qdaCmd) error {
	out := q.fs.String("out", "", "new package `dir` to write (required)")
	file, err := q.positional(".qdpx or .qdc file")
	if err != nil {
		return err
	}
	if err := q.require("out", *out); err != nil {
		return err
	}
	rep, err := refi.ImportFile(file, *out, refi.DefaultLimits)
	if err != nil {
		return err
	}
	for _, s := range rep.Skipped {
		fmt.Fprintln(q.stderr, "skipped:", s)
	}
	for _, s := range rep.Warnings {
		fmt.Fprintln(q.stderr, "warning:", s)
	}
	for _, s := range rep.Dropped {
		fmt.Fprintln(q.stderr, "dropped:", s)
	}
	return nil
}

// qdaExport runs nexus qda export DIR --out FILE.qdc|FILE.qdpx.
func qdaExport(q *qdaCmd) error {
	out := q.fs.String("out", "", "`file` to write, .qdpx (project) or .qdc (codebook) (required)")
	p, err := q.project(func() error {
		return q.require("out", *out)
	})
	if err != nil {
		return err
	}
	return refi.ExportFile(p, *out)
}

// openValid validates the package in dir as nexus validate does, prints
// its problems to w in the same form and exits 1 as validate does, and
// opens the project only when there are none.
func openValid(w io.Writer, dir string) (*qda.Project, error) {
	_, problems, err := qda.Validate(dir)
	if err != nil {
		problems = append(problems, fileProblem(err, dir))
	}
	if len(problems) > 0 {
		printProblems(w, problems, maxProblems)
		return nil, exitError{1} // as nexus validate exits
	}
	return compendium.CodingProject(dir)
}
