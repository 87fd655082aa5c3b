package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// The command line's conventions, shared by every command:
//
//   - -h and --help print the command's usage to standard output and
//     exit 0;
//   - a usage error (a missing or unknown flag or argument) prints one
//     line that says what is wrong, and a hint, to standard error and
//     exits 2;
//   - a runtime error prints "nexus: " and the error (file:line:col: ...
//     where it concerns a file) and exits 1;
//   - a warning prints "nexus CMD: warning: ..." and names the ignored flag
//     or the dropped input.

// errHelp is returned by a command that printed its usage on -h; run
// turns it into exit status 0.
var errHelp = errors.New("help requested")

// usageError is a mistake in how a command was called (exit status 2).
type usageError struct {
	cmd string // "export", "qda agreement"
	msg string
}

func (e usageError) Error() string {
	if e.cmd == "" {
		return e.msg
	}
	return e.cmd + ": " + e.msg
}

// usagef returns a usageError of command cmd.
func usagef(cmd, format string, args ...any) error {
	return usageError{cmd, fmt.Sprintf(format, args...)}
}

// spec is what a command's usage block says: its synopsis lines (after
// "nexus ") and a paragraph about what it does and writes.
type spec struct {
	name     string
	synopsis []string
	about    string
}

// flags returns a flag set for the command that prints nothing by itself:
// parse reports its errors and prints the usage.
func (s spec) flags() *flag.FlagSet {
	fs := flag.NewFlagSet(s.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parse parses args with fs: on -h or --help it prints the usage to
// stdout and returns errHelp, on a bad flag a usageError.
func (s spec) parse(fs *flag.FlagSet, stdout io.Writer, args []string) error {
	return s.parsed(fs, stdout, fs.Parse(args))
}

// parsed turns the error of fs.Parse into the command line's: on -h or
// --help it prints the usage to stdout and returns errHelp, on a bad flag
// a usageError.
func (s spec) parsed(fs *flag.FlagSet, stdout io.Writer, err error) error {
	if errors.Is(err, flag.ErrHelp) {
		s.print(stdout, fs)
		return errHelp
	}
	if err != nil {
		return usagef(s.name, "%v", err)
	}
	return nil
}

// require returns a usageError naming every required flag (name, value
// pairs) that is empty, or nil.
func (s spec) require(pairs ...string) error {
	var missing []string
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i+1] == "" {
			missing = append(missing, "-"+pairs[i])
		}
	}
	switch len(missing) {
	case 0:
		return nil
	case 1:
		return usagef(s.name, "%s is required", missing[0])
	}
	return usagef(s.name, "%s are required", strings.Join(missing, " and "))
}

// print writes the usage block: synopsis, about, and the flags, each with
// its placeholder, description and default.
func (s spec) print(w io.Writer, fs *flag.FlagSet) {
	for i, line := range s.synopsis {
		if i == 0 {
			fmt.Fprintf(w, "usage: nexus %s\n", line)
		} else {
			fmt.Fprintf(w, "       nexus %s\n", line)
		}
	}
	if s.about != "" {
		if len(s.synopsis) > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintln(w, s.about)
	}
	if fs == nil {
		return
	}
	type row struct{ left, right string }
	var rows []row
	width := 0
	fs.VisitAll(func(f *flag.Flag) {
		name, text := flag.UnquoteUsage(f)
		left := "-" + f.Name
		if name != "" {
			left += " " + strings.ToUpper(name)
		}
		if def := f.DefValue; def != "" && def != "false" && def != "0" {
			text += fmt.Sprintf(" (default %s)", def)
		}
		width = max(width, len(left))
		rows = append(rows, row{left, text})
	})
	if len(rows) == 0 {
		return
	}
	fmt.Fprintln(w, "\nflags (-name or --name):")
	for _, r := range rows {
		fmt.Fprintf(w, "  %-*s  %s\n", width, r.left, r.right)
	}
}

// warnIgnored warns about each flag in names that was set on fs, saying
// why it has no effect.
func warnIgnored(stderr io.Writer, fs *flag.FlagSet, why string, names ...string) {
	fs.Visit(func(f *flag.Flag) {
		for _, n := range names {
			if f.Name == n {
				fmt.Fprintf(stderr, "nexus %s: warning: -%s is ignored %s\n", fs.Name(), n, why)
			}
		}
	})
}
