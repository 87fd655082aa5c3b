package paper

import (
	"sort"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/bib"
	"github.com/nexus-toolkit/nexus/analysis/study"
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
