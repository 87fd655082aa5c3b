// Package csv reads edge lists into graph.Edge rows (ReadEdges, with
// every problem reported at file:line:column, the column in characters,
// as a *datapkg.Problem), and
// writes and reads the node and link lists of an encoding.Doc (WriteNodes,
// WriteLinks, Read), which spreadsheets, Gephi's import and pandas read.
package csv
