// Package datapkg reads and validates Frictionless Data Packages (v2):
// a datapackage.json descriptor whose resources are CSV files described by
// Table Schemas. It works on any package that uses these features, and
// the rules live in the descriptor only: nothing is written twice in Go.
//
// Open reads and checks the descriptor; Read also reads every resource
// into a Table and checks every rule the descriptor declares:
//
//   - the CSV itself: UTF-8 (a BOM is accepted), CRLF or LF line ends,
//     quoting, the same number of fields on every row, and a header whose
//     names and order match the schema's fields (missing, extra and
//     misordered columns are reported; columns are matched by name);
//   - field types: string, integer, number, boolean (trueValues and
//     falseValues), date, time, datetime (format "default", "any" or a
//     strptime pattern such as "%d/%m/%Y"), year, yearmonth, list
//     (delimiter, itemType), object, array, duration, geopoint, any;
//   - missingValues (schema or field level), required, unique, enum,
//     pattern (anchored: it must match the whole value), minimum,
//     maximum, exclusiveMinimum, exclusiveMaximum, minLength, maxLength
//     (characters, or items for a list; enum and pattern apply to each
//     item of a list);
//   - primaryKey, single or composite (its fields are required and the
//     key unique);
//   - foreignKeys, to another resource or the same one (reference.resource
//     absent or ""), composite, and from list fields, whose every item
//     must exist in the referenced resource; missing values refer to
//     nothing. Keys into a table with rows left out (for a wrong number
//     of fields) are not checked, since the key may be on such a row;
//   - the hash of each file: "sha256:<hex>", "md5:<hex>", "sha1:", "sha512:"
//     or bare hex (MD5).
//
// and, beyond what Table Schema can say:
//
//   - dates at a precision: a string field (or list of strings) whose
//     pattern admits only YYYY, YYYY-MM and YYYY-MM-DD (such as
//     "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?") must hold real calendar dates,
//     month 01 to 12 and a day of that month, February 29 in leap years
//     only (ErrDate); date, datetime and yearmonth fields are checked so
//     by their types;
//   - NaN, INF and -INF, which Table Schema reads as numbers, fail every
//     minimum and maximum (ErrNotFinite);
//   - control characters: a file may hold tab, line feed and carriage
//     return; every other C0 control (NUL among them), DEL and every C1
//     control is reported at its own line and column (ErrControl). Line
//     feeds inside quoted fields are data, as RFC 4180 allows.
//
// Files are opened through package safefile: the descriptor and each
// resource must be a regular file inside the package directory after
// symbolic links (a link out of it is refused, and nothing of the file
// is read or printed), no larger than 2 GiB by its size on disk, checked
// before reading and again while reading. Such a refusal is reported as
// "file: resource "x": path leaves the package: ...".
//
// Every problem found is reported, each as a *Problem that prints like
//
//	relations.csv:12:9: field "tie_type": value "allience": not in enum, want one of "alliance", "merger"
//
// (line and column 1-based, the column counted in characters) and wraps a
// sentinel error (ErrRequired, ErrUnique, ErrEnum, ...) for errors.Is.
// Problems collects them in file order and is itself an error. Problem
// is the one problem type of the toolkit: the other readers (qda, its
// anonymity guard, graph/encoding/csv, notebook) report theirs with it,
// turning byte positions into character columns through LineIndex.
//
// This package is also the one reader of descriptors: Open parses
// datapackage.json, Property gives a property it does not use itself
// (such as "nexus:respondentData"), and Resource.ReadTable reads one
// table checked against its schema.
//
// Reading is built for large files: the file stays in memory as the
// backing store of every cell, a cell costs 4 bytes (its offset), the
// file is scanned in two halves in parallel, fields are validated in
// parallel, patterns run as a lazily built DFA, and unique keys are
// checked by order or by hashing rather than with a map of every value.
// A validated, typed load of a million rows takes a fraction of a second
// and about 60 MB beyond the file (see BenchmarkRead1M). Files are limited
// to 2 GiB. Inline data, remote paths, multipart paths and headerless
// files are reported as unsupported.
//
// Files are never modified. Hashes reports the sha256 of every resource;
// Rehash rewrites only the hash values of a descriptor, in place, for
// authoring a new version of a dataset. It refuses a published version,
// one with an entry in its dataset's CHANGELOG.md (see Published), unless
// forced, and a descriptor that is a symbolic link. A hash mismatch says
// how to record the new hash (RehashHint).
//
// Diff compares two versions of a package: package properties, resources
// and fields added or removed, and rows added, removed or changed,
// matched by primary key, in a deterministic order.
package datapkg
