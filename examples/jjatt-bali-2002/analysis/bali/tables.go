package bali

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"

	"github.com/nexus-toolkit/nexus/analysis/graph"
	"github.com/nexus-toolkit/nexus/analysis/graph/network"
	"github.com/nexus-toolkit/nexus/analysis/table"
)

// Seed is the Louvain seed of network.Compute (its communities are not
// published here, but Compute runs them).
const Seed = 1

// numeric orders person IDs as numbers (JJATT's are numbers kept as text).
func numeric(a, b string) int {
	x, _ := strconv.Atoi(a)
	y, _ := strconv.Atoi(b)
	return cmp.Compare(x, y)
}

// byID returns the node indices of g in numeric ID order.
func byID(g *graph.Graph) []int {
	idx := make([]int, g.N())
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int { return numeric(g.Nodes[a].ID, g.Nodes[b].ID) })
	return idx
}

func dateCell(d Date, row table.Ref) table.Cell {
	if d.ISO == "" {
		return table.Missing().From(row)
	}
	return table.Str(d.ISO).From(row)
}

// WholeRecord is T1: the measures of every person in the network of the
// whole record (every tie coded in any period, weighted by its largest
// code), with the arrest, release and death dates of the nodes file;
// sorted by degree, then betweenness, both falling, then ID.
func WholeRecord(d *Data) (*table.Table, error) {
	g, err := d.Network(Whole)
	if err != nil {
		return nil, err
	}
	m, err := network.Compute(g, network.ComputeOptions{Seed: Seed})
	if err != nil {
		return nil, err
	}
	t := table.New("Measures of each person over the whole record",
		table.Column{Name: "person", Header: "Person"},
		table.Column{Name: "arrested", Header: "Arrested"},
		table.Column{Name: "released", Header: "Released"},
		table.Column{Name: "died", Header: "Died"},
		table.Column{Name: "degree", Header: "Degree", Kind: table.KindNumber},
		table.Column{Name: "strength", Header: "Strength", Kind: table.KindNumber},
		table.Column{Name: "betweenness", Header: "Betweenness", Kind: table.KindNumber},
		table.Column{Name: "closeness", Header: "Closeness", Kind: table.KindNumber},
		table.Column{Name: "eigenvector", Header: "Eigenvector", Kind: table.KindNumber},
		table.Column{Name: "core", Header: "k-core", Kind: table.KindNumber},
	)
	t.Label = "tbl-whole-record"
	t.Caption = fmt.Sprintf("The %d persons and %d ties of the JJATT network of the 2002 Bali bombings, %s to %s (%s %s).",
		g.N(), len(g.Links), d.Periods[0].Label(), d.Periods[len(d.Periods)-1].Label(), d.Name, d.Version)
	t.Long = true
	t.Notes = []string{
		"A tie is in the network when it is coded (1 to 3) in any period; strength sums each tie's largest code. Where the two listings of a tie disagree (slips.csv), the larger code counts.",
		"Dates as the nodes file prints them, typed as precisely: 10/?/2002 is 2002-10; n.r.: the file gives none.",
		"Betweenness is normalised as NetworkX's default, 2/((n-1)(n-2)); closeness uses Wasserman and Faust's correction; eigenvector centrality has unit L2 norm; all count every tie as 1.",
	}
	idx := byID(g)
	slices.SortStableFunc(idx, func(a, b int) int {
		if c := cmp.Compare(m.Degree[b], m.Degree[a]); c != 0 {
			return c
		}
		return cmp.Compare(m.Betweenness[b], m.Betweenness[a])
	})
	persons := map[string]Person{}
	for _, p := range d.Persons {
		persons[p.ID] = p
	}
	inc := incident(g)
	for _, i := range idx {
		p := persons[g.Nodes[i].ID]
		row := table.Ref{Resource: "nodes", Key: p.ID}
		ties := inc[i]
		if err := t.Append(
			table.Str(p.ID).From(row),
			dateCell(p.Arrest, row), dateCell(p.Release, row), dateCell(p.Death, row),
			table.Int(m.Degree[i]).From(ties...),
			table.Float(m.Strength[i], 0).From(ties...),
			table.Float(m.Betweenness[i], 4).From(ties...),
			table.Float(m.Closeness[i], 4).From(ties...),
			table.Float(m.Eigenvector[i], 4).From(ties...),
			table.Int(m.Core[i]).From(ties...),
		); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// statusMark is the mark T2 puts after a degree for the legal status at
// the end of the period: none for free.
var statusMark = map[string]string{"in custody": " c", "dead": " d", "released": " r"}

// PerPeriod is T2: each person's degree (the ties coded in the period) in
// each period, marked with the legal status at the period's end; persons
// in ID order.
func PerPeriod(d *Data) (*table.Table, error) {
	cols := []table.Column{{Name: "person", Header: "Person"}}
	graphs := make([]*graph.Graph, len(d.Periods))
	inc := make([][][]table.Ref, len(d.Periods))
	for k, per := range d.Periods {
		cols = append(cols, table.Column{Name: "p" + per.Column, Header: per.Label(), Align: table.AlignRight})
		g, err := d.Network(k)
		if err != nil {
			return nil, err
		}
		graphs[k], inc[k] = g, incident(g)
	}
	t := table.New("Ties of each person per period", cols...)
	t.Label = "tbl-per-period"
	t.Caption = fmt.Sprintf("The number of ties of each of the %d persons coded in each period (%s %s); c: in custody at the end of the period, d: dead, by the nodes file.",
		len(d.Persons), d.Name, d.Version)
	t.Long = true
	t.Notes = []string{
		"A tie counts in a period when either of its two listings codes it (1 to 3). The legal status is the nodes file's code for the period, which the file gives from the year of arrest or death on.",
	}
	g0 := graphs[0]
	for _, i := range byID(g0) {
		id := g0.Nodes[i].ID
		row := table.Ref{Resource: "nodes", Key: id}
		cells := []table.Cell{table.Str(id).From(row)}
		for k := range d.Periods {
			g := graphs[k]
			j, _ := g.Index(id)
			deg := len(g.Out(j))
			cells = append(cells, table.Str(strconv.Itoa(deg)+statusMark[g.Nodes[j].Group]).From(row).From(inc[k][j]...))
		}
		if err := t.Append(cells...); err != nil {
			return nil, err
		}
	}
	return t, nil
}
