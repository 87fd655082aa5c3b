package frontdoor

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"strings"
)

// FileName is the page's file name inside the output directory.
const FileName = "index.html"

// Page is what the front door shows. Paths are slash-separated: those of
// files relative to the output directory the page sits in, Dataset.Dir
// relative to the compendium's root (where the commands it shows run).
type Page struct {
	Title     string     // the study's title
	Dataset   Dataset    // the data package every output is built from
	Outputs   []Output   // the tables and figures, in the registry's order
	Claims    []Claim    // every claim of the notebooks that held
	ClaimsCSV string     // the file that lists Claims, "" when none
	Quotes    Quotes     // the quote check
	Notebooks []Notebook // the rendered notebooks
	// Formats, when not "", is the command that converts the rendered
	// notebooks to further formats (PDF, DOCX) outside the outputs.
	Formats string
	Env     Env // the environment that built the page
}

// Dataset is a data package as the page names it.
type Dataset struct {
	Name, Version, Title string
	Hash                 string   // "sha256:<hex>", the content hash
	Dir                  string   // the package's directory, relative to the compendium's root
	Files                []string // the descriptor, then each resource file in descriptor order, relative to Dir: what the content hash is the sha256 of
}

// File is one file of the output directory and its sha256 in hex.
type File struct {
	Path, Sum string
}

// Output is one table or figure.
type Output struct {
	ID, Name, Title string
	Func            string   // the Go function that makes it
	Inputs          []string // the resources it reads
	Files           []File
	Trace           string // its trace file (a File's Path), "" when it has none
	Table           *Grid  // a table's rows, rendered; nil for a figure
	Image           *Image // a figure's thumbnail; nil for a table
}

// Grid is a table's header and rows, as its CSV file holds them.
type Grid struct {
	Header []string
	Rows   [][]string
}

// Image is a figure's PNG file and its size in pixels; the page shows it
// scaled to ThumbWidth.
type Image struct {
	Src           string
	Width, Height int
}

// ThumbWidth is the width in CSS pixels of a figure's thumbnail.
const ThumbWidth = 480

// Claim is one claim that held: its notebook (as claims.csv names it, the
// source file), the line of the claim there, and its text.
type Claim struct {
	Notebook string
	Line     int
	Text     string
	Rendered string // the notebook's rendered HTML page, "" when none
}

// Quotes is what the quote check covers.
type Quotes struct {
	Fields []string // the checked fields, as "resource.field (page field)"
	// PageMark, when not "", is the line that starts each page of a
	// plain-text copy without form feeds.
	PageMark string
}

// Notebook is one rendered notebook and its files in every format.
type Notebook struct {
	Title  string
	Source string // the notebook's source file, e.g. notebooks/01-start.md
	Files  []File // its .md, .html and .ipynb renders
	Assets int    // the number of its figure files beside them
}

// Env is the environment that built the page.
type Env struct {
	Go string // the Go release, e.g. "go1.26.8"
	OS string // GOOS/GOARCH, e.g. "linux/amd64"
}

// WriteTo writes the page as one HTML document: the same Page gives the
// same bytes.
func (p *Page) WriteTo(w io.Writer) (int64, error) {
	var b bytes.Buffer
	if err := page.Execute(&b, p); err != nil {
		return 0, fmt.Errorf("%s: %w", FileName, err)
	}
	n, err := w.Write(b.Bytes())
	return int64(n), err
}

// thumbHeight is the height of a thumbnail ThumbWidth wide.
func thumbHeight(im *Image) int {
	if im.Width == 0 {
		return 0
	}
	return (im.Height*ThumbWidth + im.Width/2) / im.Width
}

// comment returns an HTML comment of text, which holds no "--".
func comment(text string) template.HTML {
	return template.HTML("<!-- " + strings.ReplaceAll(text, "--", "- -") + " -->")
}

// ext returns the extension of path without the dot, for link labels.
func ext(path string) string {
	i := strings.LastIndexByte(path, '.')
	if i < 0 || strings.Contains(path[i:], "/") {
		return path
	}
	if strings.HasSuffix(path, ".trace.csv") {
		return "trace.csv"
	}
	return path[i+1:]
}

var page = template.Must(template.New(FileName).Funcs(template.FuncMap{
	"thumbHeight": thumbHeight,
	"ext":         ext,
	"thumbWidth":  func() int { return ThumbWidth },
	"join":        strings.Join,
	"comment":     comment,
}).Parse(pageTemplate))

// Tables returns the outputs that are tables.
func (p *Page) Tables() []Output { return p.kind(true) }

// Figures returns the outputs that are not tables.
func (p *Page) Figures() []Output { return p.kind(false) }

func (p *Page) kind(table bool) []Output {
	var out []Output
	for _, o := range p.Outputs {
		if (o.Table != nil) == table {
			out = append(out, o)
		}
	}
	return out
}
