// Package refi converts coding projects (package qda) to and from the
// REFI-QDA exchange formats (REFI-QDA standard 1.5, schemas
// Project-mrt2019.xsd and Codebook.xsd): .qdc codebooks and .qdpx
// projects, a zip archive holding project.qde and the plain-text sources
// under sources/.
//
// Exports are byte-reproducible: every GUID is derived from the project's
// name, the kind of object and its id (a name-based UUID, version 5, over
// SHA-1), unless the data carries a GUID kept from an import; zip entries
// are sorted and carry a fixed timestamp; no clock is read.
//
// Imports keep plain-text sources (inline PlainTextContent or an internal
// .txt file) and report every other source (PDF, picture, audio, video,
// rich text without a plain-text representation, external files) as
// skipped, with its name. Archives are read defensively: entry names with
// "..", absolute paths or backslashes, oversized or highly compressed
// entries (zip bombs), malformed XML and references to GUIDs that the
// project does not define are rejected with an error that names the
// problem.
package refi
