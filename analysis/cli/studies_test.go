package cli

// The tests run the command line as cmd/nexus builds it: with the studies
// of this repository registered.
import (
	_ "github.com/nexus-toolkit/nexus/analysis/paper"
	_ "github.com/nexus-toolkit/nexus/analysis/synthcoding"
)
