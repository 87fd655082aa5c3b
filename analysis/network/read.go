package network

import (
	"bufio"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// ReadGraphML reads a GraphML file such as WriteGraphML writes: the keys
// in declared order, nodes and edges with their data. Keys with a default
// and nested graphs are not supported.
func ReadGraphML(r io.Reader) (*Doc, error) {
	var x struct {
		Keys []struct {
			ID   string `xml:"id,attr"`
			For  string `xml:"for,attr"`
			Name string `xml:"attr.name,attr"`
			Type string `xml:"attr.type,attr"`
		} `xml:"key"`
		Graph struct {
			EdgeDefault string `xml:"edgedefault,attr"`
			Nodes       []struct {
				ID   string    `xml:"id,attr"`
				Data []xmlData `xml:"data"`
			} `xml:"node"`
			Edges []struct {
				ID     string    `xml:"id,attr"`
				Source string    `xml:"source,attr"`
				Target string    `xml:"target,attr"`
				Data   []xmlData `xml:"data"`
			} `xml:"edge"`
		} `xml:"graph"`
	}
	if err := xml.NewDecoder(r).Decode(&x); err != nil {
		return nil, fmt.Errorf("network: graphml: %w", err)
	}
	d := &Doc{Directed: x.Graph.EdgeDefault == "directed"}
	pos := map[string]int{}
	for _, k := range x.Keys {
		key := Key{Name: k.Name, Type: k.Type}
		switch k.For {
		case "node":
			pos[k.ID] = len(d.NodeKeys)
			d.NodeKeys = append(d.NodeKeys, key)
		case "edge":
			pos[k.ID] = len(d.LinkKeys)
			d.LinkKeys = append(d.LinkKeys, key)
		}
	}
	values := func(n int, data []xmlData) ([]string, error) {
		v := make([]string, n)
		for _, dt := range data {
			i, ok := pos[dt.Key]
			if !ok || i >= n {
				return nil, fmt.Errorf("network: graphml: undeclared key %q", dt.Key)
			}
			v[i] = dt.Value
		}
		return v, nil
	}
	for _, n := range x.Graph.Nodes {
		v, err := values(len(d.NodeKeys), n.Data)
		if err != nil {
			return nil, err
		}
		d.Nodes = append(d.Nodes, Record{ID: n.ID, Values: v})
	}
	for _, e := range x.Graph.Edges {
		v, err := values(len(d.LinkKeys), e.Data)
		if err != nil {
			return nil, err
		}
		d.Links = append(d.Links, Record{ID: strings.TrimPrefix(e.ID, "e"), Source: e.Source, Target: e.Target, Values: v})
	}
	return d, nil
}

type xmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

// ReadGEXF reads a GEXF file such as WriteGEXF writes, spells
// included.
func ReadGEXF(r io.Reader) (*Doc, error) {
	type attvalue struct {
		For   string `xml:"for,attr"`
		Value string `xml:"value,attr"`
	}
	type attributes struct {
		Class string `xml:"class,attr"`
		Attrs []struct {
			ID    string `xml:"id,attr"`
			Title string `xml:"title,attr"`
			Type  string `xml:"type,attr"`
		} `xml:"attribute"`
	}
	var x struct {
		Graph struct {
			DefaultEdgeType string       `xml:"defaultedgetype,attr"`
			Attributes      []attributes `xml:"attributes"`
			Nodes           []struct {
				ID     string     `xml:"id,attr"`
				Values []attvalue `xml:"attvalues>attvalue"`
			} `xml:"nodes>node"`
			Edges []struct {
				ID     string     `xml:"id,attr"`
				Source string     `xml:"source,attr"`
				Target string     `xml:"target,attr"`
				Values []attvalue `xml:"attvalues>attvalue"`
				Spells []struct {
					Start string `xml:"start,attr"`
					End   string `xml:"end,attr"`
				} `xml:"spells>spell"`
			} `xml:"edges>edge"`
		} `xml:"graph"`
	}
	if err := xml.NewDecoder(r).Decode(&x); err != nil {
		return nil, fmt.Errorf("network: gexf: %w", err)
	}
	d := &Doc{Directed: x.Graph.DefaultEdgeType == "directed"}
	npos, epos := map[string]int{}, map[string]int{}
	for _, a := range x.Graph.Attributes {
		for _, at := range a.Attrs {
			t := at.Type
			if t == "integer" {
				t = "int"
			}
			if a.Class == "node" {
				npos[at.ID] = len(d.NodeKeys)
				d.NodeKeys = append(d.NodeKeys, Key{at.Title, t})
			} else {
				epos[at.ID] = len(d.LinkKeys)
				d.LinkKeys = append(d.LinkKeys, Key{at.Title, t})
			}
		}
	}
	for _, n := range x.Graph.Nodes {
		v := make([]string, len(d.NodeKeys))
		for _, a := range n.Values {
			v[npos[a.For]] = a.Value
		}
		d.Nodes = append(d.Nodes, Record{ID: n.ID, Values: v})
	}
	for _, e := range x.Graph.Edges {
		v := make([]string, len(d.LinkKeys))
		for _, a := range e.Values {
			v[epos[a.For]] = a.Value
		}
		rec := Record{ID: e.ID, Source: e.Source, Target: e.Target, Values: v}
		for _, s := range e.Spells {
			rec.Spells = append(rec.Spells, Spell{openBound(s.Start, "-INF"), openBound(s.End, "INF")})
		}
		d.Links = append(d.Links, rec)
	}
	return d, nil
}

// openBound reads a GEXF spell bound: empty for an omitted bound or for
// inf, the infinity WriteGEXF writes for an open end.
func openBound(s, inf string) string {
	if strings.EqualFold(s, inf) {
		return ""
	}
	return s
}

// ReadDOT reads the subset of DOT that WriteDOT writes: one node or edge
// statement per line, attributes as quoted strings. The keys are taken
// from NodeKeys and LinkKeys; link IDs are numbered in order.
func ReadDOT(r io.Reader) (*Doc, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<30)
	d := &Doc{NodeKeys: NodeKeys, LinkKeys: LinkKeys}
	line := 0
	for sc.Scan() {
		line++
		t := strings.TrimSpace(sc.Text())
		if line == 1 {
			d.Directed = strings.HasPrefix(t, "digraph")
			continue
		}
		if t == "}" || t == "" {
			continue
		}
		toks, err := dotTokens(strings.TrimSuffix(t, ";"))
		if err != nil {
			return nil, fmt.Errorf("network: dot:%d: %w", line, err)
		}
		rec := Record{ID: toks[0]}
		keys := d.NodeKeys
		rest := toks[1:]
		if len(rest) >= 2 && (rest[0] == "--" || rest[0] == "->") {
			rec = Record{ID: strconv.Itoa(len(d.Links)), Source: toks[0], Target: rest[1]}
			keys = d.LinkKeys
			rest = rest[2:]
		}
		rec.Values = make([]string, len(keys))
		for i := 0; i+2 < len(rest); i += 3 {
			if rest[i+1] != "=" {
				return nil, fmt.Errorf("network: dot:%d: expected name=value", line)
			}
			k := keyIndex(keys, rest[i])
			if k < 0 {
				return nil, fmt.Errorf("network: dot:%d: unknown attribute %q", line, rest[i])
			}
			rec.Values[k] = rest[i+2]
		}
		if rec.Source != "" {
			d.Links = append(d.Links, rec)
		} else {
			d.Nodes = append(d.Nodes, rec)
		}
	}
	return d, sc.Err()
}

// dotTokens splits a statement into quoted strings (unescaped), bare
// words and the operators --, ->, =; brackets and commas separate.
func dotTokens(s string) ([]string, error) {
	var toks []string
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == ',' || c == '[' || c == ']':
			i++
		case c == '=':
			toks = append(toks, "=")
			i++
		case c == '"':
			var b strings.Builder
			i++
			for ; i < len(s) && s[i] != '"'; i++ {
				if s[i] == '\\' && i+1 < len(s) {
					i++
					if s[i] == 'n' {
						b.WriteByte('\n')
						continue
					}
				}
				b.WriteByte(s[i])
			}
			if i >= len(s) {
				return nil, errors.New("unterminated string")
			}
			i++
			toks = append(toks, b.String())
		default:
			j := i
			for j < len(s) && !strings.ContainsRune(" \t,[]=\"", rune(s[j])) {
				j++
			}
			toks = append(toks, s[i:j])
			i = j
		}
	}
	if len(toks) == 0 {
		return nil, errors.New("empty statement")
	}
	return toks, nil
}

// ReadPajek reads a Pajek .net file with *Vertices and *Edges or *Arcs
// sections such as WritePajek writes. Nodes get their labels as IDs and
// links their weight as link_weight.
func ReadPajek(r io.Reader) (*Doc, error) {
	sc := bufio.NewScanner(r)
	d := &Doc{LinkKeys: []Key{{"link_weight", "double"}}}
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
				return nil, fmt.Errorf("network: pajek:%d: expected a quoted label", line)
			}
			labels = append(labels, t[q+1:e])
			d.Nodes = append(d.Nodes, Record{ID: t[q+1 : e]})
		case "*edges", "*arcs":
			f := strings.Fields(t)
			if len(f) < 2 {
				return nil, fmt.Errorf("network: pajek:%d: expected two vertex numbers", line)
			}
			u, err1 := strconv.Atoi(f[0])
			v, err2 := strconv.Atoi(f[1])
			if err1 != nil || err2 != nil || u < 1 || v < 1 || u > len(labels) || v > len(labels) {
				return nil, fmt.Errorf("network: pajek:%d: bad vertex number", line)
			}
			w := "1"
			if len(f) > 2 {
				w = f[2]
			}
			d.Links = append(d.Links, Record{ID: strconv.Itoa(len(d.Links)), Source: labels[u-1], Target: labels[v-1], Values: []string{w}})
		}
	}
	return d, sc.Err()
}

// ReadCSV reads the node and link lists that WriteNodesCSV and
// WriteLinksCSV write. Attribute types are not stored in CSV; the keys get
// the types of NodeKeys and LinkKeys where the names match, "string"
// otherwise.
func ReadCSV(nodes, links io.Reader, directed bool) (*Doc, error) {
	d := &Doc{Directed: directed}
	typed := func(names []string, known []Key) []Key {
		var keys []Key
		for _, n := range names {
			t := "string"
			if i := keyIndex(known, n); i >= 0 {
				t = known[i].Type
			}
			keys = append(keys, Key{n, t})
		}
		return keys
	}
	nr, err := csv.NewReader(nodes).ReadAll()
	if err != nil || len(nr) == 0 {
		return nil, fmt.Errorf("network: nodes csv: %v", err)
	}
	d.NodeKeys = typed(nr[0][1:], NodeKeys)
	for _, rec := range nr[1:] {
		d.Nodes = append(d.Nodes, Record{ID: rec[0], Values: rec[1:]})
	}
	lr, err := csv.NewReader(links).ReadAll()
	if err != nil || len(lr) == 0 {
		return nil, fmt.Errorf("network: links csv: %v", err)
	}
	d.LinkKeys = typed(lr[0][2:], LinkKeys)
	for i, rec := range lr[1:] {
		d.Links = append(d.Links, Record{ID: strconv.Itoa(i), Source: rec[0], Target: rec[1], Values: rec[2:]})
	}
	return d, nil
}
