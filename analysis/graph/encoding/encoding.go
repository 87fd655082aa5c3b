// Package encoding is the common model of the graph file formats: a Doc
// holds a graph's nodes and links with typed attributes as text, which
// the format packages below it write and read back.
//
// The formats are subpackages, one per format, as in gonum/graph/encoding:
//
//	encoding/graphml  GraphML, with typed keys (NetworkX's read_graphml reads it)
//	encoding/gexf     GEXF 1.3 with spells (Gephi; NetworkX's read_gexf)
//	encoding/dot      Graphviz DOT
//	encoding/pajek    Pajek .net
//	encoding/csv      node and link lists, and edge lists read into graph.Edge rows
//
// A Doc knows nothing of how a graph was built: a study fills it from its
// own graph with the attributes it wants exported (see
// github.com/nexus-toolkit/nexus/analysis/alliance.NewDoc). Every writer is deterministic: no date
// of writing, attributes in key order, nodes and links in Doc order.
package encoding
