package notebook

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// checkScript is injected at the start of <head> of a test copy of a page.
// It records load and script errors and console.error calls, and after the
// load event writes into the DOM: the number of images and of in-page
// links, and every image that did not load, every link whose target id
// is missing and every error.
const checkScript = `<script>
(function () {
  var errs = [];
  window.addEventListener('error', function (e) {
    var t = e.target;
    if (t && t !== window && (t.src || t.href)) { errs.push('load failed: ' + (t.getAttribute('src') || t.getAttribute('href'))); }
    else { errs.push('error: ' + e.message); }
  }, true);
  var ce = console.error;
  console.error = function () { errs.push('console.error: ' + Array.prototype.join.call(arguments, ' ')); ce.apply(console, arguments); };
  window.addEventListener('load', function () {
    var r = [];
    var imgs = document.querySelectorAll('img');
    imgs.forEach(function (i) { if (!i.complete || i.naturalWidth === 0) { r.push('image did not load: ' + i.getAttribute('src')); } });
    var links = document.querySelectorAll('a[href^="#"]');
    links.forEach(function (a) {
      var id = decodeURIComponent(a.getAttribute('href').slice(1));
      if (!document.getElementById(id)) { r.push('link target missing: #' + id); }
    });
    // Each evidence list is collapsed, and opening it shows its rows:
    // file:line, and for rows that quote the paper the page and quote.
    var ev = document.querySelectorAll('details.evidence'), quoted = 0;
    var visible = function (e) { return e.checkVisibility() && e.getClientRects().length > 0 && e.offsetHeight > 0; };
    ev.forEach(function (d) {
      var ol = d.querySelector('ol');
      if (!ol || d.open || visible(ol)) { r.push('evidence list not collapsed: ' + d.textContent.slice(0, 80)); return; }
      d.open = true;
      var text = ol.innerText;
      if (!visible(ol) || !/\.csv:\d+/.test(text)) { r.push('evidence not shown when opened: ' + d.textContent.slice(0, 80)); }
      if (/page \d+: \u201c[^\u201d]+\u201d/.test(text)) { quoted++; }
      d.open = false;
    });
    var pre = document.createElement('pre');
    pre.id = 'nexus-check';
    pre.textContent = JSON.stringify({images: imgs.length, links: links.length, evidence: ev.length, quoted: quoted, problems: r.concat(errs)});
    document.body.appendChild(pre);
  });
})();
</script>
`

// skipWithoutChromium returns the path of Chromium, or stops the test
// through testenv.Short and testenv.Chromium (a failure in CI) when -short
// was given or Chromium is absent.
func skipWithoutChromium(t *testing.T) string {
	t.Helper()
	testenv.Short(t, "opens pages in Chromium")
	return testenv.Chromium(t, "the browser test of the rendered notebooks")
}

// openPage opens the file abs (the test copy of page) in the package's
// headless Chromium (sharedBrowser) as --virtual-time-budget=5000
// --dump-dom would, and returns the text of the element with the given
// id, which a check script writes, and every line the page put on its
// console.
func openPage(t *testing.T, chrome, page, abs, id string) (string, []string) {
	t.Helper()
	b, err := sharedBrowser(chrome)
	if err != nil {
		t.Fatalf("%s: chromium: %v", page, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	text, ok, console, err := b.page(ctx, abs, id)
	if err != nil {
		t.Fatalf("%s: chromium: %v\n%s", page, err, strings.Join(console, "\n"))
	}
	if !ok {
		t.Fatalf("%s: the check script left no #%s in the DOM; the console said:\n%s", page, id, strings.Join(console, "\n"))
	}
	return text, console
}

// testCopy writes content as a new file named by pattern (os.CreateTemp)
// in a copy of the directory of page, so that its relative figure links
// resolve and nothing is written beside the page (a repository under
// test is never written to), and returns its absolute path (a file://
// URL needs one).
func testCopy(t *testing.T, page, pattern string, content []byte) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Dir(page))); err != nil {
		t.Fatal(err)
	}
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write(content); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	abs, err := filepath.Abs(f.Name())
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// pageCheck is what checkScript reports.
type pageCheck struct {
	Images   int      `json:"images"`
	Links    int      `json:"links"`
	Evidence int      `json:"evidence"` // evidence lists of table cells
	Quoted   int      `json:"quoted"`   // of them, lists that show a page and a quote when opened
	Problems []string `json:"problems"`
}

// checkPage opens a test copy of the page in headless Chromium and returns
// what the check script found, plus console messages Chromium logged.
func checkPage(t *testing.T, chrome, page string) pageCheck {
	t.Helper()
	src, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	injected := bytes.Replace(src, []byte("<head>\n"), []byte("<head>\n"+checkScript), 1)
	if bytes.Equal(injected, src) {
		t.Fatalf("%s: no <head> to inject the check into", page)
	}
	abs := testCopy(t, page, ".browser-check-*.html", injected)
	result, console := openPage(t, chrome, page, abs, "nexus-check")
	var pc pageCheck
	if err := json.Unmarshal([]byte(result), &pc); err != nil {
		t.Fatalf("%s: %v", page, err)
	}
	for _, l := range console {
		pc.Problems = append(pc.Problems, "console: "+l)
	}
	return pc
}

// checkPages asserts for every page that its images load, its console
// shows no errors, its in-page links resolve and its evidence lists open,
// and returns what was found on each page.
func checkPages(t *testing.T, pages []string, wantImages bool) map[string]pageCheck {
	chrome := skipWithoutChromium(t)
	found := map[string]pageCheck{}
	for _, p := range pages {
		pc := checkPage(t, chrome, p)
		for _, prob := range pc.Problems {
			t.Errorf("%s: %s", p, prob)
		}
		if wantImages && pc.Images == 0 {
			t.Errorf("%s: no images, expected the figures", p)
		}
		t.Logf("%s: %d images, %d links, %d evidence lists (%d quoting the paper) checked", p, pc.Images, pc.Links, pc.Evidence, pc.Quoted)
		found[filepath.Base(p)] = pc
	}
	return found
}

// TestBrowserRepository checks the notebooks rendered in the repository's
// figures/notebooks, when there are any.
func TestBrowserRepository(t *testing.T) {
	t.Parallel()
	pages, _ := filepath.Glob(filepath.Join("..", "..", "figures", "notebooks", "*.html"))
	if len(pages) == 0 {
		testenv.Missing(t, "no rendered notebooks under figures/notebooks (run make)")
	}
	found := checkPages(t, pages, false)
	// Notebook 03 shows T4 with the evidence of its cells.
	if pc := found["03-alliance-network.html"]; pc.Evidence == 0 || pc.Quoted == 0 {
		t.Errorf("03-alliance-network.html: %d evidence lists, %d with a page and a quote, expected T4's", pc.Evidence, pc.Quoted)
	}
}

// TestBrowserCatchesProblems makes sure that the check fails on a page
// with a missing image, a dangling link and a script error.
func TestBrowserCatchesProblems(t *testing.T) {
	t.Parallel()
	chrome := skipWithoutChromium(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "bad.html")
	os.WriteFile(page, []byte("<!DOCTYPE html>\n<html>\n<head>\n<title>bad</title>\n</head>\n<body>\n"+
		"<img src=\"missing.svg\" alt=\"\">\n<a href=\"#nowhere\">x</a>\n"+
		"<details class=\"evidence\" open><summary>open</summary><ol><li>a.csv:1</li></ol></details>\n"+
		"<details class=\"evidence\"><summary>empty</summary><ol></ol></details>\n<script>console.error('logged'); undefinedFunction();</script>\n</body>\n</html>\n"), 0o644)
	pc := checkPage(t, chrome, page)
	all := strings.Join(pc.Problems, "\n")
	for _, want := range []string{"image did not load: missing.svg", "link target missing: #nowhere", "undefinedFunction", "console: ",
		"evidence list not collapsed: open", "evidence not shown when opened: empty"} {
		if !strings.Contains(all, want) {
			t.Errorf("the check missed %q; it found:\n%s", want, all)
		}
	}
}
