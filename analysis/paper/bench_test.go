package paper

import (
	"strconv"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/compendium"
	"github.com/nexus-toolkit/nexus/analysis/study"
)

// BenchmarkBuildPaper makes every output of the shipped dataset (tables in
// three formats, figures in three formats) into a temporary directory.
// Loading the dataset is not timed.
func BenchmarkBuildPaper(b *testing.B) {
	s := load(b)
	benchBuild(b, s)
}

// BenchmarkBuildSynthetic1000x makes every output of a synthetic study
// 1,000 times the size of the shipped one: every organization, relation,
// event, theme, excerpt, respondent row, reference and citation copied
// 1,000 times under new IDs (so the alliance network is 1,000 disjoint
// copies of the paper's). Relations keep citing the original reference
// keys, so the leave-one-source-out analysis still drops each of the
// paper's sources once, now from a network 1,000 times larger.
func BenchmarkBuildSynthetic1000x(b *testing.B) {
	s := Scaled(load(b), 1000)
	b.ReportMetric(float64(len(s.Relations)), "relations")
	benchBuild(b, s)
}

func benchBuild(b *testing.B, s *study.Study) {
	dir := b.TempDir()
	outs := Outputs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, o := range outs {
			if err := compendium.MakeFrom(o, dir, s); err != nil {
				b.Fatal(o.ID, err)
			}
		}
	}
}

// Scaled returns a synthetic study with n copies of every record of s,
// the k-th copy's IDs suffixed with "-k" (k > 0), keeping every reference
// between records inside its copy. Relations, organizations and events
// keep their reference keys, so evidence still points at the real
// reference list.
func Scaled(s *study.Study, n int) *study.Study {
	out := &study.Study{Name: s.Name + "-synthetic-x" + strconv.Itoa(n), Version: s.Version, Hash: s.Hash}
	suffix := func(id string, k int) string {
		if k == 0 || id == "" {
			return id
		}
		return id + "-" + strconv.Itoa(k)
	}
	suffixAll := func(ids []string, k int) []string {
		res := make([]string, len(ids))
		for i, id := range ids {
			res[i] = suffix(id, k)
		}
		return res
	}
	out.Codes = s.Codes // the codebook is shared, not copied
	for k := 0; k < n; k++ {
		for _, o := range s.Organizations {
			o.ID, o.Parent = suffix(o.ID, k), suffix(o.Parent, k)
			out.Organizations = append(out.Organizations, o)
		}
		for _, r := range s.Relations {
			r.ID, r.Source, r.Target = suffix(r.ID, k), suffix(r.Source, k), suffix(r.Target, k)
			out.Relations = append(out.Relations, r)
		}
		for _, e := range s.Events {
			e.ID, e.Actors = suffix(e.ID, k), suffixAll(e.Actors, k)
			out.Events = append(out.Events, e)
		}
		for _, t := range s.Themes {
			t.ID, t.Order = suffix(t.ID, k), t.Order+k*len(s.Themes)
			out.Themes = append(out.Themes, t)
		}
		for _, x := range s.Excerpts {
			x.ID, x.Theme, x.Order = suffix(x.ID, k), suffix(x.Theme, k), x.Order+k*len(s.Excerpts)
			out.Excerpts = append(out.Excerpts, x)
		}
		for _, r := range s.Respondents {
			r.Category = suffix(r.Category, k)
			out.Respondents = append(out.Respondents, r)
		}
		for _, r := range s.References {
			r.Key, r.Order = suffix(r.Key, k), r.Order+k*len(s.References)
			out.References = append(out.References, r)
		}
		for _, c := range s.Citations {
			c.ID, c.Key = suffix(c.ID, k), suffix(c.Key, k)
			out.Citations = append(out.Citations, c)
		}
	}
	return out
}

func TestScaled(t *testing.T) {
	s := load(t)
	x := Scaled(s, 3)
	if len(x.Relations) != 3*len(s.Relations) || len(x.Citations) != 3*len(s.Citations) {
		t.Fatalf("scaled study has %d relations and %d citations", len(x.Relations), len(x.Citations))
	}
	// Three disjoint copies of the network: three times the organizations
	// and ties of the alliance network.
	g, err := AllianceNetwork(s)
	if err != nil {
		t.Fatal(err)
	}
	gx, err := AllianceNetwork(x)
	if err != nil {
		t.Fatal(err)
	}
	if len(gx.Nodes) != 3*len(g.Nodes) || len(gx.Links) != 3*len(g.Links) {
		t.Errorf("scaled network %d nodes %d links, want %d and %d", len(gx.Nodes), len(gx.Links), 3*len(g.Nodes), 3*len(g.Links))
	}
	// The audit of the copies finds the paper's slips three times.
	n := 0
	for _, a := range AuditCitations(x) {
		if a.Status == StatusMissing {
			n++
		}
	}
	if n != 3 {
		t.Errorf("%d citations missing from the list, want 3", n)
	}
}
