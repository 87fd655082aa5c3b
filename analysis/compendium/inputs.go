package compendium

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/build"
	"github.com/nexus-toolkit/nexus/analysis/datapkg"
)

// Files returns the output's file names, relative to the output directory.
func (o Output) Files() []string { return o.bindTo(nil).Files() }

// CheckInputs makes every output of the study of the package p twice,
// from the whole package and from the package restricted to the output's
// Inputs (what the build uses), in scratch directories under tmp, and
// returns one error per output whose files differ, naming them and the
// resources the output reads but does not declare. A study's tests run
// it over each version of its data, so an output never silently drops a
// resource it needs.
func CheckInputs(p *datapkg.Package, tmp string) error {
	s, err := StudyOf(p)
	if err != nil {
		return err
	}
	var problems []string
	for i, o := range s.Outputs {
		full := filepath.Join(tmp, fmt.Sprintf("full-%d", i))
		only := filepath.Join(tmp, fmt.Sprintf("only-%d", i))
		if err := build.Run([]build.Output{o.bindTo(p)}, full); err != nil {
			return err
		}
		if err := build.Run([]build.Output{o.Bind(p)}, only); err != nil {
			return fmt.Errorf("%s (%s) from its inputs %s alone: %w", o.ID, o.Name, strings.Join(o.Inputs, ", "), err)
		}
		differ, err := differing(o, full, only)
		if err != nil {
			return err
		}
		if len(differ) == 0 {
			continue
		}
		missing, err := undeclared(p, o, full, filepath.Join(tmp, fmt.Sprintf("probe-%d", i)))
		if err != nil {
			return err
		}
		problems = append(problems, fmt.Sprintf("%s (%s, %s): %s differ when made from its inputs %s alone; it reads %s, which it does not declare",
			o.ID, o.Name, o.Func, strings.Join(differ, ", "), strings.Join(o.Inputs, ", "), missing))
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s", strings.Join(problems, "\n"))
	}
	return nil
}

// differing returns the files of o that differ between the directories a
// and b.
func differing(o Output, a, b string) ([]string, error) {
	var out []string
	for _, f := range o.Files() {
		x, err := os.ReadFile(filepath.Join(a, f))
		if err != nil {
			return nil, err
		}
		y, err := os.ReadFile(filepath.Join(b, f))
		if err != nil {
			return nil, err
		}
		if !bytes.Equal(x, y) {
			out = append(out, f)
		}
	}
	return out, nil
}

// undeclared names the resource of p that, added to o's inputs, makes o
// as it is made from the whole package (in full), or says that no single
// one does.
func undeclared(p *datapkg.Package, o Output, full, tmp string) (string, error) {
	var found []string
	for i, r := range p.Resources {
		if slices.Contains(o.Inputs, r.Name) {
			continue
		}
		dir := filepath.Join(tmp, fmt.Sprint(i))
		if err := build.Run([]build.Output{o.bindTo(p.Only(append(slices.Clone(o.Inputs), r.Name)...))}, dir); err != nil {
			continue
		}
		if d, err := differing(o, full, dir); err == nil && len(d) == 0 {
			found = append(found, r.Name)
		}
	}
	switch len(found) {
	case 0:
		return "more than one resource", nil
	case 1:
		return found[0], nil
	}
	return "one of " + strings.Join(found, ", "), nil
}
