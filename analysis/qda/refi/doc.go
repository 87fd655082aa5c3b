// Package refi converts coding projects (package qda) to and from the
// REFI-QDA exchange formats (REFI-QDA standard 1.5, schemas
// Project-mrt2019.xsd and Codebook.xsd): .qdc codebooks and .qdpx
// projects, a zip archive holding project.qde and the plain-text sources
// under sources/.
//
// What round-trips: users; codes in nested folders with colours and
// descriptions; variables (with descriptions) and cases with their values
// and sources; plain-text sources with descriptions; selections coded by
// several users; notes and memos with the project, codes, sources,
// selections and codings they are attached to; sets of codes, sources and
// notes (code sets also in .qdc codebooks). Import, export and import
// again gives the same package, byte for byte.
//
// What an import changes is reported as a warning: variable values of
// text sources (MAXQDA's document variables) become one case per source,
// and descriptions of selections (ATLAS.ti's comments on quotations)
// become notes attached to their selections; objects without a name are
// named by their id; a byte-order mark that starts a source file is kept
// and reported, since the standard does not say whether positions count
// it. Sources other than plain
// text (PDF, picture, audio, video, rich text without a plain-text
// representation, external files) are reported as skipped, by name.
// Everything else the package does not carry is listed in
// Report.Dropped, counted by element or attribute: links, graphs,
// timestamps, rich-text paths, origin, the descriptions of cases and
// notes, codings of a note's own text. Nothing is lost silently.
//
// Exports are byte-reproducible: every GUID is derived from the project's
// name, the kind of object and its id (a name-based UUID, version 5, over
// SHA-1), unless the data carries a GUID kept from an import; zip entries
// are sorted and carry a fixed timestamp; no clock is read.
//
// Archives are read defensively: entry names with "..", absolute paths or
// backslashes, oversized or highly compressed entries (zip bombs),
// malformed XML and references to GUIDs that the project does not define
// are rejected with an error that names the problem.
package refi
