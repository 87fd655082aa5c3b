package notebook

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/nexus-toolkit/nexus/analysis/datapkg"
)

// Notebook is a parsed notebook file.
type Notebook struct {
	// Path is the notebook's slash-separated path relative to the
	// repository root, as errors and //line directives name it.
	Path string
	// Name is the base name without ".md", for example "01-sample"; the
	// rendered files and the figure directory are named after it.
	Name string
	// Title is the front matter's title.
	Title string
	// Dataset is the dataset directory that the front matter names,
	// relative to the repository root ("" when it names none).
	Dataset string
	// Timeout is how long the notebook's program may run (front matter
	// "timeout: 30s"); 0 leaves it to Options.Timeout.
	Timeout time.Duration
	// MaxOutput is the most output one cell may produce, in bytes (front
	// matter "max-output: 4 MiB"); 0 leaves it to Options.MaxOutput.
	MaxOutput int64
	// MaxTotalOutput is the most output all cells together may produce
	// (front matter "max-total-output: 32 MiB"); 0 leaves it to
	// Options.MaxTotalOutput.
	MaxTotalOutput int64
	// Blocks are the prose and the cells, in order.
	Blocks []Block
	// Cells are the cells in order; Blocks point into them.
	Cells []*Cell
	// Inlines are the inline values of the prose (`{go} EXPR`), in order.
	Inlines []Inline

	lines *datapkg.LineIndex // of the source, for the character columns of problems
}

// Block is a run of prose or one cell.
type Block struct {
	// Line is the first line of the block in the notebook file (1-based).
	Line int
	// Prose is Markdown text; empty for a cell.
	Prose string
	// Cell is the cell, or nil for prose.
	Cell *Cell
}

// Cell is one fenced Go code cell.
type Cell struct {
	// Index is the 1-based position of the cell among the cells.
	Index int
	// Line is the line of the opening fence.
	Line int
	// CodeLine is the line of the first code line after the option lines.
	CodeLine int
	// Code is the cell's code without its option lines.
	Code string
	// Label names the cell; fig-* and tbl-* labels can be cross-referenced.
	Label string
	// Caption is the caption of the cell's figure or table, Markdown that
	// may cross-reference and cite; CaptionLine is its line.
	Caption                 string
	CaptionLine, CaptionCol int
	// Echo shows the code, Eval runs it, Output shows its outputs; each
	// defaults to true.
	Echo, Eval, Output bool
}

// runs reports whether the program runs the cell: it is evaluated and
// holds code.
func (c Cell) runs() bool { return c.Eval && strings.TrimSpace(c.Code) != "" }

// Name returns how reports name the cell: its index and, when it has one,
// its label.
func (c *Cell) Name() string {
	if c.Label != "" {
		return fmt.Sprintf("cell %d (%s)", c.Index, c.Label)
	}
	return fmt.Sprintf("cell %d", c.Index)
}

// ErrNotebook is wrapped by every problem of a notebook this package
// reports, for errors.Is.
var ErrNotebook = errors.New("notebook problem")

// message is the Err of a notebook problem: its text, which is(ErrNotebook).
type message string

func (m message) Error() string        { return string(m) }
func (m message) Is(target error) bool { return target == ErrNotebook }

// problem returns the problem msg at line and byte column col (0 when
// unknown) of file; Problems.err turns the column into characters.
func problem(file string, line, col int, msg string) *datapkg.Problem {
	return &datapkg.Problem{Path: file, Line: line, Column: col, Err: message(msg)}
}

// Problems is every problem found in a notebook, in file order, each a
// *datapkg.Problem (file:line[:column]: message, the column in
// characters) whose Err wraps ErrNotebook.
type Problems []*datapkg.Problem

// Error lists the problems, one a line.
func (ps Problems) Error() string {
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = p.Error()
	}
	return strings.Join(s, "\n")
}

// Unwrap returns the problems, for errors.Is and errors.As.
func (ps Problems) Unwrap() []error {
	errs := make([]error, len(ps))
	for i, p := range ps {
		errs[i] = p
	}
	return errs
}

// err returns the problems in line order, or nil. The problems' columns,
// counted in bytes of the notebook's lines while they are found, become
// characters.
func (ps Problems) err(nb *Notebook) error {
	if len(ps) == 0 {
		return nil
	}
	for _, p := range ps {
		if p.Column > 0 && p.Path == nb.Path && nb.lines != nil {
			p.Column = nb.lines.Column(p.Line, p.Column)
		}
	}
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Line < ps[j].Line })
	return ps
}

var (
	labelRE  = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	optionRE = regexp.MustCompile(`^//\|\s*([A-Za-z-]+)\s*:\s*(.*?)\s*$`)
	fenceRE  = regexp.MustCompile("^(`{3,}|~{3,})\\s*(\\{?)([A-Za-z0-9_+-]*)(\\}?)\\s*$")
)

// frontMatter is the YAML header of a notebook.
type frontMatter struct {
	Title     string    `yaml:"title"`
	Dataset   yaml.Node `yaml:"dataset"`
	Timeout   yaml.Node `yaml:"timeout"`
	MaxOutput yaml.Node `yaml:"max-output"`
	MaxTotal  yaml.Node `yaml:"max-total-output"`
}

// Parse parses the notebook src read from file (a slash-separated path
// relative to root, the repository directory). The dataset named in the
// front matter must exist under root/DefaultDatasets.
func Parse(root, file string, src []byte) (*Notebook, error) {
	return parse(root, DefaultDatasets, file, src)
}

// parse is Parse with the datasets under root/datasets (a slash path).
func parse(root, datasets, file string, src []byte) (*Notebook, error) {
	nb := &Notebook{Path: file, Name: strings.TrimSuffix(path.Base(file), ".md"), lines: datapkg.NewLineIndex(src)}
	var probs Problems
	bad := func(line int, format string, args ...any) {
		probs = append(probs, problem(file, line, 0, fmt.Sprintf(format, args...)))
	}
	text := strings.ReplaceAll(string(src), "\r\n", "\n")
	lines := strings.Split(text, "\n")
	if len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	i := 0
	if len(lines) > 0 && lines[0] == "---" {
		end := -1
		for j := 1; j < len(lines); j++ {
			if lines[j] == "---" || lines[j] == "..." {
				end = j
				break
			}
		}
		if end < 0 {
			bad(1, "front matter is not closed, expected a line \"---\"")
			return nil, probs.err(nb)
		}
		parseFront(nb, root, datasets, strings.Join(lines[1:end], "\n"), bad)
		i = end + 1
	} else {
		bad(1, "no front matter, expected \"---\" and a YAML header with a title")
	}
	if nb.Title == "" && len(lines) > 0 && lines[0] == "---" {
		bad(1, "front matter has no title, expected \"title: ...\"")
	}

	var prose []string
	proseLine := i + 1
	flush := func() {
		if strings.TrimSpace(strings.Join(prose, "")) != "" {
			nb.Blocks = append(nb.Blocks, Block{Line: proseLine, Prose: strings.Join(prose, "\n") + "\n"})
		}
		prose = nil
	}
	labels := map[string]int{}
	for i < len(lines) {
		m := fenceRE.FindStringSubmatch(lines[i])
		if m == nil {
			if prose == nil {
				proseLine = i + 1
			}
			prose = append(prose, lines[i])
			i++
			continue
		}
		// A fenced block: find its end.
		fence := m[1]
		end := len(lines)
		for j := i + 1; j < len(lines); j++ {
			t := strings.TrimSpace(lines[j])
			if strings.HasPrefix(t, fence[:3]) && strings.Trim(t, fence[:1]) == "" && len(t) >= len(fence) {
				end = j
				break
			}
		}
		if end == len(lines) {
			bad(i+1, "code block is not closed, expected a line %q", fence)
		}
		isGo := m[3] == "go" && (m[2] == "") == (m[4] == "")
		if !isGo {
			if prose == nil {
				proseLine = i + 1
			}
			stop := min(end+1, len(lines))
			prose = append(prose, lines[i:stop]...)
			i = stop
			continue
		}
		flush()
		c := &Cell{Index: len(nb.Cells) + 1, Line: i + 1, Echo: true, Eval: true, Output: true}
		j := parseOptions(c, lines, i+1, end, labels, bad)
		c.CodeLine = j + 1
		if j < end {
			c.Code = strings.Join(lines[j:end], "\n") + "\n"
		}
		nb.Cells = append(nb.Cells, c)
		nb.Blocks = append(nb.Blocks, Block{Line: c.Line, Cell: c})
		i = end + 1
	}
	flush()
	findInlines(nb, bad)
	return nb, probs.err(nb)
}

// parseOptions reads the option lines ("//| key: value") of cell c, which
// start at lines[j], and returns the index of the first code line. labels
// holds the line of every label used so far.
func parseOptions(c *Cell, lines []string, j, end int, labels map[string]int, bad func(int, string, ...any)) int {
	for ; j < end; j++ {
		l := lines[j]
		if !strings.HasPrefix(l, "//|") {
			break
		}
		om := optionRE.FindStringSubmatch(l)
		if om == nil {
			bad(j+1, "cell option %q is malformed, expected \"//| key: value\"", l)
			continue
		}
		key, val := om[1], unquote(om[2])
		switch key {
		case "label":
			switch {
			case !labelRE.MatchString(val):
				bad(j+1, "label %q is not valid, expected lower-case letters, digits and hyphens (fig-... or tbl-... to cross-reference it)", val)
			case labels[val] != 0:
				bad(j+1, "label %q is already used at line %d, expected a unique label", val, labels[val])
			default:
				labels[val] = j + 1
				c.Label = val
			}
		case "caption", "fig-cap", "tbl-cap":
			c.Caption, c.CaptionLine, c.CaptionCol = val, j+1, strings.LastIndex(l, om[2])+1
		case "echo", "eval", "output":
			b, ok := map[string]bool{"true": true, "false": false}[val]
			if !ok {
				bad(j+1, "option %s: value %q, expected true or false", key, val)
			}
			switch key {
			case "echo":
				c.Echo = b
			case "eval":
				c.Eval = b
			default:
				c.Output = b
			}
		default:
			bad(j+1, "unknown cell option %q, expected label, caption, echo, eval or output", key)
		}
	}
	return j
}

// unquote removes YAML-style quotes around an option value.
func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' && s[len(s)-1] == '"' || s[0] == '\'' && s[len(s)-1] == '\'') {
		var v string
		if err := yaml.Unmarshal([]byte(s), &v); err == nil {
			return v
		}
	}
	return s
}

// parseFront reads the YAML front matter into nb.
func parseFront(nb *Notebook, root, datasets, src string, bad func(int, string, ...any)) {
	var fm frontMatter
	dec := yaml.NewDecoder(bytes.NewReader([]byte(src)))
	dec.KnownFields(true)
	if err := dec.Decode(&fm); err != nil && err.Error() != "EOF" {
		msgs := []string{strings.TrimPrefix(err.Error(), "yaml: ")}
		if te, ok := err.(*yaml.TypeError); ok {
			msgs = te.Errors
		}
		for _, m := range msgs {
			line := 0
			if _, err := fmt.Sscanf(m, "line %d:", &line); err == nil {
				m = strings.TrimSpace(m[strings.Index(m, ":")+1:])
			}
			// YAML lines count from the line after the opening "---".
			bad(line+1, "front matter: %s, expected title, dataset, timeout, max-output and max-total-output", strings.ReplaceAll(m, " in type notebook.frontMatter", ""))
		}
		return
	}
	nb.Title = fm.Title
	parseLimits(nb, fm, bad)
	d := fm.Dataset
	if d.Kind == 0 {
		return
	}
	line := d.Line + 1
	var name, version string
	switch d.Kind {
	case yaml.ScalarNode:
		name, version, _ = strings.Cut(d.Value, "/")
	case yaml.MappingNode:
		var m struct {
			Name    string `yaml:"name"`
			Version string `yaml:"version"`
		}
		if err := d.Decode(&m); err != nil {
			bad(line, "dataset: %v, expected name and version", err)
			return
		}
		name, version = m.Name, m.Version
	}
	if name == "" || version == "" || strings.Contains(version, "/") || strings.Contains(name, "..") || strings.Contains(version, "..") {
		bad(line, "dataset %q, expected NAME/VERSION (for example ttp-alliances/1.0.0) or a map with name and version", d.Value)
		return
	}
	for _, v := range []string{version, "v" + version} {
		dir := path.Join(datasets, name, v)
		if st, err := os.Stat(path.Join(root, dir)); err == nil && st.IsDir() {
			nb.Dataset = dir
			return
		}
	}
	base := path.Join(datasets, name)
	bad(line, "dataset %s/%s: no directory %s/%s or %s/v%s", name, version, base, version, base, version)
}

// parseLimits reads the front matter's timeout, max-output and
// max-total-output.
func parseLimits(nb *Notebook, fm frontMatter, bad func(int, string, ...any)) {
	if n := fm.Timeout; n.Kind != 0 {
		d, err := time.ParseDuration(n.Value)
		if err != nil || d <= 0 {
			bad(n.Line+1, "timeout %q, expected a positive duration such as 30s or 5m", n.Value)
		}
		nb.Timeout = d
	}
	if n := fm.MaxOutput; n.Kind != 0 {
		size, err := ParseSize(n.Value)
		if err != nil {
			bad(n.Line+1, "max-output: %v", err)
		}
		nb.MaxOutput = size
	}
	if n := fm.MaxTotal; n.Kind != 0 {
		size, err := ParseSize(n.Value)
		if err != nil {
			bad(n.Line+1, "max-total-output: %v", err)
		}
		nb.MaxTotalOutput = size
	}
}

// ParseSize reads a positive number of bytes: an integer, optionally
// followed by KiB, MiB or GiB (powers of 1024), as in "1048576" or "4 MiB".
func ParseSize(s string) (int64, error) {
	num := strings.TrimSpace(s)
	mult := int64(1)
	for i, u := range []string{"KiB", "MiB", "GiB"} {
		if v, ok := strings.CutSuffix(num, u); ok {
			num, mult = strings.TrimSpace(v), int64(1)<<(10*(i+1))
			break
		}
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n <= 0 || n > (1<<40)/mult {
		return 0, fmt.Errorf("size %q, expected a positive number of bytes, optionally with KiB, MiB or GiB (for example 1 MiB)", s)
	}
	return n * mult, nil
}

// FormatSize writes n bytes as ParseSize reads it, in MiB or KiB when n is
// a whole number of them.
func FormatSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
