package bib

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

// The rules of CSL-JSON items, from the CSL 1.0.2 schema csl-data.json
// (citation-style-language/schema, schemas/input/csl-data.json): the item
// types, the name, date and standard variables, and their JSON shapes.
var (
	cslTypes = strings.Fields(`article article-journal article-magazine article-newspaper bill book
		broadcast chapter classic collection dataset document entry entry-dictionary
		entry-encyclopedia event figure graphic hearing interview legal_case legislation
		manuscript map motion_picture musical_score pamphlet paper-conference patent
		performance periodical personal_communication post post-weblog regulation report
		review review-book software song speech standard thesis treaty webpage`)
	cslNameVars = strings.Fields(`author chair collection-editor compiler composer container-author
		contributor curator director editor editorial-director executive-producer guest host
		interviewer illustrator narrator organizer original-author performer producer recipient
		reviewed-author script-writer series-creator translator`)
	cslDateVars     = strings.Fields(`accessed available-date event-date issued original-date submitted`)
	cslStandardVars = strings.Fields(`citation-key categories language journalAbbreviation shortTitle
		abstract annote archive archive_collection archive_location archive-place authority
		call-number chapter-number citation-number citation-label collection-number
		collection-title container-title container-title-short dimensions division DOI edition
		event event-title event-place first-reference-note-number genre ISBN ISSN issue
		jurisdiction keyword locator medium note number number-of-pages number-of-volumes
		original-publisher original-publisher-place original-title page page-first part
		part-title PMCID PMID printing publisher publisher-place references reviewed-genre
		reviewed-title scale section source status supplement title title-short URL version
		volume volume-title volume-title-short year-suffix`)
	cslNameKeys = strings.Fields(`family given dropping-particle non-dropping-particle suffix
		comma-suffix static-ordering literal parse-names`)
)

// checkCSL returns every way data breaks the shape of csl-data.json: an
// array of items, each an object with an id (string or number) and a
// known type, name variables as arrays of name objects, date variables as
// objects with date-parts of one or two arrays of one to three numbers,
// and every other key a standard variable with a string or number value.
func checkCSL(data []byte) []string {
	var items []map[string]json.RawMessage
	if err := json.Unmarshal(data, &items); err != nil {
		return []string{"not an array of objects: " + err.Error()}
	}
	var errs []string
	bad := func(i int, format string, args ...any) {
		errs = append(errs, fmt.Sprintf("item %d: ", i)+fmt.Sprintf(format, args...))
	}
	for i, it := range items {
		var id any
		if json.Unmarshal(it["id"], &id) != nil {
			bad(i, "no id")
		} else if _, ok := id.(string); !ok {
			if _, ok := id.(float64); !ok {
				bad(i, "id %v is neither string nor number", id)
			}
		}
		var typ string
		if json.Unmarshal(it["type"], &typ) != nil || !slices.Contains(cslTypes, typ) {
			bad(i, "type %s is not a CSL type", it["type"])
		}
		for k, v := range it {
			switch {
			case k == "id" || k == "type":
			case slices.Contains(cslNameVars, k):
				var names []map[string]any
				if err := json.Unmarshal(v, &names); err != nil {
					bad(i, "%s: not an array of names", k)
				}
				for _, n := range names {
					for nk := range n {
						if !slices.Contains(cslNameKeys, nk) {
							bad(i, "%s: unknown name part %q", k, nk)
						}
					}
					if n["family"] == nil && n["literal"] == nil {
						bad(i, "%s: a name needs a family or a literal", k)
					}
				}
			case slices.Contains(cslDateVars, k):
				var d struct {
					DateParts [][]any `json:"date-parts"`
				}
				dec := json.NewDecoder(bytes.NewReader(v))
				dec.DisallowUnknownFields()
				if err := dec.Decode(&d); err != nil || len(d.DateParts) < 1 || len(d.DateParts) > 2 {
					bad(i, "%s: not a date with date-parts: %s", k, v)
				}
				for _, p := range d.DateParts {
					if len(p) < 1 || len(p) > 3 {
						bad(i, "%s: date part %v has %d elements, expected 1 to 3", k, p, len(p))
					}
				}
			case slices.Contains(cslStandardVars, k):
				var x any
				json.Unmarshal(v, &x)
				switch x.(type) {
				case string, float64:
				default:
					bad(i, "%s: %s is neither string nor number", k, v)
				}
			default:
				bad(i, "unknown variable %q", k)
			}
		}
	}
	return errs
}

func TestCSLShape(t *testing.T) {
	es := loadEntries(t)
	data := write(t, func(b *bytes.Buffer) error { return WriteCSLJSON(b, es) })
	for _, e := range checkCSL(data) {
		t.Error(e)
	}
	// The golden file too, as a user's tools would read it.
	if b, err := os.ReadFile("testdata/references.json.golden"); err == nil {
		for _, e := range checkCSL(b) {
			t.Error("golden:", e)
		}
	}
	// The checker must catch what the schema forbids.
	for _, bad := range []string{
		`[{"type": "book"}]`,
		`[{"id": "a", "type": "newspaper"}]`,
		`[{"id": "a", "type": "book", "author": "Abbas, H."}]`,
		`[{"id": "a", "type": "book", "author": [{"surname": "Abbas"}]}]`,
		`[{"id": "a", "type": "book", "issued": "2014"}]`,
		`[{"id": "a", "type": "book", "issued": {"date-parts": [[2014, 1, 2, 3]]}}]`,
		`[{"id": "a", "type": "book", "doi": "10.1/x"}]`,
		`[{"id": "a", "type": "book", "title": ["x"]}]`,
	} {
		if len(checkCSL([]byte(bad))) == 0 {
			t.Errorf("checkCSL accepts %s", bad)
		}
	}
}
