package paper

import (
	"sort"
	"strings"

	"nexus/analysis/bib"
	"nexus/analysis/study"
)

// refIndex maps reference keys to their bibliography entries (package
// bib formats them).
type refIndex map[string]bib.Entry

func newRefIndex(s *study.Study) refIndex {
	m := make(refIndex, len(s.References))
	for _, r := range s.References {
		m[r.Key] = r.Entry()
	}
	return m
}

// labels formats reference keys as sorted, de-duplicated author-year
// labels joined by "; ". Unknown keys are printed as they are.
func (ix refIndex) labels(keys []string) string {
	seen := map[string]bool{}
	var out []string
	for _, k := range keys {
		l := k
		if r, ok := ix[k]; ok {
			l = bib.AuthorYear(r)
		}
		if !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	sort.Strings(out)
	return strings.Join(out, "; ")
}

// Sources counts the independent sources of a set of passages: the
// distinct reference keys they cite, plus one for the paper itself when
// at least one passage cites nothing (the authors' own statement or their
// interview data). The same convention gives the strength of a tie in the
// network.
func Sources(refLists ...[]string) int {
	keys := map[string]bool{}
	uncited := false
	for _, refs := range refLists {
		if len(refs) == 0 {
			uncited = true
		}
		for _, k := range refs {
			keys[k] = true
		}
	}
	n := len(keys)
	if uncited {
		n++
	}
	return n
}
