// Package pajek writes and reads graphs as Pajek .net files
// (*Vertices, then *Edges or *Arcs with each link's weight), which Pajek,
// igraph's read_pajek and NetworkX's read_pajek read.
package pajek

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/graph/encoding"
)

// Write writes d as a Pajek .net file: *Vertices with each node's ID
// as its quoted label, then *Edges (or *Arcs when directed) with each
// link's weight (encoding.WeightKey, a tie strength, 1 when missing),
// which igraph and NetworkX read as the attribute "weight". Pajek labels
// cannot hold a double quote; Write fails on such an ID rather than
// change it.
func Write(w io.Writer, d *encoding.Doc) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "*Vertices %d\n", len(d.Nodes))
	index := map[string]int{}
	for i, n := range d.Nodes {
		if strings.ContainsAny(n.ID, "\"\n") {
			return fmt.Errorf("pajek: node id %q holds a quote or newline", n.ID)
		}
		index[n.ID] = i + 1
		fmt.Fprintf(&b, "%d \"%s\"\n", i+1, n.ID)
	}
	if d.Directed {
		b.WriteString("*Arcs\n")
	} else {
		b.WriteString("*Edges\n")
	}
	wi := encoding.Index(d.LinkKeys, encoding.WeightKey)
	for _, l := range d.Links {
		weight := "1"
		if wi >= 0 && l.Values[wi] != "" {
			weight = l.Values[wi]
		}
		fmt.Fprintf(&b, "%d %d %s\n", index[l.Source], index[l.Target], weight)
	}
	_, err := w.Write(b.Bytes())
	return err
}

// Read reads a Pajek .net file with *Vertices and *Edges or *Arcs
// sections such as Write writes. Nodes get their labels as IDs and
// links their weight as encoding.WeightKey.
func Read(r io.Reader) (*encoding.Doc, error) {
	sc := bufio.NewScanner(r)
	d := &encoding.Doc{LinkKeys: []encoding.Key{{Name: encoding.WeightKey, Type: "double"}}}
	var labels []string
	section, line := "", 0
	for sc.Scan() {
		line++
		t := strings.TrimSpace(sc.Text())
		if t == "" {
			continue
		}
		if strings.HasPrefix(t, "*") {
			section = strings.ToLower(strings.Fields(t)[0])
			if section == "*arcs" {
				d.Directed = true
			}
			continue
		}
		switch section {
		case "*vertices":
			q := strings.IndexByte(t, '"')
			e := strings.LastIndexByte(t, '"')
			if q < 0 || e <= q {
				return nil, fmt.Errorf("pajek:%d: expected a quoted label", line)
			}
			labels = append(labels, t[q+1:e])
			d.Nodes = append(d.Nodes, encoding.Record{ID: t[q+1 : e]})
		case "*edges", "*arcs":
			f := strings.Fields(t)
			if len(f) < 2 {
				return nil, fmt.Errorf("pajek:%d: expected two vertex numbers", line)
			}
			u, err1 := strconv.Atoi(f[0])
			v, err2 := strconv.Atoi(f[1])
			if err1 != nil || err2 != nil || u < 1 || v < 1 || u > len(labels) || v > len(labels) {
				return nil, fmt.Errorf("pajek:%d: bad vertex number", line)
			}
			w := "1"
			if len(f) > 2 {
				w = f[2]
			}
			d.Links = append(d.Links, encoding.Record{ID: strconv.Itoa(len(d.Links)), Source: labels[u-1], Target: labels[v-1], Values: []string{w}})
		}
	}
	return d, sc.Err()
}
