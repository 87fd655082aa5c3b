package compendium

import (
	"errors"

	"github.com/nexus-toolkit/nexus/analysis/qda"
	"github.com/nexus-toolkit/nexus/analysis/quotes"
)

// ReadSource reads the plain-text copy of a study's source document at
// path and cuts it into pages: at mark when it is given, else at form
// feeds (as pdftotext writes them), else at the PageMark of the study
// of the data package in dataset.
func ReadSource(path, mark, dataset string) (*quotes.Paper, error) {
	if mark != "" {
		return quotes.ReadFile(path, quotes.SplitOptions{PageMark: mark})
	}
	p, err := quotes.ReadFile(path, quotes.SplitOptions{})
	if !errors.Is(err, quotes.ErrNoPages) {
		return p, err
	}
	_, s, oerr := Open(dataset)
	if oerr != nil {
		return nil, oerr
	}
	if s.PageMark == "" {
		return nil, err
	}
	return quotes.ReadFile(path, quotes.SplitOptions{PageMark: s.PageMark})
}

// CheckQuotes reads and validates the data package in dataset and checks
// every verbatim text of it (its study's Evidence fields, else every
// quote/page pair) against the source's pages.
func CheckQuotes(dataset string, source *quotes.Paper) (quotes.Report, error) {
	p, s, err := Open(dataset)
	if err != nil {
		return quotes.Report{}, err
	}
	fields := quotes.Conventional(p)
	if s.Evidence != nil {
		fields = s.Evidence(p)
	}
	return quotes.Check(p, source, fields), nil
}

// CodingProject opens the coding project of the data package in dir: a
// coding package (one with a segments resource, as qda.Write makes) is
// read by qda.Load whatever its name; any other package is mapped by its
// study's Coding, and refused when its study has none.
func CodingProject(dir string) (*qda.Project, error) {
	names, err := qda.ResourceNames(dir)
	if err != nil {
		return nil, err
	}
	for _, n := range names {
		if n == "segments" {
			return qda.Load(dir)
		}
	}
	p, s, err := Open(dir)
	if err != nil {
		return nil, err
	}
	if s.Coding == nil {
		return nil, errors.New(p.Descriptor + ": study " + s.Name + " has no coding project and the package has no segments resource, so nexus qda has nothing to work on")
	}
	return s.Coding(p)
}
