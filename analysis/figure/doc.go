// Package figure styles gonum/plot figures for the paper and saves them
// deterministically as SVG, PNG and PDF.
//
// Style: one typeface (Liberation Sans, bundled with gonum/plot), one type
// scale ([TitleSize] 9 pt, [BodySize] 8 pt, [TickSize] 7 pt), the
// Okabe-Ito colour-blind-safe palette ([OkabeIto], [Orange] ... [Black]),
// and the journal widths [FullWidth] (17 cm) and [ColumnWidth] (8.5 cm).
// [Style] applies them to a *plot.Plot; [New] returns a styled plot.
//
// Saving: [Save] and [SaveFunc] write base.svg (fonts embedded), base.png
// (300 dpi, with a pHYs chunk) and base.pdf (fonts embedded, subset)
// through temporary files committed together with build.Create; [Encode]
// writes one format to an io.Writer. The bytes depend only on the figure,
// its size and SOURCE_DATE_EPOCH (checked on go1.26, gonum/plot v0.17.0,
// fpdf v0.11.1):
//
//   - PDF is drawn by [github.com/nexus-toolkit/nexus/analysis/figure/pdfcanvas], a vg.Canvas of our
//     own on fpdf's public API, not by gonum/plot's vgpdf. It writes
//     /CreationDate and /ModDate from [Epoch] (SOURCE_DATE_EPOCH, or
//     1970-01-01T00:00:00Z when it is unset) in UTC, sorts the resource
//     catalog, and embeds each face as a UTF-8 subset font of its own.
//   - What upstream lacks, and would need for Encode to use vgpdf (a
//     contribution to gonum/plot): vgpdf keeps its *fpdf.Fpdf in an
//     unexported field with no accessor and has no option for the document
//     dates or fpdf's catalog sort, so each PDF carries the time of the run
//     and its fonts and images in map order; it registers every font under
//     the file name font.z (fpdf.MakeFont on a file it names font.ttf), so
//     all faces of a document share the glyphs of the last one; it
//     registers faces with an empty style but selects bold and italic with
//     style "B" and "I", which fpdf rejects as an undefined font
//     (TestVgpdfBold); and its fonts use Windows-1252 while strings are
//     passed as UTF-8, so "–", "×" or "é" print wrong. fpdf's package-level
//     SetDefaultCreationDate, SetDefaultModificationDate and
//     SetDefaultCatalogSort reach a vgpdf document but change process-wide
//     defaults, shared by every user of fpdf, so they are not used. The
//     smallest upstream changes that would do: vgpdf options for the
//     document date and catalog sort (or an accessor for the document),
//     and fonts registered with fpdf's AddUTF8FontFromBytes under the
//     face's name; in fpdf, a catalog sort that orders images by name, not
//     by pixel width alone (pdfcanvas works around the ties). The
//     pdfcanvas package doc lists vgpdf's drawing faults too.
//   - Other PDF fields: the producer is the constant "FPDF 2.x", no
//     document /ID is written (fpdf writes one only when encrypting), and
//     zlib compression is deterministic.
//   - SVG and PNG carry no date; their bytes are stable for one
//     architecture and toolchain. An SVG embeds each face used in full
//     (about 0.5 MB of base64 per face), so figures that use only the
//     regular face stay smallest.
//
// Helpers: [Matrix] draws a categorical heat map with the count printed in
// each cell; [Nominal] and [RotateX] set categorical tick labels; and
// [StyleLegend] sets the legend. Package
// [github.com/nexus-toolkit/nexus/analysis/figure/netplot] draws a network
// in this style (nodes sized and coloured by attributes, links widened by
// weight and styled by kind, labels placed clear of each other and of
// the links, checked by Geometry.Problems).
package figure
