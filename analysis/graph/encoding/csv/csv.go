package csv

import (
	stdcsv "encoding/csv"
	"fmt"
	"io"
	"strconv"

	"github.com/nexus-toolkit/nexus/analysis/graph/encoding"
)

// WriteNodes writes the node list: id and the node attributes.
func WriteNodes(w io.Writer, d *encoding.Doc) error {
	cw := stdcsv.NewWriter(w)
	head := []string{"id"}
	for _, k := range d.NodeKeys {
		head = append(head, k.Name)
	}
	cw.Write(head)
	for _, n := range d.Nodes {
		cw.Write(append([]string{n.ID}, n.Values...))
	}
	cw.Flush()
	return cw.Error()
}

// WriteLinks writes the link list: source, target and the link
// attributes, one row per link (the rows behind it are in relations).
func WriteLinks(w io.Writer, d *encoding.Doc) error {
	cw := stdcsv.NewWriter(w)
	head := []string{"source", "target"}
	for _, k := range d.LinkKeys {
		head = append(head, k.Name)
	}
	cw.Write(head)
	for _, l := range d.Links {
		cw.Write(append([]string{l.Source, l.Target}, l.Values...))
	}
	cw.Flush()
	return cw.Error()
}

// ReadOptions controls Read.
type ReadOptions struct {
	// Directed makes the links arcs from source to target.
	Directed bool
	// NodeKeys and LinkKeys give the types of the attributes (CSV stores
	// none): a column gets the type of the key of its name, "string" when
	// none is listed.
	NodeKeys, LinkKeys []encoding.Key
}

// Read reads the node and link lists that WriteNodes and WriteLinks
// write. Attribute types are not stored in CSV; the keys get the types of
// opt.NodeKeys and opt.LinkKeys where the names match, "string"
// otherwise.
func Read(nodes, links io.Reader, opt ReadOptions) (*encoding.Doc, error) {
	d := &encoding.Doc{Directed: opt.Directed}
	typed := func(names []string, known []encoding.Key) []encoding.Key {
		var keys []encoding.Key
		for _, n := range names {
			t := "string"
			if i := encoding.Index(known, n); i >= 0 {
				t = known[i].Type
			}
			keys = append(keys, encoding.Key{Name: n, Type: t})
		}
		return keys
	}
	nr, err := stdcsv.NewReader(nodes).ReadAll()
	if err != nil || len(nr) == 0 {
		return nil, fmt.Errorf("csv: nodes: %v", err)
	}
	d.NodeKeys = typed(nr[0][1:], opt.NodeKeys)
	for _, rec := range nr[1:] {
		d.Nodes = append(d.Nodes, encoding.Record{ID: rec[0], Values: rec[1:]})
	}
	lr, err := stdcsv.NewReader(links).ReadAll()
	if err != nil || len(lr) == 0 {
		return nil, fmt.Errorf("csv: links: %v", err)
	}
	d.LinkKeys = typed(lr[0][2:], opt.LinkKeys)
	for i, rec := range lr[1:] {
		d.Links = append(d.Links, encoding.Record{ID: strconv.Itoa(i), Source: rec[0], Target: rec[1], Values: rec[2:]})
	}
	return d, nil
}
