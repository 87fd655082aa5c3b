package build

import (
	"fmt"
	"os"
	"path/filepath"
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
// which names the output. It first removes what killed runs left behind
// (CleanStale). Each output is made in a scratch directory of its own
// inside dir and its files are moved into dir only when all of them are
// written, under dir's lock: a failing or interrupted output changes no
// file of dir, and parallel runs into the same dir do not collide.
func Run(outputs []Output, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	CleanStale(dir)
	for _, o := range outputs {
		if err := makeOne(o, dir); err != nil {
			return fmt.Errorf("%s (%s): %w", o.ID, o.Name, err)
		}
	}
	return nil
}

// makeOne makes o in a scratch directory and publishes its files.
func makeOne(o Output, dir string) error {
	tmp, release, err := Scratch(dir, ScratchPrefix)
	if err != nil {
		return err
	}
	defer release()
	if err := o.Make(tmp); err != nil {
		return err
	}
	return Publish(tmp, dir)
}

// Publish moves every file under from (hidden ones excepted) to the same
// relative path under to, by rename, while holding to's lock. from and to
// must be on one file system; a scratch directory made inside to is.
func Publish(from, to string) error { return PublishThen(from, to, nil) }

// PublishThen publishes as Publish does and then, still holding to's lock,
// calls then (when not nil), for example to remove files that the new
// version no longer has.
func PublishThen(from, to string, then func() error) error {
	files, err := Files(from)
	if err != nil {
		return err
	}
	unlock, err := Lock(to)
	if err != nil {
		return err
	}
	defer unlock()
	for _, rel := range files {
		dst := filepath.Join(to, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.Rename(filepath.Join(from, filepath.FromSlash(rel)), dst); err != nil {
			return err
		}
	}
	if then != nil {
		return then()
	}
	return nil
}
