// Command nexus validates, analyses and renders the research compendium:
// datasets in Frictionless data packages, the paper's tables and figures,
// alliance networks, qualitative coding data and literate Go notebooks.
//
// Usage:
//
//	nexus <command> [flags] [arguments]
//
// Run "nexus help" for the list of commands. main only imports the
// studies of this repository, each of which registers itself with the
// engine (package compendium) under its data package's name, and hands
// the command line to package cli (analysis/cli), which parses the flags
// and calls into the packages under analysis/.
package main

import (
	"os"

	"github.com/nexus-toolkit/nexus/analysis/cli"

	// The studies of this compendium.
	_ "github.com/nexus-toolkit/nexus/analysis/paper"
	_ "github.com/nexus-toolkit/nexus/analysis/synthcoding"
)

func main() {
	os.Exit(cli.Main(os.Stdout, os.Stderr, os.Args[1:]))
}
