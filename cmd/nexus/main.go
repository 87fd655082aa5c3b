// Command nexus validates, analyses and renders the research compendium:
// datasets in Frictionless data packages, the paper's tables and figures,
// alliance networks, qualitative coding data and literate Go notebooks.
//
// Usage:
//
//	nexus <command> [flags] [arguments]
//
// Run "nexus help" for the list of commands. Each command only parses its
// flags here and calls into the packages under analysis/.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
)

// command is one subcommand of nexus.
type command struct {
	summary string
	run     func(stdout, stderr io.Writer, args []string) error
}

// commands is filled by the init functions of this package's files, one
// file per command.
var commands = map[string]command{}

// exitError carries a process exit code. A command returns it when the
// problem has already been reported (for example an invalid dataset, exit 1).
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

func main() {
	err := run(os.Stdout, os.Stderr, os.Args[1:])
	if err == nil {
		return
	}
	var ee exitError
	if errors.As(err, &ee) {
		os.Exit(ee.code)
	}
	fmt.Fprintln(os.Stderr, "nexus:", err)
	os.Exit(2)
}

// run is the whole command line, testable without a process.
func run(stdout, stderr io.Writer, args []string) error {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		return nil
	}
	c, ok := commands[args[0]]
	if !ok {
		usage(stderr)
		return fmt.Errorf("unknown command %q", args[0])
	}
	return c.run(stdout, stderr, args[1:])
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: nexus <command> [flags] [arguments]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "commands:")
	names := make([]string, 0, len(commands))
	for name := range commands {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(w, "  %-10s %s\n", name, commands[name].summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, `run "nexus <command> -h" for a command's flags`)
}
