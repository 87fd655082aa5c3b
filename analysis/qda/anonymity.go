package qda

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"nexus/analysis/safefile"
)

// Descriptor properties of the anonymity guard. A resource of a
// datapackage.json is respondent data when it has
//
//	"nexus:respondentData": true
//
// and such a resource is exempt from the guard only with an explicit,
// recorded reason:
//
//	"nexus:anonymityOverride": {"reason": "consent to be named, see consent.pdf"}
const (
	RespondentDataProperty    = "nexus:respondentData"
	AnonymityOverrideProperty = "nexus:anonymityOverride"
)

// Kinds of anonymity problems.
var (
	ErrEmail      = errors.New("looks like an e-mail address in respondent data")
	ErrPhone      = errors.New("looks like a phone number in respondent data")
	ErrNameColumn = errors.New("column meant for personal names in respondent data")
	ErrOverride   = errors.New(`anonymity override without a reason, expected {"reason": "..."}`)
)

// Problem is one anonymity problem at a position of a file. The value
// found is not repeated, so that reports do not spread personal data.
type Problem struct {
	File   string // path of the file as the descriptor names it, joined to the package directory
	Line   int    // 1-based line
	Column int    // 1-based column in bytes, as encoding/csv counts it
	Field  string // column name, or "" for descriptor problems
	Err    error  // ErrEmail, ErrPhone, ErrNameColumn or ErrOverride, or a refusal of package safefile (Line 0)
}

// Error formats the problem as "file:line:column: field \"x\": what is wrong",
// or "file: what is wrong" for a problem of a whole file (Line 0).
func (p Problem) Error() string {
	if p.Line == 0 {
		return fmt.Sprintf("%s: %v", p.File, p.Err)
	}
	if p.Field == "" {
		return fmt.Sprintf("%s:%d:%d: %v", p.File, p.Line, p.Column, p.Err)
	}
	return fmt.Sprintf("%s:%d:%d: field %q: %v", p.File, p.Line, p.Column, p.Field, p.Err)
}

// Unwrap returns the kind of problem, for errors.Is.
func (p Problem) Unwrap() error { return p.Err }

// nameColumns are normalized column names (lower case, letters and
// digits only) meant for personal names.
var nameColumns = map[string]bool{
	"name": true, "names": true, "fullname": true, "firstname": true, "lastname": true, "surname": true,
	"surnames": true, "givenname": true, "familyname": true, "forename": true, "forenames": true,
	"middlename": true, "maidenname": true, "nickname": true, "personname": true,
	"respondentname": true, "participantname": true, "intervieweename": true, "interviewee": true,
	"fathername": true, "mothername": true,
}

// IsNameColumn reports whether a column name is meant for personal names.
func IsNameColumn(col string) bool {
	var b strings.Builder
	for _, r := range strings.ToLower(col) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	n := b.String()
	return nameColumns[n] || nameColumns[strings.TrimSuffix(n, "s")]
}

var (
	emailRE = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`)
	phoneRE = regexp.MustCompile(`\+?\(?[0-9][0-9 ().-]{5,}[0-9]`)
	guidsRE = regexp.MustCompile(`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`)
	dateRE  = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}([ T][0-9:.]+)?$`)
)

// FindPersonal returns the byte offsets of e-mail addresses and phone
// numbers in s, with their kind. A phone number is a run of digits and
// separators with at least 9 digits (8 when it starts with +), not part
// of a longer word, a GUID or an ISO date.
func FindPersonal(s string) (offsets []int, kinds []error) {
	for _, m := range emailRE.FindAllStringIndex(s, -1) {
		offsets = append(offsets, m[0])
		kinds = append(kinds, ErrEmail)
	}
	masked := []byte(s)
	for _, m := range guidsRE.FindAllStringIndex(s, -1) {
		for i := m[0]; i < m[1]; i++ {
			masked[i] = 'x'
		}
	}
	for _, m := range emailRE.FindAllStringIndex(s, -1) {
		for i := m[0]; i < m[1]; i++ {
			masked[i] = 'x'
		}
	}
	ms := string(masked)
	for _, m := range phoneRE.FindAllStringIndex(ms, -1) {
		run := ms[m[0]:m[1]]
		if m[0] > 0 && isWordByte(ms[m[0]-1]) || m[1] < len(ms) && isWordByte(ms[m[1]]) {
			continue
		}
		if dateRE.MatchString(strings.TrimSpace(run)) {
			continue
		}
		digits := 0
		for _, r := range run {
			if r >= '0' && r <= '9' {
				digits++
			}
		}
		if digits >= 9 || digits >= 8 && strings.HasPrefix(run, "+") {
			offsets = append(offsets, m[0])
			kinds = append(kinds, ErrPhone)
		}
	}
	// Report in text order.
	order := make([]int, len(offsets))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return offsets[order[a]] < offsets[order[b]] })
	so, sk := make([]int, len(order)), make([]error, len(order))
	for i, j := range order {
		so[i], sk[i] = offsets[j], kinds[j]
	}
	return so, sk
}

func isWordByte(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// CheckAnonymity checks every resource of the data package in dir that
// its datapackage.json marks as respondent data (RespondentDataProperty)
// and that has no override with a reason (AnonymityOverrideProperty). It
// returns every problem found, in file order; err reports only failures to
// read the package. Plain-text files referenced from a path column of a
// respondent resource (such as sources.csv) are scanned as well.
func CheckAnonymity(dir string) (problems []Problem, err error) {
	b, err := safefile.ReadFile(dir, "datapackage.json", maxDescriptor)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: filepath.Join(dir, "datapackage.json"), Err: err}
	}
	var desc struct {
		Resources []map[string]json.RawMessage `json:"resources"`
	}
	if err := json.Unmarshal(b, &desc); err != nil {
		return nil, fmt.Errorf("%s: %v", filepath.Join(dir, "datapackage.json"), err)
	}
	for _, r := range desc.Resources {
		var respondent bool
		if raw, ok := r[RespondentDataProperty]; !ok || json.Unmarshal(raw, &respondent) != nil || !respondent {
			continue
		}
		var path string
		json.Unmarshal(r["path"], &path)
		if raw, ok := r[AnonymityOverrideProperty]; ok {
			var o struct {
				Reason string `json:"reason"`
			}
			if json.Unmarshal(raw, &o) == nil && strings.TrimSpace(o.Reason) != "" {
				continue
			}
			problems = append(problems, Problem{File: filepath.Join(dir, "datapackage.json"), Line: 1, Column: 1, Err: ErrOverride})
			continue
		}
		if !localPath(path) {
			return problems, fmt.Errorf("%s: resource path %q leaves the package directory", filepath.Join(dir, "datapackage.json"), path)
		}
		name := filepath.Join(dir, filepath.FromSlash(path))
		f, err := safefile.Open(dir, path, safefile.MaxSize)
		if err != nil {
			return problems, fmt.Errorf("%s: %w", name, err)
		}
		ps, texts, err := CheckTable(name, f)
		f.Close()
		if err != nil {
			return problems, err
		}
		problems = append(problems, ps...)
		for _, t := range texts {
			if !localPath(t) {
				continue
			}
			tn := filepath.Join(dir, filepath.FromSlash(t))
			tb, err := safefile.ReadFile(dir, t, safefile.MaxSize)
			if errors.Is(err, safefile.ErrOutside) || errors.Is(err, safefile.ErrNotRegular) || errors.Is(err, safefile.ErrTooLarge) {
				// Not read, so not checked: say so.
				problems = append(problems, Problem{File: tn, Err: err})
				continue
			}
			if err != nil {
				continue // a missing file is the validator's problem
			}
			problems = append(problems, CheckText(tn, string(tb))...)
		}
	}
	return problems, nil
}

// CheckTable checks one CSV table of respondent data read from r: name
// columns in the header, and e-mail addresses and phone numbers in every
// cell. file names the table in problems. It also returns the values of a
// column called path, for the caller to check the files they name.
func CheckTable(file string, r io.Reader) (problems []Problem, paths []string, err error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", file, err)
	}
	lineStart := []int{0, 0}
	for i, b := range raw {
		if b == '\n' {
			lineStart = append(lineStart, i+1)
		}
	}
	// fieldPos is cr.FieldPos moved past the opening quote of a quoted
	// field.
	cr := csv.NewReader(bytes.NewReader(raw))
	fieldPos := func(i int) (int, int) {
		line, col := cr.FieldPos(i)
		if line < len(lineStart) {
			if off := lineStart[line] + col - 1; off < len(raw) && raw[off] == '"' {
				col++
			}
		}
		return line, col
	}
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err == io.EOF {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", file, err)
	}
	pathCol := -1
	for i, h := range header {
		if IsNameColumn(h) {
			line, col := fieldPos(i)
			problems = append(problems, Problem{File: file, Line: line, Column: col, Field: h, Err: ErrNameColumn})
		}
		if h == "path" {
			pathCol = i
		}
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return problems, paths, fmt.Errorf("%s: %w", file, err)
		}
		for i, v := range rec {
			if i == pathCol && v != "" {
				paths = append(paths, v)
			}
			offs, kinds := FindPersonal(v)
			for k, off := range offs {
				line, col := fieldPos(i)
				dl, dc := advance(v[:off])
				if dl > 0 {
					line, col = line+dl, dc+1
				} else {
					col += dc
				}
				fld := ""
				if i < len(header) {
					fld = header[i]
				}
				problems = append(problems, Problem{File: file, Line: line, Column: col, Field: fld, Err: kinds[k]})
			}
		}
	}
	return problems, paths, nil
}

// CheckText checks a plain-text file of respondent data, such as a
// transcript, for e-mail addresses and phone numbers.
func CheckText(file, text string) []Problem {
	var problems []Problem
	offs, kinds := FindPersonal(text)
	for k, off := range offs {
		dl, dc := advance(text[:off])
		problems = append(problems, Problem{File: file, Line: dl + 1, Column: dc + 1, Err: kinds[k]})
	}
	return problems
}

// advance returns the number of newlines in s and the number of bytes
// after the last one.
func advance(s string) (lines, col int) {
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			lines++
			col = 0
		} else {
			col++
		}
	}
	return lines, col
}
