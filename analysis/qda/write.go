package qda

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/build"
)

// idRE is the pattern of ids that name files (source texts).
var idRE = regexp.MustCompile(`^[A-Za-z0-9]+([._-][A-Za-z0-9]+)*$`)

// Files renders p as the files of a data package: the CSV resources,
// sources/<id>.txt for every source, and datapackage.json. Keys are
// slash-separated paths. The output is deterministic.
func Files(p *Project) (map[string][]byte, error) {
	if errs := p.Check(); len(errs) > 0 {
		return nil, Errors(errs)
	}
	files := map[string][]byte{}
	var err error
	put := func(name string, header []string, rows [][]string) {
		if err != nil {
			return
		}
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		w.Write(header)
		w.WriteAll(rows)
		w.Flush()
		err = w.Error()
		files[name] = b.Bytes()
	}
	var rows [][]string
	for _, c := range p.Codes {
		rows = append(rows, []string{c.ID, c.Name, c.Parent, c.Description, c.Color, strconv.FormatBool(c.Codable), c.GUID})
	}
	put("codes.csv", []string{"id", "name", "parent", "description", "color", "codable", "guid"}, rows)
	rows = nil
	for _, s := range p.Sources {
		if !idRE.MatchString(s.ID) {
			return nil, fmt.Errorf("source %q: id cannot name a file, expected letters, digits and . _ - separators", s.ID)
		}
		path := "sources/" + s.ID + ".txt"
		files[path] = []byte(s.Text)
		rows = append(rows, []string{s.ID, s.Name, s.Case, path, s.Description, s.GUID})
	}
	put("sources.csv", []string{"id", "title", "case", "path", "description", "guid"}, rows)
	header := []string{"id", "label", "guid"}
	for _, v := range p.Variables {
		header = append(header, v.Name)
	}
	rows = nil
	for _, c := range p.Cases {
		rows = append(rows, append([]string{c.ID, c.Name, c.GUID}, c.Values...))
	}
	put("cases.csv", header, rows)
	rows = nil
	for _, c := range p.Coders {
		rows = append(rows, []string{c.ID, c.Name, c.GUID})
	}
	put("coders.csv", []string{"id", "name", "guid"}, rows)
	rows = nil
	for _, s := range p.Segments {
		rows = append(rows, []string{s.ID, s.Source, s.Case, s.Code, s.Coder, strconv.Itoa(s.Start), strconv.Itoa(s.End), s.Selection, s.GUID})
	}
	put("segments.csv", []string{"id", "source", "case", "code", "coder", "start", "end", "selection", "guid"}, rows)
	rows = nil
	for _, s := range p.Sets {
		rows = append(rows, []string{s.ID, s.Name, s.Description, strings.Join(s.Codes, ";"), strings.Join(s.Sources, ";"), strings.Join(s.Notes, ";"), s.GUID})
	}
	put("sets.csv", []string{"id", "name", "description", "codes", "sources", "notes", "guid"}, rows)
	rows = nil
	for _, n := range p.Notes {
		rows = append(rows, []string{n.ID, n.Title, n.Coder, strings.Join(n.Refs, ";"), n.Text, n.GUID})
	}
	put("notes.csv", []string{"id", "title", "coder", "refs", "text", "guid"}, rows)
	if err != nil {
		return nil, err
	}
	desc, err := Descriptor(p, files)
	if err != nil {
		return nil, err
	}
	files["datapackage.json"] = desc
	return files, nil
}

// Frictionless descriptor types, in the field order they are written.
type (
	pkgJSON struct {
		Profile     string    `json:"$schema"`
		Name        string    `json:"name"`
		Title       string    `json:"title,omitempty"`
		Description string    `json:"description,omitempty"`
		Version     string    `json:"version,omitempty"`
		Synthetic   bool      `json:"nexus:synthetic,omitempty"`
		Resources   []resJSON `json:"resources"`
	}
	resJSON struct {
		Name        string     `json:"name"`
		Path        string     `json:"path"`
		Type        string     `json:"type"`
		Format      string     `json:"format"`
		Mediatype   string     `json:"mediatype"`
		Encoding    string     `json:"encoding"`
		Hash        string     `json:"hash"`
		Description string     `json:"description"`
		Respondent  bool       `json:"nexus:respondentData,omitempty"`
		Schema      schemaJSON `json:"schema"`
	}
	schemaJSON struct {
		Fields        []fieldJSON `json:"fields"`
		PrimaryKey    []string    `json:"primaryKey"`
		ForeignKeys   []fkJSON    `json:"foreignKeys,omitempty"`
		MissingValues []string    `json:"missingValues"`
	}
	fieldJSON struct {
		Name        string         `json:"name"`
		Type        string         `json:"type"`
		Title       string         `json:"title,omitempty"`
		Description string         `json:"description,omitempty"`
		Delimiter   string         `json:"delimiter,omitempty"`
		Constraints map[string]any `json:"constraints,omitempty"`
	}
	fkJSON struct {
		Fields    []string `json:"fields"`
		Reference struct {
			Resource string   `json:"resource"`
			Fields   []string `json:"fields"`
		} `json:"reference"`
	}
)

func fk(field, res string) fkJSON {
	var f fkJSON
	f.Fields = []string{field}
	f.Reference.Resource = res
	f.Reference.Fields = []string{"id"}
	return f
}

var (
	reqUnique = map[string]any{"required": true, "unique": true}
	required  = map[string]any{"required": true}
	guidField = fieldJSON{Name: "guid", Type: "string", Description: "REFI-QDA GUID kept from an import; empty to derive one from the id on export.",
		Constraints: map[string]any{"pattern": `[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`}}
)

// Descriptor returns the datapackage.json of p. files holds the rendered
// resources, whose sha256 hashes it records.
func Descriptor(p *Project, files map[string][]byte) ([]byte, error) {
	hash := func(name string) string {
		sum := sha256.Sum256(files[name])
		return "sha256:" + hex.EncodeToString(sum[:])
	}
	name := p.Name
	if name == "" {
		name = "coding"
	}
	res := func(name, desc string, respondent bool, fields []fieldJSON, fks ...fkJSON) resJSON {
		return resJSON{Name: name, Path: name + ".csv", Type: "table", Format: "csv", Mediatype: "text/csv", Encoding: "utf-8",
			Hash: hash(name + ".csv"), Description: desc, Respondent: respondent,
			Schema: schemaJSON{Fields: fields, PrimaryKey: []string{"id"}, ForeignKeys: fks, MissingValues: []string{""}}}
	}
	caseFields := []fieldJSON{{Name: "id", Type: "string", Constraints: reqUnique}, {Name: "label", Type: "string", Description: "Display label of the case (REFI-QDA name); never a person's name."}, guidField}
	for _, v := range p.Variables {
		desc := v.Description
		if desc == "" {
			desc = "Case attribute."
		}
		caseFields = append(caseFields, fieldJSON{Name: v.Name, Type: v.Type, Title: v.Title, Description: desc})
	}
	d := pkgJSON{
		Profile: "https://datapackage.org/profiles/2.0/datapackage.json",
		Name:    name, Title: p.Title, Description: p.Description, Version: p.Version, Synthetic: p.Synthetic,
		Resources: []resJSON{
			res("codes", "The codebook. parent gives the hierarchy; codable is false for folders (REFI-QDA isCodable).", false, []fieldJSON{
				{Name: "id", Type: "string", Constraints: reqUnique},
				{Name: "name", Type: "string", Constraints: required},
				{Name: "parent", Type: "string"},
				{Name: "description", Type: "string"},
				{Name: "color", Type: "string", Constraints: map[string]any{"pattern": "#([0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})"}, Description: "#RRGGBB or #RGB (REFI-QDA RGBType)."},
				{Name: "codable", Type: "boolean"},
				guidField,
			}, fk("parent", "codes")),
			res("sources", "Plain-text sources (documents, transcripts); the text of each is the UTF-8 file at path.", true, []fieldJSON{
				{Name: "id", Type: "string", Constraints: map[string]any{"required": true, "unique": true, "pattern": idRE.String()[1 : len(idRE.String())-1]}},
				{Name: "title", Type: "string", Description: "Display name of the source (REFI-QDA name)."},
				{Name: "case", Type: "string", Description: "The case the whole source belongs to."},
				{Name: "path", Type: "string", Constraints: required},
				{Name: "description", Type: "string", Description: "Description of the source (REFI-QDA Description)."},
				guidField,
			}, fk("case", "cases")),
			res("cases", "Cases (respondents) with their typed attributes.", true, caseFields),
			res("coders", "Coders (REFI-QDA users).", false, []fieldJSON{
				{Name: "id", Type: "string", Constraints: reqUnique},
				{Name: "name", Type: "string"},
				guidField,
			}),
			res("segments", "Coded segments: one code applied by one coder to [start, end) of a source, in Unicode code points counted from 0 (REFI-QDA startPosition/endPosition).", true, []fieldJSON{
				{Name: "id", Type: "string", Constraints: reqUnique},
				{Name: "source", Type: "string", Constraints: required},
				{Name: "case", Type: "string", Description: "The case of the segment when it differs from its source's case."},
				{Name: "code", Type: "string", Constraints: required},
				{Name: "coder", Type: "string"},
				{Name: "start", Type: "integer", Constraints: map[string]any{"required": true, "minimum": 0}},
				{Name: "end", Type: "integer", Constraints: map[string]any{"required": true, "minimum": 0}},
				{Name: "selection", Type: "string", Description: "REFI-QDA selection GUID grouping codings of one span.", Constraints: guidField.Constraints},
				guidField,
			}, fk("source", "sources"), fk("case", "cases"), fk("code", "codes"), fk("coder", "coders")),
			res("sets", "Sets of codes, sources and notes (REFI-QDA Set; MAXQDA document and code sets, ATLAS.ti groups, NVivo sets).", false, []fieldJSON{
				{Name: "id", Type: "string", Constraints: reqUnique},
				{Name: "name", Type: "string", Constraints: required},
				{Name: "description", Type: "string"},
				{Name: "codes", Type: "list", Delimiter: ";", Description: "Member codes (codes.id), in order."},
				{Name: "sources", Type: "list", Delimiter: ";", Description: "Member sources (sources.id), in order."},
				{Name: "notes", Type: "list", Delimiter: ";", Description: "Member notes (notes.id), in order."},
				guidField,
			}),
			res("notes", "Notes and memos (REFI-QDA Note) and what each is attached to.", true, []fieldJSON{
				{Name: "id", Type: "string", Constraints: reqUnique},
				{Name: "title", Type: "string", Description: "Display name of the note (REFI-QDA name)."},
				{Name: "coder", Type: "string", Description: "The coder who wrote the note."},
				{Name: "refs", Type: "list", Delimiter: ";", Description: "What the note is about: project, code:ID, source:ID, segment:ID or selection:GUID."},
				{Name: "text", Type: "string", Description: "The plain text of the note."},
				guidField,
			}, fk("coder", "coders")),
		},
	}
	b, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// Write writes p as a data package into dir. The files are written into a
// temporary directory next to dir, which is then renamed to dir, so a
// failure leaves no partial package. If dir exists, Write fails unless
// replace is true, in which case the old directory is replaced.
func Write(dir string, p *Project, replace bool) error {
	files, err := Files(p)
	if err != nil {
		return err
	}
	return WriteDir(dir, files, replace)
}

// WriteDir writes files (slash-separated relative paths) into a new
// directory dir, or in place of an existing one when replace is set,
// through build.WriteTree: a hidden sibling directory and a rename.
func WriteDir(dir string, files map[string][]byte, replace bool) error {
	dir = filepath.Clean(dir)
	if _, err := os.Lstat(dir); err == nil && !replace {
		return fmt.Errorf("%s: already exists, expected a new directory", dir)
	}
	return build.WriteTree(dir, files)
}
