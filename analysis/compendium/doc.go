// Package compendium is the engine of a research compendium: it ties any
// registered study's data package to its published outputs. It builds a
// study's tables and figures, writes their make rules, renders the
// notebooks, writes the MANIFEST and verifies a committed figures/
// directory byte for byte. It imports no study: a study registers itself
// (Register) under the `name` of its data package, and every command
// chooses the study from the name of the package it is given (StudyOf).
//
// # Declaring outputs
//
// A study declares each output in one call, through the Loader that reads
// its typed data from a package:
//
//	var load = compendium.Loader[*Data](FromPackage)
//
//	func init() {
//		compendium.Register(compendium.Study{
//			Name:     "my-study",
//			Requires: []string{"people", "ties"},
//			Outputs: []compendium.Output{
//				load.Table("T1", "tbl-people", "People", []string{"people"}, People),
//				load.Figure("F1", "fig-ties", "Ties", []string{"people", "ties"}, figure.FullWidth, 10*vg.Centimeter, TiesFigure, nil),
//			},
//		})
//	}
//
// # Inputs are what an output reads
//
// An output's Inputs are not a list beside the code that can fall out of
// step with it: they are all the output can see. Each output is made from
// a view of the package that holds only the resources it declares
// (Output.Bind, datapkg.Package.Only), so its files depend on those
// resources and on nothing else, and the make rules generated from the
// same Inputs (Makefile) rebuild it when any of them changes. Forgetting
// an input cannot leave an output stale; it makes the output be computed
// without that resource, and CheckInputs, which a study's tests run,
// reports every output whose files made from the full package differ
// from those made from its declared inputs.
//
// The Makefile and `nexus build`, `nexus manifest` and `nexus verify`
// call this package; the command line only parses flags.
package compendium
