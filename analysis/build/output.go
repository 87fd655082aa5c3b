package build

import (
	"fmt"
	"os"
	"strings"
)

// Output is one published table or figure: the files it writes and the
// function that computes it.
type Output struct {
	ID      string   // short identifier used in the docs, e.g. "T1" or "F1"
	Name    string   // slug and base file name, e.g. "tbl-study-design"
	Title   string   // one line for the README and `nexus build -list`
	Formats []string // file extensions written, e.g. "csv", "md", "tex"
	Inputs  []string // dataset resources the output reads
	Func    string   // the Go function that computes it, e.g. "paper.StudyDesign"

	// Make writes every file of Files into dir. It must write each file
	// atomically (see WriteFile) and must not depend on anything but its
	// inputs: no clock, no map order, no environment.
	Make func(dir string) error
}

// Files returns the output's file names, relative to the output directory.
func (o Output) Files() []string {
	out := make([]string, len(o.Formats))
	for i, f := range o.Formats {
		out[i] = o.Name + "." + f
	}
	return out
}

// Select returns the outputs named by names (IDs or slugs, in any case for
// IDs), in registry order, or all of them when names is empty. An unknown
// name is an error that lists the known ones.
func Select(outputs []Output, names []string) ([]Output, error) {
	if len(names) == 0 {
		return outputs, nil
	}
	want := map[string]bool{}
	for _, n := range names {
		found := false
		for _, o := range outputs {
			if strings.EqualFold(n, o.ID) || n == o.Name {
				want[o.Name] = true
				found = true
			}
		}
		if !found {
			known := make([]string, len(outputs))
			for i, o := range outputs {
				known[i] = o.ID + " (" + o.Name + ")"
			}
			return nil, fmt.Errorf("unknown output %q, expected one of %s", n, strings.Join(known, ", "))
		}
	}
	var sel []Output
	for _, o := range outputs {
		if want[o.Name] {
			sel = append(sel, o)
		}
	}
	return sel, nil
}

// Run makes each output into dir, in order, and stops at the first error,
// which names the output.
func Run(outputs []Output, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, o := range outputs {
		if err := o.Make(dir); err != nil {
			return fmt.Errorf("%s (%s): %w", o.ID, o.Name, err)
		}
	}
	return nil
}
