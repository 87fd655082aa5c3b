package notebook

import "bytes"

// scrollTables wraps every table of a page's HTML body in a box that
// scrolls sideways on its own, so a table wider than the column (or a
// phone's screen) never makes the whole page scroll. The body's tables
// all come from goldmark, which escapes any "<table" of the data, so each
// "<table>" and "</table>" found is a real tag.
func scrollTables(body []byte) []byte {
	body = bytes.ReplaceAll(body, []byte("<table>"), []byte(`<div class="table-scroll" role="region" aria-label="table, scrolls sideways" tabindex="0"><table>`))
	return bytes.ReplaceAll(body, []byte("</table>"), []byte("</table></div>"))
}

// responsiveCSS makes the page read on a 390 px phone without sideways
// scrolling: tables scroll in their box, long words and paths break, and
// nothing is wider than the column.
const responsiveCSS = `.table-scroll { overflow-x: auto; max-width: 100%; margin: .6rem 0; }
.table-scroll > table { margin: 0; }
.table-scroll:focus { outline: 2px solid #0550ae; }
main { overflow-wrap: break-word; }
figure, figcaption, img, svg, pre, details { max-width: 100%; }
@media (max-width: 36rem) {
  main { padding: 1rem .75rem 3rem; }
  table { font-size: 13px; }
  th, td { padding: .2rem .4rem; }
}
`
