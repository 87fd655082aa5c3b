package paper

import (
	"sort"
	"strconv"
	"strings"

	"nexus/analysis/study"
)

// AuthorYear formats a reference as a short author-year label in the
// paper's own style: "Bacon 2018", "Horowitz & Potter 2014", "Asal et al.
// 2016".
func AuthorYear(r study.Reference) string {
	var who string
	switch n := len(r.Surnames); {
	case n == 0:
		who = r.Title
	case n == 1:
		who = r.Surnames[0]
	case n == 2:
		who = r.Surnames[0] + " & " + r.Surnames[1]
	default:
		who = r.Surnames[0] + " et al."
	}
	return who + " " + strconv.Itoa(r.Year)
}

// refIndex maps reference keys to references.
type refIndex map[string]study.Reference

func newRefIndex(s *study.Study) refIndex {
	m := make(refIndex, len(s.References))
	for _, r := range s.References {
		m[r.Key] = r
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
			l = AuthorYear(r)
		}
		if !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	sort.Strings(out)
	return strings.Join(out, "; ")
}
