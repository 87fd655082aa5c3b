package cell

import (
	"encoding/json"
	"fmt"
	"strconv"
	"sync"

	"github.com/nexus-toolkit/nexus/analysis/datapkg"
	"github.com/nexus-toolkit/nexus/analysis/quotes"
	"github.com/nexus-toolkit/nexus/analysis/table"
)

// Evidence is the evidence of one cell of a table that Table showed: the
// rows of data the cell was computed from.
type Evidence struct {
	Row  int      `json:"row"` // the cell's 0-based row among the table's rows
	Col  int      `json:"col"` // the cell's 0-based column
	Rows []Source `json:"rows"`
}

// Source is one row of data behind a cell, with the paper's words for it.
type Source struct {
	Ref   string `json:"ref"`  // resource/key, e.g. "relations/r015"
	File  string `json:"file"` // the resource's file, relative to the repository root
	Line  int    `json:"line"` // the row's line in File
	Page  int    `json:"page,omitempty"`
	Quote string `json:"quote,omitempty"`
}

// defaultQuoteFields are the verbatim fields SetQuoteFields starts with.
var defaultQuoteFields = quotes.Conventional

var (
	evidenceMu     sync.Mutex
	quoteFieldsFor = defaultQuoteFields
	evidenceIndex  *quotes.Index
)

// SetQuoteFields says which fields of the notebook's dataset hold a row's
// verbatim evidence, for the evidence that Table shows. The default is
// quotes.Conventional: a resource's "quote" and "page". A study with other
// verbatim fields passes its own list, e.g.
// cell.SetQuoteFields(study.QuoteFields). Call it before the first Table;
// nil restores the default.
func SetQuoteFields(f func(*datapkg.Package) []quotes.Field) {
	evidenceMu.Lock()
	defer evidenceMu.Unlock()
	if f == nil {
		f = defaultQuoteFields
	}
	quoteFieldsFor, evidenceIndex = f, nil
}

// index reads the notebook's dataset once and indexes its rows.
func index() (*quotes.Index, error) {
	evidenceMu.Lock()
	defer evidenceMu.Unlock()
	if evidenceIndex != nil {
		return evidenceIndex, nil
	}
	if Dataset() == "" {
		return nil, fmt.Errorf("the table's cells name rows of data, but the notebook has no dataset to read them from")
	}
	p, err := datapkg.Read(Dataset())
	if err != nil {
		return nil, err
	}
	evidenceIndex = quotes.NewIndex(p, quoteFieldsFor(p))
	return evidenceIndex, nil
}

// evidenceOf returns the JSON of the evidence of every traced cell of t.
func evidenceOf(t *table.Table) ([]byte, error) {
	ix, err := index()
	if err != nil {
		return nil, err
	}
	var out []Evidence
	for i, r := range t.Rows {
		for j, c := range r {
			if len(c.Sources) == 0 {
				continue
			}
			ev := Evidence{Row: i, Col: j}
			for _, ref := range c.Sources {
				e, err := ix.Lookup(ref)
				if err != nil {
					return nil, fmt.Errorf("row %d, column %s: %v", i+1, strconv.Quote(t.Columns[j].Name), err)
				}
				ev.Rows = append(ev.Rows, Source{Ref: ref.String(), File: e.File, Line: e.Line, Page: e.Page, Quote: e.Quote})
			}
			out = append(out, ev)
		}
	}
	return json.Marshal(out)
}
