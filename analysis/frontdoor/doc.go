// Package frontdoor writes a compendium's front door for reviewers,
// figures/index.html: one self-contained HTML page, without JavaScript,
// that shows the study's title, its data package (name, version, content
// hash) and the commands that check it, every table (rendered) and figure
// (a thumbnail) with its files, checksums and trace, every checked claim
// with its notebook and line, the quote check and how to run it against
// one's own copy of the source, the rendered notebooks in every format,
// and the environment that built the page.
//
// The page is a view of the files beside it: Page holds what it shows,
// and WriteTo writes it, byte for byte the same for the same Page. The
// environment (the Go release and the operating system) is the one part
// that may differ between two builds of identical outputs; it stands in a
// delimited block that Environment reads and masks, so that a verifier
// compares the rest of the page byte for byte and reports the
// environment, as it does for the MANIFEST's environment lines.
//
// The page does not list its own checksum (the MANIFEST does).
package frontdoor
