package qda

import (
	"fmt"

	"github.com/nexus-toolkit/nexus/analysis/datapkg"
)

// Validate checks the data package in dir: every rule of its
// datapackage.json (see datapkg.Read) and, for the resources it marks as
// respondent data, the anonymity guard (see CheckAnonymity). It
// returns the package when it could be read, and every problem found.
// err is set only when dir cannot be read as a package at all.
func Validate(dir string) (*datapkg.Package, datapkg.Problems, error) {
	p, err := datapkg.Read(dir)
	problems := datapkg.AsProblems(err)
	if err != nil && problems == nil {
		return nil, nil, err
	}
	anon, err := checkPackage(p, err)
	if err != nil {
		if len(problems) > 0 {
			// The descriptor is broken; its problems already say so.
			return p, problems, nil
		}
		return p, problems, fmt.Errorf("%s: anonymity check: %w", dir, err)
	}
	return p, append(problems, anon...), nil
}
