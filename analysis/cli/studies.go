package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/compendium"
)

func init() {
	commands["studies"] = command{"list the registered studies: the data package name each claims, its outputs and what it needs", cmdStudies}
}

var studiesSpec = spec{
	name:     "studies",
	synopsis: []string{"studies"},
	about: `Prints each study this nexus knows (compendium.Register), by the data
package name it claims: its Go package, the resources a package must hold,
its outputs (ID, slug, Go function, inputs), and its network filters when
it has a network. Every other command chooses the study from the name in
the datapackage.json it is given, and refuses a name not listed here.`,
}

func cmdStudies(stdout, stderr io.Writer, args []string) error {
	fs := studiesSpec.flags()
	if err := studiesSpec.parse(fs, stdout, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("studies", "unexpected argument %q", fs.Arg(0))
	}
	names := compendium.Studies()
	if len(names) == 0 {
		return fmt.Errorf("no study is registered: the nexus command must import a study package")
	}
	for i, n := range names {
		s := compendium.Lookup(n)
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		fmt.Fprintf(stdout, "%s  %s  (%s)\n", s.Name, s.Title, s.Package)
		fmt.Fprintf(stdout, "  requires: %s\n", strings.Join(s.Requires, ", "))
		for _, o := range s.Outputs {
			fmt.Fprintf(stdout, "  %-3s %-26s %-28s reads %s\n", o.ID, o.Name, o.Func, strings.Join(o.Inputs, ", "))
		}
		if s.Network != nil {
			fl := "none"
			for j, f := range s.Network.Filters {
				if j == 0 {
					fl = ""
				}
				fl += " -" + f.Name
			}
			fmt.Fprintf(stdout, "  network: from %s; filters%s\n", strings.Join(s.Network.Requires, ", "), fl)
		}
	}
	return nil
}
