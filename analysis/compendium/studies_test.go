package compendium_test

// The tests build this repository's compendium, whose studies register
// themselves when imported.
import (
	_ "github.com/nexus-toolkit/nexus/analysis/paper"
	_ "github.com/nexus-toolkit/nexus/analysis/synthcoding"
)
