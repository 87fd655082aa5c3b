// Package notebook parses, runs and renders literate Go notebooks: Markdown
// files with fenced Go cells whose real outputs are rendered into the
// document, deterministically and without Jupyter.
//
// # Format
//
// A notebook is notebooks/NN-topic.md. It starts with YAML front matter:
//
//	---
//	title: The alliance network
//	---
//
// title is required. dataset, when given, pins the dataset the notebook
// reads, as NAME/VERSION (dataset: ttp-alliances/1.0.0) or as a map with
// name and version; it resolves to the directory datasets/NAME/VERSION, or
// datasets/NAME/vVERSION, a data package (Options.Datasets names another
// directory than datasets/). Without it the notebook reads
// Options.Dataset, the compendium's dataset (nexus render -dataset). Every
// rendered notebook states under its title the name, version and content
// hash of the dataset it was rendered from. The dataset's references
// resource provides the citations: it is read through datapkg, validated
// against the package's schema, by package bib (see bib.FromPackage for
// the columns), which also formats the citations and the reference list.
//
// The rest is Markdown prose and fenced cells, ```go (or ```{go}). Options
// of a cell come first, one a line, in Quarto's style:
//
//	```go
//	//| label: fig-network
//	//| caption: The alliance network, after @moghadam2017.
//	//| echo: false
//	p := plot.New()
//	...
//	cell.Figure(p)
//	```
//
// The prose computes the numbers the data determines with inline values,
// in Quarto's inline-code syntax: `{go} EXPR` is replaced by the value of
// the Go expression, printed with %v (`{go} fmt.Sprintf("%.3f", x)` to
// format), evaluated after the cells above it in their scope. The value
// is text, escaped in the Markdown and so in the HTML. Code spans of
// other kinds and code blocks are left alone.
//
// The options are:
//
//   - label: lower-case letters, digits and hyphens. A label that starts
//     with fig- or tbl- can be cross-referenced; it also names the cell's
//     figure file (figures/notebooks/NN-topic/LABEL.svg).
//   - caption: Markdown shown with the figure or table; it may cite and
//     cross-reference.
//   - echo (show the code), eval (run it), output (show its outputs):
//     true or false, each true by default.
//
// # Execution
//
// The evaluated cells become one Go program (see Program): every
// statement goes, in order, into one func main, so a variable of cell 2 is
// visible in cell 5; func, method, type and import declarations at a
// cell's top level are hoisted out of main and visible to every cell.
// A cell may import packages (import declarations are hoisted) or name an
// allowed package without importing it: the name is resolved from the
// allowlist, by package name, without type checking. Where several allowed
// packages share a name, the first in this order that exports every
// symbol the cells use wins: the cell API and gonum/plot's plot, plotter,
// vg and draw; the compendium's study packages and the toolkit's core
// packages; the standard library; the rest (so csv is encoding/csv, and
// rand is math/rand/v2 for rand.IntN). A name no allowed package has stays
// undefined for the compiler to report. Go's own rules apply: a
// variable that is declared and never used, or declared twice with :=, is
// a compile error.
//
// Each inline value is evaluated by a statement of main between the cells
// above and below it, cell.Inline(I, EXPR), with a /*line*/ directive that
// maps EXPR to its line and column in the prose. A cell checks a statement
// of the prose with cell.Claim(text, holds): a claim that holds is listed
// in the rendered notebook's "Claims checked" section (and by CheckClaims,
// for figures/claims.csv), one that does not fails the render at the line
// of the call.
//
// The program is written to main.go in a scratch directory of its own,
// .nexus-cache/run/.nexus-tmp-RANDOM/, inside the repository module, built
// there with go run -exec cp -trimpath -ldflags="-s -w" (CGO_ENABLED=0),
// which copies a program built before from the Go build cache rather
// than linking it again (see build.GoBuildArgs), and run with the
// repository root as working directory; the directory is locked while in use and removed
// afterwards, and one left by a killed render is removed by the next. The
// cells show outputs through package cell (tables, figures, Markdown);
// anything they print to standard output or standard error is shown as
// text output, in order. A notebook with nothing to run (no evaluated
// cell with code, no inline value) is rendered with the outputs of an
// empty program and without one: nothing is built, run or cached.
//
// Three front matter keys bound the run:
//
//	timeout: 30s                # how long the program may run (default 2m)
//	max-output: 4 MiB           # how much output one cell may produce (default 1 MiB)
//	max-total-output: 32 MiB    # how much all cells may produce together (default 16 MiB)
//
// Options.Limits (nexus render -timeout, -max-output and
// -max-total-output) set the bounds of notebooks that do not set their
// own. The output is parsed while the program runs and spooled to an
// unlinked file, so memory stays bounded: the cell that passes a cap stops
// the program and is reported at its file:line, as is the cell that was
// running at the timeout. Rendering holds a notebook's outputs in memory
// about ten times over, so the notebook-wide cap bounds the renderer's
// memory: 150 cells printing 1 MiB each fail at cell 17 with the default
// caps (BenchmarkRenderMemory).
//
// # Errors
//
// Every line of a cell is preceded in the program by a //line directive
// naming the notebook file and line, so compile errors, panics and the
// failures of package cell are reported at the notebook's own
// file:line[:column], with the cell's index and label:
//
//	notebooks/03-network.md:42:7: cell 4 (fig-network): undefined: grpah
//	notebooks/03-network.md:45: cell 4 (fig-network): panic: runtime error: index out of range [5] with length 3
//
// A run error also shows the last lines the cell printed. Unknown cross-
// references, unknown citation keys and bad options are found before
// anything runs, all of them at once. A notebook with an error writes
// nothing: its outputs are built in memory and written only when complete,
// each file atomically.
//
// # Rendering
//
// Render writes figures/notebooks/NN-topic.md (GitHub Markdown, figures
// linked relatively), figures/notebooks/NN-topic.html (standalone: CSS
// inline, no scripts, figures linked relatively, so it works from file://
// without a network) and figures/notebooks/NN-topic/*.svg (fonts
// embedded, see github.com/nexus-toolkit/nexus/analysis/figure).
//
// In prose and captions, @fig-x and @tbl-x become "Figure N" and "Table
// N", numbered by the order of the labelled cells, and link to their
// targets. Citations follow Pandoc: @key is narrative, "Bacon (2018)";
// [@key] is parenthetical, "(Bacon, 2018)"; [see @a, p. 5; @b] keeps the
// prefix and locator; [-@key] gives the year only. Two authors are
// "A and B" (narrative) or "A & B", three or more "A et al."; entries with
// the same authors and year get 2018a, 2018b. A reference list of the
// cited entries, sorted by author and year, ends the document. \@ writes
// a literal @; code spans and code blocks are left alone.
//
// A table shown with cell.Table whose cells know the rows of data they
// came from (table.Cell.Sources) carries their evidence, read by the
// program from the notebook's dataset: in the HTML every such cell holds a
// collapsed <details> list of its rows, each with its resource/key,
// file:line, page and verbatim quote. It needs no script.
//
// Markdown becomes HTML through goldmark with GitHub's extensions. Every
// piece of dataset and cell text is escaped: raw HTML in prose, captions
// and cell outputs is shown as text, except <br> and empty <a id="...">
// anchors.
//
// # Caching
//
// The outputs of a run are stored in .nexus-cache/out/KEY.json, where KEY
// is the sha256 of: the cache format version; the go command's version;
// the compendium's module path; the notebook's path and dataset directory;
// the dataset's name, version and content hash; the code of every
// evaluated cell; the expression of every inline value and the cell it
// follows; the program's imports; the source of every package the
// program compiles, as go list -deps reports them for this platform
// (every compiled and embedded file, with its name, of each package of
// the main module or of a module replaced by a directory, wherever it
// lies; the module path, version and go.sum hash of each package of a
// module version; the standard library through the go version); and
// every file of the dataset directory with its path. Editing
// prose, captions or options, or a package the program does not compile
// (another study's, a test file), renders again from the cache; changing
// a cell, a file the program compiles, a module version it uses or one
// byte of the data runs the notebook again. Options.Force runs it anyway. A miss renders
// from the stored entry as read back, so a hit and a miss write
// byte-identical files. While a notebook's entry is looked up, computed
// and stored, the render holds a lock on .nexus-cache/lock/KEY (flock), so
// parallel renders of one notebook run it once and the others read the
// stored entry. The cache must be kept out of git:
//
//	/.nexus-cache/
//
// # Trust model
//
// Rendering a notebook runs its code. The code under analysis/ and cmd/ is
// the compendium's own: make builds it into bin/nexus, which runs with the
// user's rights, so it is reviewed like the Makefile. A notebook program
// is confined by the operating system, on Linux, before its first
// instruction:
//
//   - Landlock (ABI 3 or later): it may read the repository, GOROOT and
//     the module cache, read and write /dev/null, and read, write and
//     execute in its own scratch directory (its TMPDIR); nothing else. It
//     cannot create, change, truncate, remove, rename or link a file
//     anywhere else, nor execute one: no shell, no other program. With ABI
//     4 TCP is refused, with ABI 6 signals and abstract UNIX sockets out
//     of the program's domain too.
//   - A seccomp filter refuses socket(2), io_uring and the changes of a
//     file's mode, owner, times and extended attributes, which Landlock
//     does not govern (amd64 and arm64).
//   - New user, network and PID namespaces: no network is reachable, no
//     user is mapped (the program has no capability), and the program is
//     the first process of its PID namespace, so the kernel kills every
//     process it started when it ends, even one that left its process
//     group.
//   - The environment is scrubbed (see goEnv), the program runs in a
//     process group of its own, killed whole at the timeout, at an output
//     cap and when Options.Context ends, and gets SIGKILL when the render
//     dies (Pdeathsig).
//   - Imports come from an allowlist, checked on the generated program
//     before it is built: the compendium's study packages
//     (Options.Packages), and what Allowed accepts: the toolkit's core
//     packages bib, datapkg, figure, frame, graph, qda, quotes, safefile
//     and table with the packages below them (never build, cli,
//     compendium, notebook or internal, whatever the compendium
//     declares); the cell API; gonum, gonum/plot and gota; and from the
//     standard library bytes, cmp, encoding/csv, encoding/json, errors,
//     fmt, io, iter, maps, math and its subpackages, regexp, slices, sort,
//     strconv, strings,
//     text/tabwriter and the unicode packages. Of package os only
//     os.Stdout and os.Stderr may be used. Anything else (net, os/exec,
//     syscall, unsafe, reflect, text/template, go/build, cgo, ...) is
//     refused at the line of the cell that names it.
//
// The renderer applies no_new_privs, the filter and the Landlock ruleset
// to one locked thread of its own and starts the program from it (see
// runLocked): all three are inherited by the child and kept across
// execve, so no code of the notebook runs unconfined, not even the init
// of a package it imports, and the renderer's other threads keep all
// their rights. Landlock was chosen over a mount namespace with the
// repository bound read-only because it needs no privilege, no helper
// process and no re-exec (Go cannot make mounts between fork and exec),
// refuses reads outside the allowed trees and not only writes, and
// combines with the namespaces. The three Landlock system calls are made
// directly: github.com/landlock-lsm/go-landlock restricts every thread of
// the calling process, which here would confine the renderer itself.
//
// When the system cannot confine the program (no Landlock or an ABI
// older than 3, user namespaces refused, not Linux), the render fails
// with a *ConfinementError unless Limits.Unconfined (nexus render
// -unconfined, make UNCONFINED=1) allows it; then the program runs with
// what the system allows, its rendered notebook carries UnconfinedNote,
// and the MANIFEST lists it. A confined render does not reuse the cached
// outputs of an unconfined run where the system can confine. An import
// allowlist (see Allowed) is checked on the generated program before it
// is built, and package cell opens files only inside the repository.
//
// Not enforced: go build runs unconfined (it compiles and runs no cell
// code); the program's CPU time and memory are bounded only by the
// timeout and the output caps, its disk use in the scratch directory not
// at all; and it may read every file of the repository, .git included,
// and print it into its rendered output.
package notebook
