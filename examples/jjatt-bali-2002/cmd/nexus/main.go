// Command nexus builds, verifies and renders this compendium: the
// toolkit's command line (package cli) with this compendium's study
// registered. Run "bin/nexus help" after make for the commands.
package main

import (
	"os"

	"github.com/nexus-toolkit/nexus/analysis/cli"

	// The studies of this compendium: each registers itself under the
	// name of its data package.
	_ "github.com/nexus-toolkit/nexus/examples/jjatt-bali-2002/analysis/bali"
)

func main() {
	os.Exit(cli.Main(os.Stdout, os.Stderr, os.Args[1:]))
}
