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
// there with go build -trimpath, and run with the repository root as
// working directory; the directory is locked while in use and removed
// afterwards, and one left by a killed render is removed by the next. The
// cells show outputs through package cell (tables, figures, Markdown);
// anything they print to standard output or standard error is shown as
// text output, in order.
//
// Two front matter keys bound the run:
//
//	timeout: 30s        # how long the program may run (default 2m)
//	max-output: 4 MiB   # how much output one cell may produce (default 1 MiB)
//
// Options.Limits (nexus render -timeout and -max-output) set the bounds of
// notebooks that do not set their own. The output is parsed while the
// program runs, so memory stays bounded: the cell that passes the cap
// stops the program and is reported at its file:line, as is the cell that
// was running at the timeout.
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
// Rendering a notebook runs its code with the rights of the user who
// renders it: review a notebook before rendering it as you would review
// any code. What is enforced:
//
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
//   - Package cell opens files only inside the repository (an os.Root
//     refuses absolute paths, .. and symbolic links that leave it).
//   - The program runs with the repository as working directory and a
//     scrubbed environment: PATH, HOME, TMPDIR, XDG_CACHE_HOME,
//     XDG_CONFIG_HOME and the go command's variables (GOROOT, GOPATH,
//     GOCACHE, GOMODCACHE, GOENV, GOFLAGS, GOTOOLCHAIN, GOPROXY,
//     GONOPROXY, GOPRIVATE, GONOSUMDB, GOSUMDB, GOINSECURE, GOTMPDIR,
//     CGO_ENABLED) when set, and the run's own variables; nothing else of
//     the renderer's environment. go build also gets the proxy variables.
//   - On Linux the program runs in new user and network namespaces, where
//     no network is reachable. Where the system refuses unprivileged user
//     namespaces (a kernel setting or a container's seccomp policy), the
//     program runs with the network instead, and Options.Log (render -v)
//     says so; NetworkIsolated reports which.
//   - The program runs in a process group of its own. The timeout, the
//     output cap and the end of Options.Context kill the whole group; on
//     Linux the program also gets SIGKILL when the render dies (Pdeathsig).
//
// What is not enforced: there is no file system sandbox. Functions of the
// allowed packages that take a path (figure.Save, gonum/plot's Plot.Save,
// the writers of qda and qda/refi, the loaders of datapkg and study) can
// read and write wherever the user can. CPU and memory are bounded only by
// the timeout and the output cap, and go build runs with the network. The
// allowlist is a check on source code, not a sandbox.
package notebook
