package notebook

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/table"
)

// claimsIntro opens the "Claims checked" section of a rendered notebook.
const claimsIntro = "Each statement below about the data was checked by the cell at its line (`cell.Claim`) when the notebook ran; a claim that does not hold stops the render at that line."

// writeClaims writes the section "Claims checked": every claim that held,
// with its notebook line, in the order the program checked them.
func (d *document) writeClaims(p *page, claims []Claim) {
	if len(claims) == 0 {
		return
	}
	var list strings.Builder
	for _, c := range claims {
		fmt.Fprintf(&list, "- %s:%d: %s\n", d.nb.Path, c.Line, table.EscapeMarkdown(c.Text))
	}
	p.md("## Claims checked\n\n" + claimsIntro + "\n\n" + list.String())
	p.body.WriteString("<section class=\"claims\">\n<h2 id=\"claims-checked\">Claims checked</h2>\n")
	p.body.Write(markdownHTML(claimsIntro + "\n\n" + list.String()))
	p.body.WriteString("</section>\n")
}

// NotebookClaims are the claims that held in one notebook.
type NotebookClaims struct {
	// Notebook is the notebook's path relative to the repository root.
	Notebook string
	// Claims are in the order the program checked them.
	Claims []Claim
}

// CheckClaims runs each notebook file exactly as Render does (or reads its
// cached outputs, so after a render it runs nothing) and returns the claims
// that held, by notebook in the order of files. It writes no file. A
// notebook whose claim does not hold fails, at the line of the claim.
func CheckClaims(opt Options, files ...string) ([]NotebookClaims, error) {
	opt, root, in, err := setup(opt)
	if err != nil {
		return nil, err
	}
	var out []NotebookClaims
	var errs []error
	for _, f := range files {
		doc, res, _, err := load(opt, root, in, f)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, NotebookClaims{Notebook: doc.nb.Path, Claims: res.Claims})
	}
	return out, errors.Join(errs...)
}

// ClaimsHeader is the header of the file WriteClaims writes.
var ClaimsHeader = []string{"notebook", "line", "claim"}

// WriteClaims writes the claims as CSV with the header ClaimsHeader, one
// record per claim: the notebook, the line of its cell.Claim call and its
// text, in the order of all.
func WriteClaims(w io.Writer, all []NotebookClaims) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(ClaimsHeader); err != nil {
		return err
	}
	for _, nc := range all {
		for _, c := range nc.Claims {
			if err := cw.Write([]string{nc.Notebook, strconv.Itoa(c.Line), c.Text}); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}
