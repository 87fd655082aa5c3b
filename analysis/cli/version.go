package cli

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"

	"github.com/nexus-toolkit/nexus/analysis/compendium"
	"github.com/nexus-toolkit/nexus/analysis/datapkg"
)

func init() {
	commands["version"] = command{"print the module version, the Go version and the default dataset", cmdVersion}
}

var versionSpec = spec{
	name:     "version",
	synopsis: []string{"version"},
	about:    `Prints the version of the nexus module ("(devel)" when built from a work tree), the Go version that built it, and the dataset the commands read by default, with its name and version.`,
}

func cmdVersion(stdout, stderr io.Writer, args []string) error {
	fs := versionSpec.flags()
	if err := versionSpec.parse(fs, stdout, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("version", "unexpected argument %q", fs.Arg(0))
	}
	fmt.Fprintf(stdout, "nexus %s\n", moduleVersion())
	fmt.Fprintf(stdout, "go %s %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
	dir, err := compendium.DefaultDataset()
	if err != nil {
		fmt.Fprintf(stdout, "dataset none (%v)\n", err)
		return nil
	}
	fmt.Fprintf(stdout, "dataset %s%s\n", dir, datasetVersion(dir))
	return nil
}

// moduleVersion is the main module's version from the build information,
// or "(devel)" when there is none.
func moduleVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

// datasetVersion returns " (name version)" from dir's descriptor, or a
// note that it cannot be read from here.
func datasetVersion(dir string) string {
	p, err := datapkg.Open(dir)
	if err != nil {
		return " (not readable from this directory)"
	}
	return fmt.Sprintf(" (%s %s)", p.Name, p.Version)
}
