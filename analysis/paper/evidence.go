package paper

import (
	"path/filepath"

	"github.com/nexus-toolkit/nexus/analysis/build"
	"github.com/nexus-toolkit/nexus/analysis/study"
	"github.com/nexus-toolkit/nexus/analysis/table"
)

// EvidenceFormat is the extension of the file that lists the rows of data
// behind each element of a figure: fig-timeline.svg has fig-timeline.trace.csv.
const EvidenceFormat = "trace.csv"

// evidenceTable lists figure elements and the rows behind each: one record
// per element and row, with the columns element, resource and key.
func evidenceTable(title string) *table.Table {
	return table.New(title,
		table.Column{Name: "element"}, table.Column{Name: "resource"}, table.Column{Name: "key"})
}

// addEvidence appends one record per row behind element.
func addEvidence(t *table.Table, element string, refs ...table.Ref) {
	for _, r := range refs {
		t.AppendStrings(element, r.Resource, r.Key)
	}
}

// AllianceNetworkEvidence lists the rows behind F1: each organization
// drawn (its organizations row) and each link (the relations rows it
// merges), in the order the graph keeps them.
func AllianceNetworkEvidence(s *study.Study) (*table.Table, error) {
	g, err := AllianceNetwork(s)
	if err != nil {
		return nil, err
	}
	orgs := orgIndex(s)
	t := evidenceTable("Evidence of F1, the alliance network")
	for _, n := range g.Nodes {
		addEvidence(t, "node "+orgLabel(orgs[n.ID]), table.Ref{Resource: "organizations", Key: n.ID})
	}
	edges := g.Edges()
	for _, l := range g.Links {
		el := "link " + orgLabel(orgs[g.Nodes[l.U].ID]) + " – " + orgLabel(orgs[g.Nodes[l.V].ID])
		for _, r := range l.Rows {
			addEvidence(t, el, table.Ref{Resource: "relations", Key: edges[r].ID})
		}
	}
	return t, nil
}

// TimelineEvidence lists the rows behind F2: each bar, labelled as the
// figure labels it, and its events row, in the figure's date order.
func TimelineEvidence(s *study.Study) (*table.Table, error) {
	t := evidenceTable("Evidence of F2, the timeline")
	for _, e := range SortedEvents(s) {
		addEvidence(t, e.Title+"  ("+e.DateLabel()+")", table.Ref{Resource: "events", Key: e.ID})
	}
	return t, nil
}

// withEvidence adds the evidence file to a figure output: ev's table is
// written as name.trace.csv beside the figure.
func withEvidence(o build.Output, ev func() (*table.Table, error)) build.Output {
	draw := o.Make
	o.Formats = append(append([]string(nil), o.Formats...), EvidenceFormat)
	o.Make = func(dir string) error {
		t, err := ev()
		if err != nil {
			return err
		}
		if err := build.Buffer(filepath.Join(dir, o.Name+"."+EvidenceFormat), t.WriteCSV); err != nil {
			return err
		}
		return draw(dir)
	}
	return o
}
