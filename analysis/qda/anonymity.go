package qda

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/nexus-toolkit/nexus/analysis/datapkg"
	"github.com/nexus-toolkit/nexus/analysis/safefile"
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

// AnonymityHint is what a finding of the anonymity guard suggests, after
// the findings are listed.
const AnonymityHint = `the resources above are marked "nexus:respondentData": true in datapackage.json; ` +
	`remove the personal details, or, if a resource is not respondent data (published papers, say), set it to false, ` +
	`or keep the details with a recorded reason: "nexus:anonymityOverride": {"reason": "..."}`

// IsAnonymity reports whether err is (or wraps) a finding of the
// anonymity guard.
func IsAnonymity(err error) bool {
	return errors.Is(err, ErrEmail) || errors.Is(err, ErrPhone) || errors.Is(err, ErrNameColumn)
}

// Kinds of anonymity problems.
var (
	ErrEmail      = errors.New("looks like an e-mail address in respondent data")
	ErrPhone      = errors.New("looks like a phone number in respondent data")
	ErrNameColumn = errors.New("column meant for personal names in respondent data")
	ErrOverride   = errors.New(`anonymity override without a reason, expected {"reason": "..."}`)
)

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
	// notPersonal match identifiers made of digits that are not personal
	// data and are masked before phone numbers are searched: GUIDs, URLs,
	// DOIs, ISBN/ISSN/PMID numbers after their label and arXiv
	// identifiers. Each runs only when its cue occurs in the text.
	notPersonal = []struct {
		cue func(lower string) bool
		re  *regexp.Regexp
	}{
		{func(l string) bool { return strings.Count(l, "-") >= 4 }, regexp.MustCompile(`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`)},
		{func(l string) bool { return strings.Contains(l, "http") || strings.Contains(l, "www.") }, regexp.MustCompile(`(?i:https?://|www\.)[^\s<>"]+`)},
		{func(l string) bool { return strings.Contains(l, "10.") }, regexp.MustCompile(`(?i:doi:?\s*)?\b10\.[0-9]{4,9}/[^\s<>"]+`)},
		{func(l string) bool {
			return strings.Contains(l, "isbn") || strings.Contains(l, "issn") || strings.Contains(l, "pmid") || strings.Contains(l, "pmcid") || strings.Contains(l, "arxiv")
		}, regexp.MustCompile(`(?i:\b(?:ISBN(?:-1[03])?|ISSN|e-ISSN|PMID|PMCID|arXiv)\b:?)\s*[0-9Xx][0-9Xx ./-]*[0-9Xx]`)},
	}
	// isbn13RE matches an unlabelled ISBN-13, kept only if its check digit
	// is right.
	isbn13RE = regexp.MustCompile(`\b97[89][- ]?[0-9]{1,5}[- ]?[0-9]{1,7}[- ]?[0-9]{1,7}[- ]?[0-9]\b`)
)

// FindPersonal returns the byte offsets of e-mail addresses and phone
// numbers in s, with their kind, in text order.
//
// A phone number is a run of digits and separators (space . - / and
// parentheses), not part of a longer word, that has one of these shapes:
//   - international: "+" or "00", then 8 to 15 digits (E.164);
//   - national with a trunk prefix: starts with 0, 9 to 12 digits, one kind
//     of separator (0300-1234567, 020 7946 0958, 01 23 45 67 89);
//   - North American: 3-3-4 or 1-3-3-4 digit groups ((555) 123-4567);
//   - ten digits in groups with one kind of separator, none of them a
//     year (55 1234 5678, 98765 43210; see tenDigitGroups);
//   - any other run of 9 to 15 digits, unless every part of it is a year,
//     a number of at most 6 digits (years, volumes, citation and article
//     numbers), a page or year range (1007-1015, 2019-21), a date, a
//     decimal or a volume(issue): "ICLS 2025 1007-1015" is a citation, not
//     a phone number, and neither is its slug icls-2025-1007-1015;
//   - a number right after "#" is a label (grant #202200143), never a phone
//     number.
//
// GUIDs, URLs, DOIs (10.1073/pnas.122653799), ISBNs (labelled, or ISBN-13
// with a valid check digit), ISSNs, PMIDs and arXiv identifiers are never
// phone numbers. The precision and recall of these rules on a labelled
// corpus are measured by TestAnonymityCorpus.
func FindPersonal(s string) (offsets []int, kinds []error) {
	masked := []byte(s)
	mask := func(m []int) {
		for i := m[0]; i < m[1]; i++ {
			masked[i] = 'x'
		}
	}
	var emails [][]int
	if strings.IndexByte(s, '@') >= 0 {
		emails = emailRE.FindAllStringIndex(s, -1)
	}
	for _, m := range emails {
		offsets = append(offsets, m[0])
		kinds = append(kinds, ErrEmail)
		mask(m)
	}
	lower := strings.ToLower(s)
	for _, np := range notPersonal {
		if np.cue(lower) {
			for _, m := range np.re.FindAllStringIndex(string(masked), -1) {
				mask(m)
			}
		}
	}
	for _, m := range isbn13RE.FindAllStringIndex(string(masked), -1) {
		if isbnCheck(s[m[0]:m[1]]) {
			mask(m)
		}
	}
	ms := string(masked)
	for _, m := range digitRuns(ms) {
		if m[0] > 0 && (isWordByte(ms[m[0]-1]) || ms[m[0]-1] == '#') || m[1] < len(ms) && isWordByte(ms[m[1]]) {
			continue // part of a word, or a number labelled by "#" (grant #202200143)
		}
		if isPhone(strings.TrimSpace(ms[m[0]:m[1]])) {
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

// digitRuns returns the spans of s that the pattern
// \+?\(?[0-9][0-9 ()./-]{5,}[0-9] finds, leftmost first and without
// overlap: candidate phone numbers. A hand-written scan is several times
// faster than package regexp here, and most text has no candidate.
func digitRuns(s string) [][]int {
	var out [][]int
	inClass := func(c byte) bool {
		return c >= '0' && c <= '9' || c == ' ' || c == '(' || c == ')' || c == '.' || c == '/' || c == '-'
	}
	for i := 0; i < len(s); i++ {
		j := i
		if s[j] == '+' {
			j++
		}
		if j < len(s) && s[j] == '(' {
			j++
		}
		if j >= len(s) || s[j] < '0' || s[j] > '9' {
			continue
		}
		last := j // the last digit of the run
		for k := j + 1; k < len(s) && inClass(s[k]); k++ {
			if s[k] >= '0' && s[k] <= '9' {
				last = k
			}
		}
		if last-j < 6 {
			continue
		}
		out = append(out, []int{i, last + 1})
		i = last
	}
	return out
}

// isbnCheck reports whether s, digits with hyphens or spaces, is an
// ISBN-13 with a correct check digit.
func isbnCheck(s string) bool {
	sum, n := 0, 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			w := 1
			if n%2 == 1 {
				w = 3
			}
			sum += w * int(r-'0')
			n++
		}
	}
	return n == 13 && sum%10 == 0
}

// digitGroups splits a run into its groups of digits.
func digitGroups(run string) []string {
	return strings.FieldsFunc(run, func(r rune) bool { return r < '0' || r > '9' })
}

var (
	nanpRE = regexp.MustCompile(`^(1[ .-]?)?(\([0-9]{3}\) ?|[0-9]{3}([ .-]|$))[0-9]{3}[ .-]?[0-9]{4}$`)
	// atomRE matches the parts of a digit run that are not phone digits.
	atomRE = regexp.MustCompile(`^\(?(` +
		`[0-9]{1,6}` + // numbers, years, volumes, article numbers
		`|[0-9]{1,6}-[0-9]{1,6}` + // ranges, checked by isRange
		`|(19|20)[0-9]{2}-[0-9]{1,6}-[0-9]{1,5}` + // a year and a page range in a slug (icls-2025-1007-1015)
		`|[0-9]{1,4}[./-][0-9]{1,2}[./-][0-9]{1,4}` + // dates
		`|[0-9]+\.[0-9]+` + // decimals
		`|[0-9]{1,4}\([0-9]{1,4}\)` + // volume(issue)
		`)[).]?$`)
)

// isPhone classifies a run of digits and separators (see FindPersonal).
func isPhone(run string) bool {
	groups := digitGroups(run)
	n := 0
	for _, g := range groups {
		n += len(g)
	}
	switch {
	case strings.HasPrefix(run, "+"):
		return n >= 8 && n <= 15
	case strings.HasPrefix(run, "00"):
		return n >= 10 && n <= 15
	case nanpRE.MatchString(run):
		return true
	case (strings.HasPrefix(run, "0") || strings.HasPrefix(run, "(0")) && n >= 9 && n <= 12 && oneSeparator(run):
		return true
	case n == 10 && len(groups) >= 2 && oneSeparator(run) && tenDigitGroups(groups):
		return true
	case n < 9 || n > 15:
		return false
	}
	for _, part := range strings.Fields(run) {
		if strings.Trim(part, "-./") == "" {
			continue
		}
		if !atomRE.MatchString(part) || !isRange(strings.Trim(part, "().")) {
			return true
		}
	}
	return false
}

// tenDigitGroups reports whether groups of digits, none of them a year
// from 1900 to 2099, make a national number without trunk prefix (55 1234
// 5678, 98765 43210): a first group of 2 to 5 digits, then groups of 3 to
// 5, the last of at least 4.
func tenDigitGroups(groups []string) bool {
	for i, g := range groups {
		low := 3
		if i == 0 {
			low = 2
		} else if i == len(groups)-1 {
			low = 4
		}
		if len(g) < low || len(g) > 5 || len(g) == 4 && (strings.HasPrefix(g, "19") || strings.HasPrefix(g, "20")) {
			return false
		}
	}
	return true
}

// isRange reports whether a part a-b is a range: a start of at most 6
// digits and an end of at most 5 (1-29, 1007-1015, 2019-21); a part
// without a single hyphen between two numbers passes.
func isRange(part string) bool {
	a, b, ok := strings.Cut(part, "-")
	if !ok || strings.ContainsAny(a+b, "-./()") {
		return true
	}
	return len(a) <= 6 && len(b) <= 5
}

// oneSeparator reports whether the digit groups of a run are separated by
// one kind of separator, parentheses around the first group aside.
func oneSeparator(run string) bool {
	var sep rune
	for _, r := range strings.NewReplacer("(", "", ") ", " ", ")", " ").Replace(run) {
		if r >= '0' && r <= '9' {
			continue
		}
		if sep != 0 && r != sep {
			return false
		}
		sep = r
	}
	return true
}

func isWordByte(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// CheckAnonymity checks every resource of the data package in dir that
// its datapackage.json marks as respondent data (RespondentDataProperty)
// and that has no override with a reason (AnonymityOverrideProperty). It
// returns every problem found, in file order, each a *datapkg.Problem
// whose Err wraps ErrEmail, ErrPhone, ErrNameColumn or ErrOverride (or a
// refusal of package safefile) and whose Value, personal data, is
// withheld; err reports only failures to read the package. Plain-text
// files referenced from a path column of a respondent resource (such as
// sources.csv) are scanned as well. The descriptor is read by
// datapkg.Open; a package whose descriptor has problems is checked as far
// as its resources can be found.
func CheckAnonymity(dir string) (problems datapkg.Problems, err error) {
	pkg, err := datapkg.Open(dir)
	return checkPackage(pkg, err)
}

// checkPackage is CheckAnonymity of a package already opened; descErr is
// the error of opening it.
func checkPackage(pkg *datapkg.Package, descErr error) (problems datapkg.Problems, err error) {
	if pkg == nil || descErr != nil && len(pkg.Resources) == 0 {
		return nil, descErr
	}
	dir := pkg.Dir
	for _, r := range pkg.Resources {
		var respondent bool
		if _, err := r.Property(RespondentDataProperty, &respondent); err != nil {
			problems = append(problems, &datapkg.Problem{Path: pkg.Descriptor, Err: fmt.Errorf("%w: resource %q: %v, expected true or false", datapkg.ErrDescriptor, r.Name, err)})
			continue
		}
		if !respondent {
			continue
		}
		var o struct {
			Reason string `json:"reason"`
		}
		if has, err := r.Property(AnonymityOverrideProperty, &o); has {
			if err != nil || strings.TrimSpace(o.Reason) == "" {
				problems = append(problems, &datapkg.Problem{Path: pkg.Descriptor, Err: fmt.Errorf("resource %q: %w", r.Name, ErrOverride)})
			}
			continue
		}
		if r.Path == "" {
			return problems, descErr // the descriptor's problems say why
		}
		ps, err := checkResource(dir, r)
		problems = append(problems, ps...)
		if err != nil {
			return problems, err
		}
	}
	return problems, nil
}

// checkResource checks the file of one respondent resource and the text
// files its path column names.
func checkResource(dir string, r *datapkg.Resource) (problems datapkg.Problems, err error) {
	f, err := safefile.Open(dir, r.Path, safefile.MaxSize)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", r.File(), err)
	}
	ps, texts, err := CheckTable(r.File(), f)
	f.Close()
	if err != nil {
		return ps, err
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
			problems = append(problems, &datapkg.Problem{Path: tn, Err: err})
			continue
		}
		if err != nil {
			continue // a missing file is the validator's problem
		}
		problems = append(problems, CheckText(tn, string(tb))...)
	}
	return problems, nil
}

// CheckTable checks one CSV table of respondent data read from r: name
// columns in the header, and e-mail addresses and phone numbers in every
// cell, each reported at its line and character column. file names the
// table in problems. It also returns the values of a column called path,
// for the caller to check the files they name.
func CheckTable(file string, r io.Reader) (problems datapkg.Problems, paths []string, err error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", file, err)
	}
	idx := datapkg.NewLineIndex(raw)
	cr := csv.NewReader(bytes.NewReader(raw))
	cr.FieldsPerRecord = -1
	// at returns the line and character column of byte off of the value
	// of field i: cr.FieldPos moved past an opening quote, and past the
	// doubled quotes before off.
	at := func(i int, v string, off int) (int, int) {
		line, col := cr.FieldPos(i)
		start := 0
		if line >= 1 {
			start = idx.Offset(line, col)
		}
		if start < len(raw) && raw[start] == '"' {
			start += 1 + strings.Count(v[:off], `"`)
		}
		return idx.Position(start + off)
	}
	header, err := cr.Read()
	if err == io.EOF {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, csvProblem(file, idx, err)
	}
	pathCol := -1
	for i, h := range header {
		if IsNameColumn(h) {
			line, col := at(i, h, 0)
			problems = append(problems, &datapkg.Problem{Path: file, Line: line, Column: col, Field: h, Withheld: true, Err: ErrNameColumn})
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
			return problems, paths, csvProblem(file, idx, err)
		}
		for i, v := range rec {
			if i == pathCol && v != "" {
				paths = append(paths, v)
			}
			offs, kinds := FindPersonal(v)
			for k, off := range offs {
				line, col := at(i, v, off)
				fld := ""
				if i < len(header) {
					fld = header[i]
				}
				problems = append(problems, &datapkg.Problem{Path: file, Line: line, Column: col, Field: fld, Withheld: true, Err: kinds[k]})
			}
		}
	}
	return problems, paths, nil
}

// csvProblem turns an error of encoding/csv into a problem at its line and
// character column.
func csvProblem(file string, idx *datapkg.LineIndex, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &datapkg.Problem{Path: file, Line: pe.Line, Column: idx.Column(pe.Line, pe.Column), Err: fmt.Errorf("%w: %v", datapkg.ErrSyntax, pe.Err)}
	}
	return fmt.Errorf("%s: %w", file, err)
}

// CheckText checks a plain-text file of respondent data, such as a
// transcript, for e-mail addresses and phone numbers.
func CheckText(file, text string) datapkg.Problems {
	var problems datapkg.Problems
	idx := datapkg.NewLineIndex([]byte(text))
	offs, kinds := FindPersonal(text)
	for k, off := range offs {
		line, col := idx.Position(off)
		problems = append(problems, &datapkg.Problem{Path: file, Line: line, Column: col, Withheld: true, Err: kinds[k]})
	}
	return problems
}
