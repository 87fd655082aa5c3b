package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"nexus/analysis/compendium"
	"nexus/analysis/qda"
	"nexus/analysis/qda/refi"
	"nexus/analysis/study"
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
notes; see go doc nexus/analysis/qda) or a study package with codes.csv and
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

func cmdQDA(stdout, stderr io.Writer, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprintln(stdout, qdaUsage)
		return nil
	}
	sub, args := args[0], args[1:]
	qs := spec{name: "qda " + sub, about: qdaUsage}
	fs := qs.flags()
	one := func(pos []string, what string) (string, error) {
		if len(pos) != 1 {
			return "", usagef(qs.name, "expected one %s, got %d arguments", what, len(pos))
		}
		return pos[0], nil
	}
	// project parses the flags, checks them with check (when not nil)
	// and opens the one package directory.
	project := func(check func() error) (*qda.Project, error) {
		pos, err := parseInterspersed(fs, args)
		if err := qs.parsed(fs, stdout, err); err != nil {
			return nil, err
		}
		dir, err := one(pos, "package directory")
		if err != nil {
			return nil, err
		}
		if check != nil {
			if err := check(); err != nil {
				return nil, err
			}
		}
		return openValid(stderr, dir)
	}
	switch sub {
	case "init":
		pos, err := parseInterspersed(fs, args)
		if err := qs.parsed(fs, stdout, err); err != nil {
			return err
		}
		dir, err := one(pos, "new directory")
		if err != nil {
			return err
		}
		if err := qda.Init(dir); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s: empty coding package; fill the CSV files, then run nexus hash -w %s\n", dir, dir)
		return nil
	case "compare":
		coders := fs.String("coders", "", "the two coder `ids` to compare, a,b (required)")
		var ids []string
		p, err := project(func() error {
			if ids = strings.Split(*coders, ","); len(ids) != 2 {
				return usagef(qs.name, "-coders %q: expected two coder ids a,b", *coders)
			}
			return nil
		})
		if err != nil {
			return err
		}
		return qda.WriteComparison(stdout, p, ids[0], ids[1])
	case "frequencies":
		crosstab := fs.String("crosstab", "", "cross-tabulate codes by this case `attribute`")
		count := fs.String("count", "segments", "what a cross-tabulation counts: segments or cases")
		p, err := project(nil)
		if err != nil {
			return err
		}
		unit, err := qda.ParseUnit(*count)
		if err != nil {
			return fmt.Errorf("qda frequencies: --count: %w", err)
		}
		return qda.WriteFrequencies(stdout, p, *crosstab, unit)
	case "agreement":
		coders := fs.String("coders", "", "comma-separated coder `ids` (default: all coders)")
		unit := fs.String("unit", "documents", "units of agreement: documents or characters")
		p, err := project(nil)
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
		return qda.WriteAgreement(stdout, p, ids, gran)
	case "cooccurrence":
		by := fs.String("by", "segments", "co-occurrence within segments (overlapping spans) or cases")
		coder := fs.String("coder", "", "only the segments of this coder `id` (default: all)")
		p, err := project(nil)
		if err != nil {
			return err
		}
		unit, err := qda.ParseUnit(*by)
		if err != nil {
			return fmt.Errorf("qda cooccurrence: --by: %w", err)
		}
		if err := qda.WriteCooccurrence(stdout, p, *coder, unit); err != nil {
			return fmt.Errorf("qda cooccurrence: %w", err)
		}
		return nil
	case "import":
		out := fs.String("out", "", "new package `dir` to write (required)")
		pos, err := parseInterspersed(fs, args)
		if err := qs.parsed(fs, stdout, err); err != nil {
			return err
		}
		file, err := one(pos, ".qdpx or .qdc file")
		if err != nil {
			return err
		}
		if err := qs.require("out", *out); err != nil {
			return err
		}
		rep, err := refi.ImportFile(file, *out, refi.DefaultLimits)
		if err != nil {
			return err
		}
		for _, s := range rep.Skipped {
			fmt.Fprintln(stderr, "skipped:", s)
		}
		for _, s := range rep.Warnings {
			fmt.Fprintln(stderr, "warning:", s)
		}
		for _, s := range rep.Dropped {
			fmt.Fprintln(stderr, "dropped:", s)
		}
		return nil
	case "export":
		out := fs.String("out", "", "`file` to write, .qdpx (project) or .qdc (codebook) (required)")
		p, err := project(func() error {
			return qs.require("out", *out)
		})
		if err != nil {
			return err
		}
		return refi.ExportFile(p, *out)
	}
	return usagef("qda", "unknown subcommand %q; the subcommands are init, frequencies, agreement, compare, cooccurrence, import, export", sub)
}

// openValid validates the package in dir as nexus validate does, prints
// its problems to w in the same form and exits 1 as validate does, and
// opens the project only when there are none.
func openValid(w io.Writer, dir string) (*qda.Project, error) {
	_, problems, err := compendium.Validate(dir)
	if err != nil {
		problems = append(problems, fileProblem(err, dir))
	}
	if len(problems) > 0 {
		printProblems(w, problems, maxProblems)
		return nil, exitError{1} // as nexus validate exits
	}
	return study.OpenCodingProject(dir)
}
