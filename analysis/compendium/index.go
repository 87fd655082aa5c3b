package compendium

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"image/png"
	"io"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/build"
	"github.com/nexus-toolkit/nexus/analysis/datapkg"
	"github.com/nexus-toolkit/nexus/analysis/frontdoor"
	"github.com/nexus-toolkit/nexus/analysis/notebook"
	"github.com/nexus-toolkit/nexus/analysis/quotes"
)

// IndexFile is the front door for reviewers under figures/ (package
// frontdoor), which WriteIndex writes.
const IndexFile = frontdoor.FileName

// WriteIndex writes out/index.html, the front door of the outputs under
// out made from the dataset at dataset: the study's title, the data
// package, every table and figure of the study's registry with its files
// and their sha256, the claims of out/claims.csv, the quote check and the
// rendered notebooks under out/notebooks. Every output file must be
// there (make builds the page after them). It holds out's lock meanwhile,
// as WriteManifest does.
func WriteIndex(dataset, out string) error {
	p, s, unlock, err := openLocked(dataset, out)
	if err != nil {
		return err
	}
	defer unlock()
	pg := &frontdoor.Page{
		Title:   s.Title,
		Dataset: pageDataset(p, dataset),
		Quotes:  frontdoor.Quotes{PageMark: s.PageMark},
		Env:     frontdoor.Env{Go: runtime.Version(), OS: runtime.GOOS + "/" + runtime.GOARCH},
	}
	if pg.Title == "" {
		pg.Title = s.Name
	}
	fields := quotes.Conventional(p)
	if s.Evidence != nil {
		fields = s.Evidence(p)
	}
	for _, f := range fields {
		pg.Quotes.Fields = append(pg.Quotes.Fields, fmt.Sprintf("%s.%s (its page: %s.%s)", f.Resource, f.Text, f.Resource, f.Page))
	}
	for _, o := range s.Outputs {
		po, err := pageOutput(out, o)
		if err != nil {
			return err
		}
		pg.Outputs = append(pg.Outputs, po)
	}
	if pg.Claims, err = pageClaims(out); err != nil {
		return err
	}
	if len(pg.Claims) > 0 || exists(filepath.Join(out, ClaimsFile)) {
		pg.ClaimsCSV = ClaimsFile
	}
	if pg.Notebooks, err = pageNotebooks(out); err != nil {
		return err
	}
	if root, err := notebook.FindRoot(""); err == nil && exists(filepath.Join(root, "notebooks", "pandoc", "convert")) {
		pg.Formats = "make formats"
	}
	return build.WriteWith(filepath.Join(out, IndexFile), func(w io.Writer) error {
		_, err := pg.WriteTo(w)
		return err
	})
}

// exists reports whether the file name exists.
func exists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}

// pageDataset is the data package p (read from dir) as the page names it,
// its directory relative to the repository root when it lies inside.
func pageDataset(p *datapkg.Package, dir string) frontdoor.Dataset {
	d := frontdoor.Dataset{Name: p.Name, Version: p.Version, Title: p.Title, Hash: p.ContentHash(), Dir: filepath.ToSlash(dir)}
	if root, err := notebook.FindRoot(""); err == nil {
		if abs, err := filepath.Abs(dir); err == nil {
			if rel, err := filepath.Rel(root, abs); err == nil && !filepath.IsAbs(rel) && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				d.Dir = filepath.ToSlash(rel)
			}
		}
	}
	d.Files = []string{datapkg.DescriptorName}
	for _, r := range p.Resources {
		if r.Table != nil {
			d.Files = append(d.Files, r.Path)
		}
	}
	return d
}

// pageOutput is the output o as the page shows it, from its files under out.
func pageOutput(out string, o Output) (frontdoor.Output, error) {
	po := frontdoor.Output{ID: o.ID, Name: o.Name, Title: o.Title, Func: o.Func, Inputs: o.Inputs}
	for _, f := range o.Files() {
		sum, err := build.SumFile(filepath.Join(out, f))
		if err != nil {
			return po, fmt.Errorf("%s: %s of %s: %w; run make, which builds it before the page", IndexFile, f, o.ID, err)
		}
		po.Files = append(po.Files, frontdoor.File{Path: f, Sum: sum})
		if strings.HasSuffix(f, "."+EvidenceFormat) {
			po.Trace = f
		}
	}
	var err error
	switch {
	case slices.Contains(o.Formats, "csv"):
		po.Table, err = readGrid(filepath.Join(out, o.Name+".csv"))
	case slices.Contains(o.Formats, "png"):
		po.Image, err = readImage(out, o.Name+".png")
	}
	return po, err
}

// readGrid reads a table's CSV file: its header and rows.
func readGrid(name string) (*frontdoor.Grid, error) {
	recs, err := readCSV(name)
	if err != nil || len(recs) == 0 {
		return &frontdoor.Grid{}, err
	}
	return &frontdoor.Grid{Header: recs[0], Rows: recs[1:]}, nil
}

// readCSV reads every record of the CSV file name.
func readCSV(name string) ([][]string, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReader(f))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return recs, nil
}

// readImage returns the PNG file rel of out with its size.
func readImage(out, rel string) (*frontdoor.Image, error) {
	f, err := os.Open(filepath.Join(out, rel))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	c, err := png.DecodeConfig(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(out, rel), err)
	}
	return &frontdoor.Image{Src: rel, Width: c.Width, Height: c.Height}, nil
}

// pageClaims reads out/claims.csv (notebook,line,claim), none when it is
// absent.
func pageClaims(out string) ([]frontdoor.Claim, error) {
	name := filepath.Join(out, ClaimsFile)
	if !exists(name) {
		return nil, nil
	}
	recs, err := readCSV(name)
	if err != nil {
		return nil, err
	}
	var cs []frontdoor.Claim
	for i, r := range recs {
		if i == 0 {
			continue
		}
		line, err := strconv.Atoi(r[min(1, len(r)-1)])
		if len(r) != 3 || err != nil {
			return nil, fmt.Errorf("%s:%d:1: malformed claim %q, expected notebook,line,claim", name, i+1, r)
		}
		c := frontdoor.Claim{Notebook: r[0], Line: line, Text: r[2]}
		if html := "notebooks/" + strings.TrimSuffix(path.Base(r[0]), ".md") + ".html"; exists(filepath.Join(out, html)) {
			c.Rendered = html
		}
		cs = append(cs, c)
	}
	return cs, nil
}

// renderFormats are the files a notebook render writes, in the order the
// page lists them.
var renderFormats = []string{".md", ".html", ".ipynb"}

// pageNotebooks lists the rendered notebooks under out/notebooks: each
// NAME.md with its NAME.html and NAME.ipynb and the files of NAME/.
func pageNotebooks(out string) ([]frontdoor.Notebook, error) {
	dir := filepath.Join(out, "notebooks")
	mds, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil {
		return nil, err
	}
	slices.Sort(mds)
	var nbs []frontdoor.Notebook
	for _, md := range mds {
		name := strings.TrimSuffix(filepath.Base(md), ".md")
		nb := frontdoor.Notebook{Title: name, Source: "notebooks/" + name + ".md"}
		for _, ext := range renderFormats {
			rel := "notebooks/" + name + ext
			if !exists(filepath.Join(out, rel)) {
				continue
			}
			sum, err := build.SumFile(filepath.Join(out, rel))
			if err != nil {
				return nil, err
			}
			nb.Files = append(nb.Files, frontdoor.File{Path: rel, Sum: sum})
		}
		if t := renderedTitle(md); t != "" {
			nb.Title = t
		}
		assets, _ := build.Files(filepath.Join(dir, name))
		nb.Assets = len(assets)
		nbs = append(nbs, nb)
	}
	return nbs, nil
}

// renderedTitle returns the title of a rendered notebook's Markdown: its
// first "# " line.
func renderedTitle(md string) string {
	b, err := os.ReadFile(md)
	if err != nil {
		return ""
	}
	for _, l := range strings.Split(string(b), "\n") {
		if t, ok := strings.CutPrefix(l, "# "); ok {
			return strings.TrimSpace(t)
		}
	}
	return ""
}

// adoptEnvironment compares the pages of the committed and the fresh
// output directories outside their environment blocks (Go release, OS).
// When they agree there, the fresh page takes the committed one's block,
// so that the two compare equal byte for byte, as do their MANIFEST
// entries; the entries of the block that differ are returned, to be
// reported and not to fail. A missing page, or pages that differ
// elsewhere, are left to the comparison of the trees.
func adoptEnvironment(committed, fresh string) ([]build.EnvChange, error) {
	a, err := os.ReadFile(filepath.Join(committed, IndexFile))
	if err != nil {
		return nil, nil // no committed page: the comparison reports it
	}
	name := filepath.Join(fresh, IndexFile)
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	envA, ma, okA := frontdoor.Environment(a)
	envB, mb, okB := frontdoor.Environment(b)
	if !okA || !okB || string(ma) != string(mb) || string(a) == string(b) {
		return nil, nil
	}
	built := map[string]string{}
	for _, kv := range envA {
		built[kv[0]] = kv[1]
	}
	var changes []build.EnvChange
	for _, kv := range envB {
		if built[kv[0]] != kv[1] {
			changes = append(changes, build.EnvChange{Key: kv[0], Built: built[kv[0]], Verified: kv[1]})
		}
	}
	adopted, _ := frontdoor.WithEnvironment(b, a)
	return changes, build.WriteFile(name, adopted)
}

// mergeEnv returns the changes of a, then those of b that a does not
// already hold (the page and the MANIFEST both name the Go release).
func mergeEnv(a, b []build.EnvChange) []build.EnvChange {
	for _, e := range b {
		if !slices.Contains(a, e) {
			a = append(a, e)
		}
	}
	return a
}
