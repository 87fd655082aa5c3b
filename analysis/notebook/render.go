package notebook

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"nexus/analysis/build"
)

// Options configure Render.
type Options struct {
	// Root is the repository root, the directory of go.mod. When empty,
	// Render looks for it from the working directory upwards.
	Root string
	// Out is the output directory, default "figures/notebooks" under Root.
	Out string
	// Force runs every notebook even when its cached outputs are valid.
	Force bool
	// Log, when set, gets one line per notebook: whether it ran or came
	// from the cache. Times are not written to it.
	Log io.Writer
	// Context, when set, stops the render when it ends: a running notebook
	// program is killed with everything it started, and no further
	// notebook runs. nexus render cancels it on SIGINT and SIGTERM.
	Context context.Context
	// Limits bound each notebook program (a notebook's front matter may
	// set its own).
	Limits
	// Dataset is the dataset directory of every notebook whose front
	// matter names none (a path relative to the working directory, or
	// absolute; it must lie inside Root): the compendium's dataset, which
	// nexus render -dataset gives. Empty leaves such notebooks without one.
	Dataset string
}

// Render renders each notebook file to Out/NAME.md and Out/NAME.html, with
// its figures under Out/NAME/. It renders every notebook it can; a
// notebook with an error writes nothing, and the errors of all notebooks
// are returned together.
func Render(opt Options, files ...string) error {
	root, err := FindRoot(opt.Root)
	if err != nil {
		return err
	}
	out := opt.Out
	if out == "" {
		out = filepath.Join(root, "figures", "notebooks")
	}
	in, err := newInputs(root)
	if err != nil {
		return err
	}
	if opt.Context == nil {
		opt.Context = context.Background()
	}
	build.CleanStale(out)
	var errs []error
	for _, f := range files {
		if err := opt.Context.Err(); err != nil {
			errs = append(errs, fmt.Errorf("%s: not rendered: %w", f, context.Cause(opt.Context)))
			continue
		}
		if err := renderOne(opt, root, out, in, f); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// FindRoot returns dir made absolute, or when dir is empty the first
// directory from the working directory upwards that holds go.mod: the
// repository root.
func FindRoot(dir string) (string, error) {
	if dir != "" {
		return filepath.Abs(dir)
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("no go.mod in %s or above, expected to run inside the repository", wd)
		}
	}
}

// renderOne renders one notebook and writes its files.
func renderOne(opt Options, root, out string, in *inputs, file string) error {
	p, err := renderPage(opt, root, in, file)
	if err != nil {
		return err
	}
	if err := writeFiles(out, p.Name, p.Files); err != nil {
		return err
	}
	if opt.Log != nil {
		state := "cached"
		if p.Ran {
			state = "ran"
		}
		fmt.Fprintf(opt.Log, "render %s: %s\n", p.Path, state)
	}
	return nil
}

// Page is one notebook rendered in memory.
type Page struct {
	Name string // the notebook's name: NAME of NAME.md
	Path string // the notebook's path relative to the repository root
	// Files are the rendered files by path relative to the output
	// directory: NAME.md, NAME.html and NAME/*.svg.
	Files map[string][]byte
	Ran   bool // false when the outputs came from the cache
}

// RenderPage renders one notebook as Render does, from the cache when it
// is valid (opt.Out and opt.Log are not used), and returns its files
// instead of writing them. A preview server serves them from memory.
func RenderPage(opt Options, file string) (*Page, error) {
	root, err := FindRoot(opt.Root)
	if err != nil {
		return nil, err
	}
	in, err := newInputs(root)
	if err != nil {
		return nil, err
	}
	if opt.Context == nil {
		opt.Context = context.Background()
	}
	return renderPage(opt, root, in, file)
}

// renderPage runs (or reads from the cache) and renders one notebook.
func renderPage(opt Options, root string, in *inputs, file string) (*Page, error) {
	doc, res, state, err := load(opt, root, in, file)
	if err != nil {
		return nil, err
	}
	files, err := doc.write(res)
	if err != nil {
		return nil, err
	}
	return &Page{Name: doc.nb.Name, Path: doc.nb.Path, Files: files, Ran: state == "ran"}, nil
}

// load parses a notebook, gives it the dataset of opt unless its front
// matter names one, resolves its prose and returns its outputs, from the
// cache or from a run (state says which).
func load(opt Options, root string, in *inputs, file string) (*document, *Result, string, error) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return nil, nil, "", err
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || strings.HasPrefix(rel, "..") {
		return nil, nil, "", fmt.Errorf("%s: the notebook is outside the repository %s", file, root)
	}
	rel = filepath.ToSlash(rel)
	src, err := os.ReadFile(abs)
	if err != nil {
		return nil, nil, "", err
	}
	nb, err := Parse(root, rel, src)
	if err != nil {
		return nil, nil, "", err
	}
	if err := useDataset(nb, root, opt.Dataset); err != nil {
		return nil, nil, "", err
	}
	doc, err := prepare(root, nb)
	if err != nil {
		return nil, nil, "", err
	}
	if doc.dataset, err = in.info(root, nb.Dataset); err != nil {
		return nil, nil, "", fmt.Errorf("%s: %w", nb.Path, err)
	}
	key, err := in.key(root, nb)
	if err != nil {
		return nil, nil, "", err
	}
	res, state, err := result(opt, root, nb, key)
	return doc, res, state, err
}

// result returns the outputs of nb from the cache or from a run, and says
// which ("cached" or "ran"). The cache entry is locked meanwhile, so that
// parallel renders of one notebook run it once and the others read the
// entry it stored.
func result(opt Options, root string, nb *Notebook, key string) (*Result, string, error) {
	unlock, err := build.LockFile(filepath.Join(root, cacheDir, "lock", key))
	if err != nil {
		return nil, "", err
	}
	defer unlock()
	if !opt.Force {
		res, err := loadCached(root, key)
		if err != nil || res != nil {
			return res, "cached", err
		}
	}
	r, err := Execute(opt.Context, root, nb, opt.Limits)
	if err != nil {
		return nil, "", err
	}
	if opt.Log != nil && !NetworkIsolated() {
		fmt.Fprintf(opt.Log, "render %s: note: this system refused a network namespace, so the notebook program ran with the network\n", nb.Path)
	}
	res, err := storeCached(root, key, r)
	return res, "ran", err
}

// document is a notebook with its cross-references and citations resolved,
// waiting for the outputs of a run.
type document struct {
	nb      *Notebook
	dataset *datasetInfo // nil when the notebook has no dataset
	t       *texter
	prose   []string // resolved Markdown of each block ("" for cells)
	caption []string // resolved caption Markdown of each cell
	targets map[string]target
}

// prepare numbers the targets and resolves the prose and captions, so that
// an unknown label or key fails before anything runs.
func prepare(root string, nb *Notebook) (*document, error) {
	d := &document{nb: nb, targets: map[string]target{}}
	nfig, ntbl := 0, 0
	for _, c := range nb.Cells {
		switch {
		case strings.HasPrefix(c.Label, "fig-"):
			nfig++
			d.targets[c.Label] = target{c.Label, fmt.Sprintf("Figure %d", nfig)}
		case strings.HasPrefix(c.Label, "tbl-"):
			ntbl++
			d.targets[c.Label] = target{c.Label, fmt.Sprintf("Table %d", ntbl)}
		}
	}
	var refs map[string]*Reference
	if nb.Dataset != "" {
		var err error
		if refs, err = readReferences(root, nb.Dataset); err != nil {
			return nil, fmt.Errorf("%s: dataset %s: %w", nb.Path, nb.Dataset, err)
		}
	}
	d.t = &texter{file: nb.Path, targets: d.targets, refs: refs, dataset: nb.Dataset, cited: map[string]bool{}, inlines: nb.inlineAt}
	d.prose = make([]string, len(nb.Blocks))
	for i, b := range nb.Blocks {
		if b.Cell == nil {
			d.prose[i] = d.t.text(b.Prose, b.Line)
		}
	}
	d.caption = make([]string, len(nb.Cells))
	for i, c := range nb.Cells {
		n := len(d.t.probs)
		d.caption[i] = d.t.line(c.Caption, c.CaptionLine)
		for j := n; j < len(d.t.probs); j++ {
			d.t.probs[j].Col += c.CaptionCol - 1
		}
	}
	if err := d.t.probs.err(); err != nil {
		return nil, err
	}
	d.t.finish()
	for i := range d.prose {
		d.prose[i] = d.t.resolve(d.prose[i])
	}
	for i := range d.caption {
		d.caption[i] = d.t.resolve(d.caption[i])
	}
	return d, nil
}

// page collects the outputs of document.write: the Markdown chunks, the
// HTML body and the files.
type page struct {
	chunks []string
	body   bytes.Buffer
	files  map[string][]byte
}

// md adds a chunk of Markdown; chunks are joined by blank lines.
func (p *page) md(s string) {
	if s = strings.Trim(s, "\n"); s != "" {
		p.chunks = append(p.chunks, s)
	}
}

func (p *page) mdf(format string, args ...any) { p.md(fmt.Sprintf(format, args...)) }

// write renders the Markdown, the HTML and the figures of the notebook
// with the outputs res. The keys of the result are paths relative to the
// output directory.
func (d *document) write(res *Result) (map[string][]byte, error) {
	nb := d.nb
	p := &page{files: map[string][]byte{}}
	p.mdf("<!-- Generated by nexus render from %s. Do not edit. -->\n\n# %s\n\n", nb.Path, escapeInline(nb.Title))
	fmt.Fprintf(&p.body, "<h1>%s</h1>\n", html.EscapeString(nb.Title))
	if d.dataset != nil {
		p.mdf("*Rendered from the dataset %s, `%s`.*", escapeInline(d.dataset.String()), d.dataset.Dir)
		fmt.Fprintf(&p.body, "<p class=\"dataset\">Rendered from the dataset %s, <code>%s</code>.</p>\n", html.EscapeString(d.dataset.String()), html.EscapeString(d.dataset.Dir))
	}
	for bi, b := range nb.Blocks {
		if b.Cell == nil {
			prose, err := fillInlines(d.prose[bi], res)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %v", nb.Path, b.Line, err)
			}
			p.md(prose)
			p.body.Write(markdownHTML(prose))
			continue
		}
		d.writeCell(p, b.Cell, res)
	}
	d.writeClaims(p, res.Claims)
	if len(d.t.order) > 0 {
		var list strings.Builder
		for _, r := range d.t.order {
			list.WriteString("- " + referenceMarkdown(r) + "\n")
		}
		p.md("## References\n\n" + list.String())
		p.body.WriteString("<section class=\"references\">\n<h2 id=\"references\">References</h2>\n")
		p.body.Write(markdownHTML(list.String()))
		p.body.WriteString("</section>\n")
	}
	p.files[nb.Name+".md"] = []byte(strings.Join(p.chunks, "\n\n") + "\n")
	var out bytes.Buffer
	fmt.Fprintf(&out, htmlHead, html.EscapeString(nb.Title), html.EscapeString(nb.Path), css)
	out.Write(p.body.Bytes())
	out.WriteString("</main>\n</body>\n</html>\n")
	p.files[nb.Name+".html"] = out.Bytes()
	return p.files, nil
}

// writeCell writes cell c: its code when echoed, then its outputs, with
// the caption of a figure or table target.
func (d *document) writeCell(p *page, c *Cell, res *Result) {
	id := "cell-" + fmt.Sprint(c.Index)
	fmt.Fprintf(&p.body, "<div class=\"cell\" id=\"%s\">\n", id)
	if c.Echo {
		fence := fenceFor(c.Code)
		p.mdf("%sgo\n%s%s\n\n", fence, c.Code, fence)
		fmt.Fprintf(&p.body, "<pre class=\"code\"><code class=\"language-go\">%s</code></pre>\n", html.EscapeString(c.Code))
	}
	var outs []Output
	if c.Eval && c.Output && c.Index-1 < len(res.Cells) {
		outs = res.Cells[c.Index-1]
	}
	tg, isTarget := d.targets[c.Label]
	caption := ""
	if isTarget {
		caption = captionMD(tg.name, d.caption[c.Index-1])
	}
	anchored, nfig := false, 0
	base := c.Label
	if base == "" {
		base = id
	}
	for _, o := range outs {
		switch o.Kind {
		case "text":
			fence := fenceFor(o.Text)
			text := o.Text
			if !strings.HasSuffix(text, "\n") {
				text += "\n"
			}
			p.mdf("%stext\n%s%s\n\n", fence, text, fence)
			fmt.Fprintf(&p.body, "<pre class=\"output\">%s</pre>\n", html.EscapeString(text))
		case "markdown":
			p.md(strings.TrimRight(o.Text, "\n") + "\n\n")
			fmt.Fprintf(&p.body, "<div class=\"output\">\n%s</div>\n", markdownHTML(o.Text))
		case "table":
			if isTarget && !anchored && strings.HasPrefix(c.Label, "tbl-") {
				anchored = true
				p.mdf("<a id=\"%s\"></a>\n\n%s\n\n", c.Label, caption)
				fmt.Fprintf(&p.body, "<figure class=\"table\" id=\"%s\">\n<figcaption>%s</figcaption>\n", c.Label, inlineHTML(caption))
			} else {
				p.body.WriteString("<figure class=\"table\">\n")
			}
			p.md(strings.TrimRight(o.Text, "\n") + "\n\n")
			p.body.Write(tableHTML(o))
			p.body.WriteString("</figure>\n")
		case "figure":
			nfig++
			name := base
			if nfig > 1 {
				name = fmt.Sprintf("%s-%d", base, nfig)
			}
			src := d.nb.Name + "/" + name + ".svg"
			p.files[src] = []byte(o.Text)
			if isTarget && !anchored && strings.HasPrefix(c.Label, "fig-") {
				anchored = true
				p.mdf("<a id=\"%s\"></a>\n\n![%s](%s)\n\n%s\n\n", c.Label, tg.name, src, caption)
				fmt.Fprintf(&p.body, "<figure class=\"figure\" id=\"%s\">\n<img src=\"%s\" alt=\"%s\">\n<figcaption>%s</figcaption>\n</figure>\n",
					c.Label, html.EscapeString(src), tg.name, inlineHTML(caption))
			} else {
				p.mdf("![Figure](%s)\n\n", src)
				fmt.Fprintf(&p.body, "<figure class=\"figure\">\n<img src=\"%s\" alt=\"Figure\">\n</figure>\n", html.EscapeString(src))
			}
		}
	}
	if isTarget && !anchored {
		// The target has no figure or table (not run, or output hidden):
		// the link goes to the cell.
		p.mdf("<a id=\"%s\"></a>\n\n%s\n\n", c.Label, caption)
		fmt.Fprintf(&p.body, "<p class=\"caption\" id=\"%s\">%s</p>\n", c.Label, inlineHTML(caption))
	}
	p.body.WriteString("</div>\n")
}

// captionMD is the caption paragraph "**Figure 1:** text".
func captionMD(name, caption string) string {
	if caption == "" {
		return "**" + name + "**"
	}
	return "**" + name + ":** " + caption
}

// fenceFor returns a backtick fence longer than any run of backticks in s.
func fenceFor(s string) string {
	n, run := 3, 0
	for i := 0; i < len(s); i++ {
		if s[i] == '`' {
			run++
			if run >= n {
				n = run + 1
			}
		} else {
			run = 0
		}
	}
	return strings.Repeat("`", n)
}

// gm converts Markdown to HTML: GitHub-flavoured, with raw HTML escaped
// except line breaks and empty anchors.
var gm = goldmark.New(
	goldmark.WithExtensions(extension.GFM),
	goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(rawHTML{}, 100))),
)

func markdownHTML(src string) []byte {
	var b bytes.Buffer
	if err := gm.Convert([]byte(src), &b); err != nil {
		// Conversion writes to memory and cannot fail; keep the text.
		return []byte("<pre>" + html.EscapeString(src) + "</pre>\n")
	}
	return b.Bytes()
}

// inlineHTML converts one paragraph of Markdown to HTML without the <p>.
func inlineHTML(src string) string {
	s := strings.TrimSpace(string(markdownHTML(src)))
	s = strings.TrimPrefix(s, "<p>")
	return strings.TrimSuffix(s, "</p>")
}

// allowedHTML is the raw HTML that passes through: line breaks and empty
// anchors with an id.
var allowedHTML = regexp.MustCompile(`^(?:<br ?/?>|<a id="[A-Za-z0-9_-]+">|</a>)$`)

// rawHTML renders raw HTML escaped, as text, except allowedHTML.
type rawHTML struct{}

func (rawHTML) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(ast.KindRawHTML, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkSkipChildren, nil
		}
		segs := n.(*ast.RawHTML).Segments
		var raw []byte
		for i := 0; i < segs.Len(); i++ {
			seg := segs.At(i)
			raw = append(raw, seg.Value(src)...)
		}
		if allowedHTML.Match(raw) {
			w.Write(raw)
		} else {
			w.WriteString(html.EscapeString(string(raw)))
		}
		return ast.WalkSkipChildren, nil
	})
	r.Register(ast.KindHTMLBlock, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		b := n.(*ast.HTMLBlock)
		var raw []byte
		for i := 0; i < b.Lines().Len(); i++ {
			seg := b.Lines().At(i)
			raw = append(raw, seg.Value(src)...)
		}
		if b.HasClosure() {
			cl := b.ClosureLine
			raw = append(raw, cl.Value(src)...)
		}
		if t := bytes.TrimSpace(raw); allowedHTML.Match(t) {
			w.Write(t)
			w.WriteString("\n")
		} else {
			w.WriteString("<pre class=\"html\">" + html.EscapeString(string(raw)) + "</pre>\n")
		}
		return ast.WalkContinue, nil
	})
}

// writeFiles writes files into a scratch directory inside out, then moves
// them all into out and removes the figures of the notebook that the
// render no longer produces, under out's lock: a failed write changes
// nothing, and parallel renders of one notebook do not interleave.
func writeFiles(out, name string, files map[string][]byte) error {
	tmp, release, err := build.Scratch(out, build.ScratchPrefix)
	if err != nil {
		return err
	}
	defer release()
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := build.WriteFile(filepath.Join(tmp, filepath.FromSlash(n)), files[n]); err != nil {
			return err
		}
	}
	return build.PublishThen(tmp, out, func() error {
		figDir := filepath.Join(out, name)
		old, _ := filepath.Glob(filepath.Join(figDir, "*.svg"))
		for _, o := range old {
			if _, ok := files[name+"/"+filepath.Base(o)]; !ok {
				if err := os.Remove(o); err != nil {
					return err
				}
			}
		}
		os.Remove(figDir) // only succeeds when empty
		return nil
	})
}

const htmlHead = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="nexus render">
<title>%s</title>
<!-- Generated by nexus render from %s. Do not edit. -->
<style>
%s</style>
</head>
<body>
<main>
`

const css = `body { margin: 0; background: #fff; color: #1f2328; font: 16px/1.55 Georgia, "Times New Roman", serif; }
main { max-width: 48rem; margin: 0 auto; padding: 2rem 1rem 4rem; }
h1, h2, h3 { font-family: system-ui, sans-serif; line-height: 1.25; }
a { color: #0550ae; }
pre { tab-size: 4; overflow-x: auto; padding: .6rem .8rem; border-radius: 4px; font: 13px/1.45 ui-monospace, "DejaVu Sans Mono", monospace; }
pre.code { background: #f6f8fa; border-left: 3px solid #8c959f; }
pre.output { background: #fff; border: 1px solid #d0d7de; }
pre.html { background: #fff8c5; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 90%; }
.cell { margin: 1.2rem 0; }
figure { margin: 1.2rem 0; }
figure img { max-width: 100%; height: auto; display: block; margin: 0 auto; }
figcaption, .caption { font-size: 95%; margin: .4rem 0; }
table { border-collapse: collapse; margin: .6rem 0; font: 14px/1.4 system-ui, sans-serif; }
th, td { border-top: 1px solid #d0d7de; border-bottom: 1px solid #d0d7de; padding: .25rem .6rem; vertical-align: top; }
th { border-bottom: 2px solid #1f2328; }
.references li { margin: .3rem 0; }
:target { background: #fff8c5; }
.dataset { font: 14px/1.4 system-ui, sans-serif; color: #57606a; }
details.evidence { font-size: 85%; margin-top: .2rem; }
details.evidence summary { cursor: pointer; color: #0550ae; white-space: nowrap; }
details.evidence ol { margin: .2rem 0; padding-left: 1.2rem; min-width: 16rem; }
details.evidence .source { color: #57606a; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
.claims li { margin: .2rem 0; }
`
