// Command nexus-preview is the preview server that nexus preview builds
// and starts (package launch): it serves rendered notebooks and reloads
// them in the browser on every save. It is not run by hand; its one
// argument is the request nexus preview passes. It is a program of its
// own so that the nexus command does not link Go's HTTP stack.
package main

import (
	"os"

	"github.com/nexus-toolkit/nexus/analysis/notebook/preview"
)

func main() {
	os.Exit(preview.Main(os.Args[1:], os.Stderr))
}
