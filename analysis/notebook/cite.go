package notebook

import (
	"path/filepath"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/bib"
)

// Reference is a cited entry of the dataset's reference list. Package
// bib is the one home of its citation forms, order, year suffixes and
// entry text; the notebook only escapes them for Markdown.
type Reference = bib.Item

// readReferences reads the references resource of the data package in
// root/dir through datapkg, which validates the whole package against
// its schema first. It returns nil and no error when the package has no
// references resource.
func readReferences(root, dir string) (map[string]*Reference, error) {
	es, err := bib.Load(filepath.Join(root, filepath.FromSlash(dir)))
	if err != nil || es == nil {
		return nil, err
	}
	refs := make(map[string]*Reference, len(es))
	for _, e := range es {
		if e.Key != "" {
			refs[e.Key] = &Reference{Entry: e}
		}
	}
	return refs, nil
}

// referenceMarkdown returns the reference list entry as Markdown (the
// style of bib's Item.Format), with every piece of dataset text escaped.
func referenceMarkdown(r *Reference) string {
	var b strings.Builder
	b.WriteString(`<a id="ref-` + r.Key + `"></a>`)
	for _, s := range r.Format() {
		switch {
		case s.Link != "":
			b.WriteString("[" + escapeInline(s.Text) + "](" + escapeURL(s.Link) + ")")
		case s.Italic:
			b.WriteString("*" + escapeInline(s.Text) + "*")
		default:
			b.WriteString(escapeInline(s.Text))
		}
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
