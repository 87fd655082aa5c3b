package notebook

import (
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// widthPage is the test page of checkWidth: it shows the page under test
// in an iframe %[1]dpx wide (Chromium's window cannot be narrower than
// 500 px, an iframe can, and media queries and the layout follow its
// width). The iframe's srcdoc keeps the parent's origin, so the script can
// read its document, and its base URL, so relative figure links resolve.
// After the iframe loads, the script writes into the parent's DOM the
// viewport's width, the document's scroll width, each element that sticks
// out of the viewport without a scrolling box around it, each table not
// inside a .table-scroll box, and how many tables scroll in their box.
const widthPage = `<!DOCTYPE html>
<html>
<head><meta charset="utf-8"><style>body { margin: 0; } iframe { border: 0; width: %[1]dpx; height: 844px; }</style></head>
<body>
<iframe id="under-test" srcdoc="%[2]s"></iframe>
<script>
document.getElementById('under-test').addEventListener('load', function () {
  var w = this.contentWindow, d = this.contentDocument;
  var vw = w.innerWidth, bad = [], unwrapped = [], scrolling = 0;
  var clipped = function (e) {
    for (var p = e.parentElement; p; p = p.parentElement) {
      var o = w.getComputedStyle(p).overflowX;
      if (o === 'auto' || o === 'scroll' || o === 'hidden') { return true; }
    }
    return false;
  };
  d.querySelectorAll('body *').forEach(function (e) {
    var r = e.getBoundingClientRect();
    if (r.width > 0 && r.right > vw + 0.5 && !clipped(e)) {
      bad.push(e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' ends at ' + Math.round(r.right) + ' px: ' + (e.textContent || '').trim().slice(0, 60));
    }
  });
  d.querySelectorAll('table').forEach(function (t) {
    var box = t.parentElement;
    if (!box || !box.classList.contains('table-scroll') || w.getComputedStyle(box).overflowX !== 'auto') { unwrapped.push((t.textContent || '').trim().slice(0, 60)); return; }
    if (box.scrollWidth > box.clientWidth) { scrolling++; }
  });
  var pre = document.createElement('pre');
  pre.id = 'nexus-width';
  pre.textContent = JSON.stringify({viewport: vw, scrollWidth: d.documentElement.scrollWidth, tables: d.querySelectorAll('table').length, scrolling: scrolling, overflow: bad.slice(0, 10), unwrapped: unwrapped});
  document.body.appendChild(pre);
});
</script>
</body>
</html>
`

// widthCheck is what widthPage reports.
type widthCheck struct {
	Viewport    int      `json:"viewport"`
	ScrollWidth int      `json:"scrollWidth"`
	Tables      int      `json:"tables"`
	Scrolling   int      `json:"scrolling"` // tables wider than their box, which scrolls
	Overflow    []string `json:"overflow"`
	Unwrapped   []string `json:"unwrapped"`
}

// checkWidth opens page in headless Chromium in a frame px wide (see
// widthPage) and returns what the check found.
func checkWidth(t *testing.T, chrome, page string, px int) widthCheck {
	t.Helper()
	src, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	abs := testCopy(t, page, ".width-check-*.html", fmt.Appendf(nil, widthPage, px, html.EscapeString(string(src))))
	result, console := openPage(t, chrome, page, abs, "nexus-width")
	if len(console) > 0 {
		t.Logf("%s at %d px: the console said:\n%s", page, px, strings.Join(console, "\n"))
	}
	var wc widthCheck
	if err := json.Unmarshal([]byte(result), &wc); err != nil {
		t.Fatalf("%s: %v", page, err)
	}
	if wc.Viewport != px {
		t.Fatalf("%s: the viewport is %d px wide, expected %d", page, wc.Viewport, px)
	}
	return wc
}

// widthProblems lists why a page does not read at the checked width.
func widthProblems(wc widthCheck) []string {
	var p []string
	if wc.ScrollWidth > wc.Viewport {
		p = append(p, "the page scrolls sideways: "+strconv.Itoa(wc.ScrollWidth)+" px wide in a "+strconv.Itoa(wc.Viewport)+" px window")
	}
	for _, o := range wc.Overflow {
		p = append(p, "sticks out: "+o)
	}
	for _, u := range wc.Unwrapped {
		p = append(p, "table not in a scrolling box: "+u)
	}
	return p
}

// TestResponsiveRepository opens every notebook rendered in the
// repository's figures/notebooks in a 390 px wide window (a phone) and at
// 768 px, and checks that the page does not scroll sideways and that
// every table sits in its own scrolling box.
func TestResponsiveRepository(t *testing.T) {
	t.Parallel()
	pages, _ := filepath.Glob(filepath.Join("..", "..", "figures", "notebooks", "*.html"))
	chrome := skipWithoutChromium(t)
	if len(pages) == 0 {
		t.Fatal("no rendered notebooks under figures/notebooks (run make)")
	}
	for _, px := range []int{390, 768} {
		scrolling := 0
		for _, p := range pages {
			wc := checkWidth(t, chrome, p, px)
			for _, prob := range widthProblems(wc) {
				t.Errorf("%s at %d px: %s", p, px, prob)
			}
			if wc.Tables == 0 {
				t.Errorf("%s: no tables found", p)
			}
			scrolling += wc.Scrolling
			t.Logf("%s at %d px: %d px wide, %d tables, %d of them scroll in their box", p, px, wc.ScrollWidth, wc.Tables, wc.Scrolling)
		}
		// At 390 px some tables are wider than the screen: the check
		// must have seen a box scroll, or it checked nothing.
		if px == 390 && scrolling == 0 {
			t.Error("at 390 px no table scrolls in its box; expected the wide ones (T4) to")
		}
	}
}

// TestResponsiveCatchesOverflow makes sure the check fails on a page whose
// wide table and wide image make the page scroll sideways.
func TestResponsiveCatchesOverflow(t *testing.T) {
	t.Parallel()
	chrome := skipWithoutChromium(t)
	page := filepath.Join(t.TempDir(), "wide.html")
	os.WriteFile(page, []byte("<!DOCTYPE html>\n<html>\n<head>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n</head>\n<body>\n"+
		"<table><tr><td>"+strings.Repeat("wide_cell_without_breaks ", 1)+strings.Repeat("x", 200)+"</td></tr></table>\n"+
		"<div style=\"width:600px\">fixed</div>\n</body>\n</html>\n"), 0o644)
	all := strings.Join(widthProblems(checkWidth(t, chrome, page, 390)), "\n")
	for _, want := range []string{"the page scrolls sideways", "sticks out: div", "table not in a scrolling box"} {
		if !strings.Contains(all, want) {
			t.Errorf("the check missed %q; it found:\n%s", want, all)
		}
	}
}
