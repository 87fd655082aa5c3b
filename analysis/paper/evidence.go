package paper

import (
	"github.com/nexus-toolkit/nexus/analysis/study"
	"github.com/nexus-toolkit/nexus/analysis/table"
)

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
