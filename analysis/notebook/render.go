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
}

// Render renders each notebook file to Out/NAME.md and Out/NAME.html, with
// its figures under Out/NAME/. It renders every notebook it can; a
// notebook with an error writes nothing, and the errors of all notebooks
// are returned together.
func Render(opt Options, files ...string) error {
	root, err := findRoot(opt.Root)
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

// findRoot returns dir, or the first directory from the working directory
// upwards that holds go.mod.
func findRoot(dir string) (string, error) {
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
	root, err := findRoot(opt.Root)
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
	abs, err := filepath.Abs(file)
	if err != nil {
		return nil, err
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || strings.HasPrefix(rel, "..") {
		return nil, fmt.Errorf("%s: the notebook is outside the repository %s", file, root)
	}
	rel = filepath.ToSlash(rel)
	src, err := os.ReadFile(abs)
	if err != nil {
		return nil, err
	}
	nb, err := Parse(root, rel, src)
	if err != nil {
		return nil, err
	}
	doc, err := prepare(root, nb)
	if err != nil {
		return nil, err
	}
	key, err := in.key(root, nb)
	if err != nil {
		return nil, err
	}
	res, state, err := result(opt, root, nb, key)
	if err != nil {
		return nil, err
	}
	files, err := doc.write(res)
	if err != nil {
		return nil, err
	}
	return &Page{Name: nb.Name, Path: nb.Path, Files: files, Ran: state == "ran"}, nil
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
			return nil, err
		}
	}
	d.t = &texter{file: nb.Path, targets: d.targets, refs: refs, dataset: nb.Dataset, cited: map[string]bool{}}
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

// write renders the Markdown, the HTML and the figures of the notebook
// with the outputs res. The keys of the result are paths relative to the
// output directory.
func (d *document) write(res *Result) (map[string][]byte, error) {
	nb := d.nb
	files := map[string][]byte{}
	var body bytes.Buffer
	var chunks []string
	mdw := func(s string) {
		if s = strings.Trim(s, "\n"); s != "" {
			chunks = append(chunks, s)
		}
	}
	mdf := func(format string, args ...any) { mdw(fmt.Sprintf(format, args...)) }
	mdf("<!-- Generated by nexus render from %s. Do not edit. -->\n\n# %s\n\n", nb.Path, escapeInline(nb.Title))
	fmt.Fprintf(&body, "<h1>%s</h1>\n", html.EscapeString(nb.Title))
	for bi, b := range nb.Blocks {
		if b.Cell == nil {
			mdw(d.prose[bi])
			mdw("\n")
			body.Write(markdownHTML(d.prose[bi]))
			continue
		}
		c := b.Cell
		id := "cell-" + fmt.Sprint(c.Index)
		fmt.Fprintf(&body, "<div class=\"cell\" id=\"%s\">\n", id)
		anchored := false
		if c.Echo {
			fence := fenceFor(c.Code)
			mdf("%sgo\n%s%s\n\n", fence, c.Code, fence)
			fmt.Fprintf(&body, "<pre class=\"code\"><code class=\"language-go\">%s</code></pre>\n", html.EscapeString(c.Code))
		}
		var outs []Output
		if c.Eval && c.Output && c.Index-1 < len(res.Cells) {
			outs = res.Cells[c.Index-1]
		}
		tg, isTarget := d.targets[c.Label]
		nfig := 0
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
				mdf("%stext\n%s%s\n\n", fence, text, fence)
				fmt.Fprintf(&body, "<pre class=\"output\">%s</pre>\n", html.EscapeString(text))
			case "markdown":
				mdw(strings.TrimRight(o.Text, "\n") + "\n\n")
				fmt.Fprintf(&body, "<div class=\"output\">\n%s</div>\n", markdownHTML(o.Text))
			case "table":
				caption := isTarget && !anchored && strings.HasPrefix(c.Label, "tbl-")
				if caption {
					anchored = true
					mdf("<a id=\"%s\"></a>\n\n%s\n\n", c.Label, captionMD(tg.name, d.caption[c.Index-1]))
					fmt.Fprintf(&body, "<figure class=\"table\" id=\"%s\">\n<figcaption>%s</figcaption>\n", c.Label, inlineHTML(captionMD(tg.name, d.caption[c.Index-1])))
				} else {
					body.WriteString("<figure class=\"table\">\n")
				}
				mdw(strings.TrimRight(o.Text, "\n") + "\n\n")
				body.Write(markdownHTML(o.Text))
				body.WriteString("</figure>\n")
			case "figure":
				nfig++
				name := base
				if nfig > 1 {
					name = fmt.Sprintf("%s-%d", base, nfig)
				}
				src := nb.Name + "/" + name + ".svg"
				files[src] = []byte(o.Text)
				caption := isTarget && !anchored && strings.HasPrefix(c.Label, "fig-")
				alt := "Figure"
				if caption {
					alt = tg.name
				}
				if caption {
					anchored = true
					mdf("<a id=\"%s\"></a>\n\n![%s](%s)\n\n%s\n\n", c.Label, alt, src, captionMD(tg.name, d.caption[c.Index-1]))
					fmt.Fprintf(&body, "<figure class=\"figure\" id=\"%s\">\n<img src=\"%s\" alt=\"%s\">\n<figcaption>%s</figcaption>\n</figure>\n",
						c.Label, html.EscapeString(src), alt, inlineHTML(captionMD(tg.name, d.caption[c.Index-1])))
				} else {
					mdf("![%s](%s)\n\n", alt, src)
					fmt.Fprintf(&body, "<figure class=\"figure\">\n<img src=\"%s\" alt=\"%s\">\n</figure>\n", html.EscapeString(src), alt)
				}
			}
		}
		if isTarget && !anchored {
			// The target has no figure or table (not run, or output hidden):
			// the link goes to the cell.
			mdf("<a id=\"%s\"></a>\n\n%s\n\n", c.Label, captionMD(tg.name, d.caption[c.Index-1]))
			fmt.Fprintf(&body, "<p class=\"caption\" id=\"%s\">%s</p>\n", c.Label, inlineHTML(captionMD(tg.name, d.caption[c.Index-1])))
		}
		body.WriteString("</div>\n")
	}
	if len(d.t.order) > 0 {
		var list strings.Builder
		for _, r := range d.t.order {
			list.WriteString("- " + referenceMarkdown(r) + "\n")
		}
		mdw("## References\n\n" + list.String())
		body.WriteString("<section class=\"references\">\n<h2 id=\"references\">References</h2>\n")
		body.Write(markdownHTML(list.String()))
		body.WriteString("</section>\n")
	}
	files[nb.Name+".md"] = []byte(strings.Join(chunks, "\n\n") + "\n")
	var page bytes.Buffer
	fmt.Fprintf(&page, htmlHead, html.EscapeString(nb.Title), html.EscapeString(nb.Path), css)
	page.Write(body.Bytes())
	page.WriteString("</main>\n</body>\n</html>\n")
	files[nb.Name+".html"] = page.Bytes()
	return files, nil
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
`
