// Package build is the machinery that turns a study into its published
// outputs reproducibly: atomic file writes, the registry of outputs, the
// figures/MANIFEST and the byte-for-byte comparison behind `make verify`.
//
// Every output file is written to a temporary file in the target directory
// and renamed into place, so an interrupted or failed build never leaves a
// truncated file and never changes a committed one. This is the project's
// one atomic-write API: WriteFile, WriteWith, Buffer and Create/Commit for
// a file, Rewrite for a file edited in place (it keeps the file's mode:
// datapkg's hash -w), WriteTree for a whole directory (qda's coding
// packages) and Publish for the files of a scratch directory. build
// imports nothing of nexus, so every core package may use it. A MANIFEST lists the
// sha256 of every output, sorted by path, together with the dataset's name,
// version and hash and the Go version; it holds no timestamps.
package build
