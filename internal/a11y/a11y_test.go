package a11y

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// axeRunner runs axe-core on the page once it has loaded and writes the
// violations it finds into the DOM, as JSON, for DumpDOM to read.
const axeRunner = `<script>
window.addEventListener('load', function () {
  axe.run(document, {resultTypes: ['violations']}).then(function (r) {
    var out = {rules: r.passes.length + r.violations.length + r.incomplete.length + r.inapplicable.length, violations: r.violations.map(function (v) {
      return {id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(function (n) { return n.target.join(' '); })};
    })};
    var pre = document.createElement('pre');
    pre.id = 'nexus-axe';
    pre.textContent = JSON.stringify(out);
    document.body.appendChild(pre);
  }, function (e) {
    var pre = document.createElement('pre');
    pre.id = 'nexus-axe';
    pre.textContent = JSON.stringify({error: String(e)});
    document.body.appendChild(pre);
  });
});
</script>
`

// violation is one rule that axe found broken, and where.
type violation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// axeResult is what axeRunner writes.
type axeResult struct {
	Rules      int         `json:"rules"`
	Violations []violation `json:"violations"`
	Error      string      `json:"error"`
}

var axeRE = regexp.MustCompile(`(?s)<pre id="nexus-axe">(.*?)</pre>`)

// axeSource returns axe.min.js, or stops the test through testenv.Missing.
func axeSource(t *testing.T) []byte {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		testenv.Missing(t, "axe-core is not installed (npm ci --prefix internal/a11y): "+err.Error())
	}
	return src
}

// runAxe runs axe-core on a test copy of page, in a copy of the page's
// directory (so that its images load and nothing is written beside it).
func runAxe(t *testing.T, chrome string, axe []byte, page string) axeResult {
	t.Helper()
	src, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Dir(page))); err != nil {
		t.Fatal(err)
	}
	inject := "<head>\n<script>\n" + string(axe) + "\n</script>\n" + axeRunner
	test := bytes.Replace(src, []byte("<head>\n"), []byte(inject), 1)
	if bytes.Equal(test, src) {
		t.Fatalf("%s: no <head> to inject axe-core into", page)
	}
	name := filepath.Join(dir, ".axe-check.html")
	if err := os.WriteFile(name, test, 0o644); err != nil {
		t.Fatal(err)
	}
	abs, err := filepath.Abs(name)
	if err != nil {
		t.Fatal(err)
	}
	stdout, stderr := testenv.DumpDOM(t, chrome, page, abs, "--window-size=1280,1024")
	m := axeRE.FindSubmatch(stdout)
	if m == nil {
		t.Fatalf("%s: axe-core left no result in the DOM; chromium said:\n%s", page, stderr)
	}
	var r axeResult
	if err := json.Unmarshal([]byte(html.UnescapeString(string(m[1]))), &r); err != nil {
		t.Fatalf("%s: %v", page, err)
	}
	if r.Error != "" {
		t.Fatalf("%s: axe-core failed: %s", page, r.Error)
	}
	return r
}

// severe returns the serious and critical violations of r, one line each.
func severe(r axeResult) []string {
	var out []string
	for _, v := range r.Violations {
		if v.Impact == "serious" || v.Impact == "critical" {
			out = append(out, fmt.Sprintf("%s (%s): %s, at %s", v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "; ")))
		}
	}
	return out
}

// TestFrontDoors runs axe-core on the front door of the compendium and of
// every example under examples/ (each made by nexus new) and fails on each
// serious or critical violation; minor and moderate ones are logged.
func TestFrontDoors(t *testing.T) {
	root := filepath.Join("..", "..")
	pages := []string{filepath.Join(root, "figures", "index.html")}
	more, _ := filepath.Glob(filepath.Join(root, "examples", "*", "figures", "index.html"))
	pages = append(pages, more...)
	for _, p := range pages {
		testenv.File(t, p, "the front door make builds")
	}
	chrome := testenv.Chromium(t, "the accessibility check of the front doors")
	axe := axeSource(t)
	for _, p := range pages {
		r := runAxe(t, chrome, axe, p)
		if r.Rules == 0 {
			t.Errorf("%s: axe-core applied no rule", p)
		}
		for _, v := range severe(r) {
			t.Errorf("%s: %s", p, v)
		}
		for _, v := range r.Violations {
			t.Logf("%s: %s (%s): %s", p, v.ID, v.Impact, v.Help)
		}
		t.Logf("%s: %d axe-core rules, %d violations", p, r.Rules, len(r.Violations))
	}
}

// TestAxeCatchesViolations makes sure the check fails a page with an
// image without a text alternative, a link without a name and unlabelled
// form field, all serious or critical in axe-core.
func TestAxeCatchesViolations(t *testing.T) {
	chrome := testenv.Chromium(t, "the accessibility check of the front doors")
	axe := axeSource(t)
	page := filepath.Join(t.TempDir(), "bad.html")
	bad := "<!DOCTYPE html>\n<html>\n<head>\n<title>bad</title>\n</head>\n<body>\n" +
		"<img src=\"x.png\" width=\"10\" height=\"10\">\n<a href=\"#top\"></a>\n<input type=\"text\">\n</body>\n</html>\n"
	if err := os.WriteFile(page, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(severe(runAxe(t, chrome, axe, page)), "\n")
	for _, want := range []string{"image-alt (critical)", "link-name (serious)", "label (critical)", "html-has-lang (serious)"} {
		if !strings.Contains(got, want) {
			t.Errorf("the check missed %s; it found:\n%s", want, got)
		}
	}
}
