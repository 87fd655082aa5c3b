package notebook

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/notebook/cell"
)

// ipynb collects a rendered notebook as a Jupyter notebook (nbformat
// 4.5): the prose as Markdown cells, each cell of code as a code cell with
// its outputs. The page's writer feeds it as it writes the Markdown and
// HTML, so the three formats cannot drift apart. Figures are embedded as
// image/svg+xml, the format the cells draw; tables carry both their
// Markdown and their HTML (with the evidence of each cell).
type ipynb struct {
	cells []map[string]any
	prose []string       // Markdown chunks of the pending Markdown cell
	code  map[string]any // the code cell being written, or nil
	outs  []any          // its outputs
	runs  int            // code cells run so far, for execution_count
}

// markdown adds a chunk of prose to the pending Markdown cell; chunks
// written while a code cell is open belong to the code cell's outputs and
// are added by the output methods instead.
func (w *ipynb) markdown(s string) {
	if w == nil || w.code != nil {
		return
	}
	w.prose = append(w.prose, s)
}

// flush closes the pending Markdown cell.
func (w *ipynb) flush() {
	if len(w.prose) == 0 {
		return
	}
	w.cells = append(w.cells, map[string]any{
		"cell_type": "markdown",
		"id":        fmt.Sprintf("md-%d", len(w.cells)+1),
		"metadata":  map[string]any{},
		"source":    lines(strings.Join(w.prose, "\n\n") + "\n"),
	})
	w.prose = nil
}

// begin opens the code cell of c. A cell whose code the page hides keeps
// its code, collapsed (JupyterLab's source_hidden); a cell that was not
// run has no execution count.
func (w *ipynb) begin(c *Cell) {
	if w == nil {
		return
	}
	w.flush()
	meta := map[string]any{}
	if !c.Echo {
		meta["jupyter"] = map[string]any{"source_hidden": true}
	}
	if c.Label != "" {
		meta["nexus"] = map[string]any{"label": c.Label}
	}
	var count any
	if c.Eval {
		w.runs++
		count = w.runs
	}
	w.code = map[string]any{
		"cell_type":       "code",
		"id":              fmt.Sprintf("cell-%d", c.Index),
		"metadata":        meta,
		"execution_count": count,
		"source":          lines(c.Code),
	}
	w.outs = []any{}
}

// stream adds what the cell printed.
func (w *ipynb) stream(text string) {
	if w == nil || w.code == nil {
		return
	}
	w.outs = append(w.outs, map[string]any{"output_type": "stream", "name": "stdout", "text": lines(text)})
}

// display adds a rich output: its Markdown, and its HTML when not empty.
func (w *ipynb) display(md string, htm []byte) {
	if w == nil || w.code == nil {
		return
	}
	data := map[string]any{"text/markdown": lines(md), "text/plain": lines(md)}
	if len(htm) > 0 {
		data["text/html"] = lines(string(htm))
	}
	w.outs = append(w.outs, map[string]any{"output_type": "display_data", "data": data, "metadata": map[string]any{}})
}

// figure adds a figure drawn as SVG and, when the run gave one, as PNG,
// with its caption (Markdown) as a Markdown output after it when it has
// one.
func (w *ipynb) figure(o Output, alt, caption string) {
	if w == nil || w.code == nil {
		return
	}
	data := map[string]any{"image/svg+xml": lines(o.Text), "text/plain": []string{"<" + alt + ">"}}
	if len(o.PNG) > 0 {
		data["image/png"] = base64.StdEncoding.EncodeToString(o.PNG) + "\n"
	}
	w.outs = append(w.outs, map[string]any{"output_type": "display_data", "data": data, "metadata": map[string]any{}})
	if caption != "" {
		w.display(caption, nil)
	}
}

// end closes the code cell.
func (w *ipynb) end() {
	if w == nil || w.code == nil {
		return
	}
	w.code["outputs"] = w.outs
	w.cells = append(w.cells, w.code)
	w.code, w.outs = nil, nil
}

// bytes returns the notebook as nbformat 4.5 JSON: keys sorted, one space
// of indent (as Jupyter writes), no HTML escaping, a final newline. It
// records where the notebook came from, and nothing from the clock.
func (w *ipynb) bytes(nb *Notebook) []byte {
	w.flush()
	doc := map[string]any{
		"nbformat":       4,
		"nbformat_minor": 5,
		"metadata": map[string]any{
			"language_info": map[string]any{"name": "go", "file_extension": ".go", "mimetype": "text/x-go"},
			"nexus":         map[string]any{"source": nb.Path, "generator": "nexus render"},
			"title":         nb.Title,
		},
		"cells": w.cells,
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(doc); err != nil {
		// Only strings, numbers, maps and slices: encoding cannot fail.
		panic(err)
	}
	return b.Bytes()
}

// lines splits s into Jupyter's multiline-string form: a list of lines,
// each but the last ending in "\n".
func lines(s string) []string {
	out := []string{}
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}

// png attaches the PNG record payload to the current cell's last output,
// the figure it is a copy of.
func (s *stream) png(payload []byte) {
	if s.cur < 1 || s.cur > len(s.res.Cells) {
		return
	}
	outs := s.res.Cells[s.cur-1]
	if len(outs) > 0 && outs[len(outs)-1].Kind == cell.KindFigure {
		outs[len(outs)-1].PNG = payload
	}
}
