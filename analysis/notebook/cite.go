package notebook

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// Reference is one entry of a dataset's references.csv.
type Reference struct {
	Key       string
	Authors   string   // as printed, "Abbas, H."
	Surnames  []string // in order
	Year      string
	Date      string // date as printed, "2020, October 5"; Year when empty
	Title     string
	Container string
	Volume    string
	Issue     string
	Pages     string
	Publisher string
	DOI       string
	URL       string

	suffix string // "a", "b" when two cited entries share author and year
}

// readReferences reads root/dir/references.csv. It returns nil and no
// error when the file does not exist.
func readReferences(root, dir string) (map[string]*Reference, error) {
	name := path.Join(dir, "references.csv")
	f, err := os.Open(filepath.Join(root, filepath.FromSlash(name)))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	head, err := r.Read()
	if err != nil {
		return nil, csvError(name, err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	if _, ok := col["key"]; !ok {
		return nil, fmt.Errorf("%s:1: no column \"key\", expected the reference keys", name)
	}
	refs := map[string]*Reference{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvError(name, err)
		}
		get := func(c string) string {
			if i, ok := col[c]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		ref := &Reference{
			Key: get("key"), Authors: get("authors"), Year: get("year"), Date: get("date_as_printed"),
			Title: get("title"), Container: get("container"), Volume: get("volume"), Issue: get("issue"),
			Pages: get("pages"), Publisher: get("publisher"), DOI: get("doi"), URL: get("url"),
		}
		for _, s := range strings.Split(get("surnames"), ";") {
			if s = strings.TrimSpace(s); s != "" {
				ref.Surnames = append(ref.Surnames, s)
			}
		}
		if ref.Key != "" {
			refs[ref.Key] = ref
		}
	}
	return refs, nil
}

// names returns the author part of a citation: "Abbas", "Akhtar and
// Ahmed" (narrative) or "Akhtar & Ahmed" (in parentheses), "Allan et al.".
func (r *Reference) names(narrative bool) string {
	s := r.Surnames
	switch {
	case len(s) == 0 && r.Authors != "":
		return r.Authors
	case len(s) == 0:
		return r.Title
	case len(s) == 1:
		return s[0]
	case len(s) == 2 && narrative:
		return s[0] + " and " + s[1]
	case len(s) == 2:
		return s[0] + " & " + s[1]
	}
	return s[0] + " et al."
}

// year returns the year with its disambiguation suffix, or "n.d.".
func (r *Reference) year() string {
	if r.Year == "" {
		return "n.d." + r.suffix
	}
	return r.Year + r.suffix
}

// sortKey orders the reference list: by first surname, year, title.
func (r *Reference) sortKey() string {
	first := r.Authors
	if len(r.Surnames) > 0 {
		first = strings.Join(r.Surnames, " ")
	}
	return strings.ToLower(first) + "\x00" + r.Year + "\x00" + strings.ToLower(r.Title) + "\x00" + r.Key
}

// sortReferences sorts the cited references and gives entries with the
// same authors and year the suffixes a, b, ... in list order.
func sortReferences(refs []*Reference) {
	sort.Slice(refs, func(i, j int) bool { return refs[i].sortKey() < refs[j].sortKey() })
	for i := 0; i < len(refs); {
		j := i + 1
		id := func(r *Reference) string { return r.names(false) + "\x00" + r.Year }
		for j < len(refs) && id(refs[j]) == id(refs[i]) {
			j++
		}
		if j-i > 1 {
			for k := i; k < j; k++ {
				refs[k].suffix = string(rune('a' + k - i))
			}
		}
		i = j
	}
}

// markdown returns the reference list entry as Markdown, with every piece
// of dataset text escaped, in an author-date style close to APA.
func (r *Reference) markdown() string {
	var b strings.Builder
	b.WriteString(`<a id="ref-` + r.Key + `"></a>`)
	if r.Authors != "" {
		b.WriteString(escapeInline(strings.TrimSuffix(r.Authors, ".")) + ". ")
	}
	date := r.Date
	if date == "" || r.suffix != "" {
		date = r.year()
	}
	b.WriteString("(" + escapeInline(date) + "). ")
	title := strings.TrimSuffix(r.Title, ".")
	if r.Container != "" {
		b.WriteString(escapeInline(title) + ". *" + escapeInline(r.Container) + "*")
		if r.Volume != "" {
			b.WriteString(", *" + escapeInline(r.Volume) + "*")
		}
		if r.Issue != "" {
			b.WriteString("(" + escapeInline(r.Issue) + ")")
		}
		if r.Pages != "" {
			b.WriteString(", " + escapeInline(r.Pages))
		}
		b.WriteString(".")
	} else if title != "" {
		b.WriteString("*" + escapeInline(title) + "*.")
	}
	if r.Publisher != "" {
		b.WriteString(" " + escapeInline(strings.TrimSuffix(r.Publisher, ".")) + ".")
	}
	switch {
	case r.DOI != "":
		u := "https://doi.org/" + r.DOI
		b.WriteString(" [" + escapeInline(u) + "](" + escapeURL(u) + ")")
	case r.URL != "":
		b.WriteString(" [" + escapeInline(r.URL) + "](" + escapeURL(r.URL) + ")")
	}
	return b.String()
}

// inlineEscaper backslash-escapes the characters that could start markup
// in running Markdown text.
var inlineEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`, `<`, `\<`, `>`, `\>`,
	`&`, `\&`, `|`, `\|`, `~`, `\~`, `$`, `\$`, `@`, `\@`, `#`, `\#`, `!`, `\!`,
	"\r\n", " ", "\n", " ", "\r", " ",
)

// escapeInline escapes dataset text for running Markdown.
func escapeInline(s string) string { return inlineEscaper.Replace(s) }

// escapeURL makes u safe as a Markdown link destination: only http and
// https, with spaces and parentheses percent-encoded.
func escapeURL(u string) string {
	if !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
		return "#"
	}
	return strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E", `\`, "%5C").Replace(u)
}

// csvError puts the file name and position in front of a CSV error.
func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s:%d:%d: %v", name, pe.Line, pe.Column, pe.Err)
	}
	return fmt.Errorf("%s: %v", name, err)
}
