// Package cli is the nexus command line as a library: every subcommand
// (build, verify, render, trace, validate, ...) parses its flags here and
// calls into the packages under analysis/. A compendium's own
// cmd/nexus/main.go imports its studies, so that they register, and calls
// Main; this repository's cmd/nexus does exactly that.
package cli

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
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

// Main runs the command line on args (without the program name), writing
// to stdout and stderr, and returns the process exit status: 0 on success
// or help, 1 for an error, 2 for a usage error.
func Main(stdout, stderr io.Writer, args []string) int {
	return exit(stderr, run(stdout, stderr, args))
}

// exit reports err on stderr in the command line's style and returns the
// exit status: 0 for none or help, 2 for a usage error, the code of an
// exitError (already reported), 1 for any other error.
func exit(stderr io.Writer, err error) int {
	var ee exitError
	var ue usageError
	switch {
	case err == nil || errors.Is(err, errHelp):
		return 0
	case errors.As(err, &ee):
		return ee.code
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "nexus: %v\n", ue)
		hint := "nexus " + ue.cmd + " -h"
		if ue.cmd == "" {
			hint = "nexus help"
		}
		fmt.Fprintf(stderr, "run %q for usage\n", hint)
		return 2
	}
	printErrors(stderr, err, "nexus: ")
	return 1
}

// run is the whole command line, testable without a process.
func run(stdout, stderr io.Writer, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
		usage(stdout)
		return nil
	}
	if args[0] == "help" {
		if len(args) == 1 {
			usage(stdout)
			return nil
		}
		args = []string{args[1], "-h"}
	}
	c, ok := commands[args[0]]
	if !ok {
		return usageError{msg: fmt.Sprintf("unknown command %q; the commands are %s", args[0], strings.Join(commandNames(), ", "))}
	}
	err := c.run(stdout, stderr, args[1:])
	if errors.Is(err, errHelp) {
		return nil
	}
	return err
}

// commandNames returns the registered commands in order.
func commandNames() []string {
	names := make([]string, 0, len(commands))
	for name := range commands {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: nexus <command> [flags] [arguments]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "commands:")
	for _, name := range commandNames() {
		fmt.Fprintf(w, "  %-10s %s\n", name, commands[name].summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, `run "nexus <command> -h" (or "nexus help <command>") for a command's usage and flags`)
}
