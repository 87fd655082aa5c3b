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
// through temporary files renamed into place; [Encode] writes one format
// to an io.Writer. The bytes depend only on the figure, its size and
// SOURCE_DATE_EPOCH (checked on go1.26, gonum/plot v0.17.0, fpdf v0.11.1):
//
//   - PDF dates: fpdf writes /CreationDate and /ModDate from time.Now,
//     in the local time zone, unless set. The document's dates are set
//     from SOURCE_DATE_EPOCH, or 1970-01-01T00:00:00Z when it is unset
//     (see [Epoch]), in UTC.
//   - PDF catalog order: fpdf ranges over maps of fonts and images when it
//     writes the resource catalog; catalog sorting is turned on.
//   - Other PDF fields: the producer is the constant "FPDF 2.x", no
//     document /ID is written (fpdf writes one only when encrypting), and
//     zlib compression is deterministic.
//   - PDF text: vgpdf fails on bold and italic text ("undefined font"),
//     gives every font the same embedded font program (so all text takes
//     the glyphs of the last font used), and passes UTF-8 strings to
//     Windows-1252 fonts. Save registers each face as a UTF-8 font of its
//     own before vgpdf does; see pdfCanvas. vgpdf keeps the document
//     unexported, so it is reached with reflect; a test fails if a new
//     gonum/plot version changes this.
//   - SVG and PNG carry no date; their bytes are stable for one
//     architecture and toolchain. An SVG embeds each face used in full
//     (about 0.5 MB of base64 per face), so figures that use only the
//     regular face stay smallest.
//
// Helpers: [Matrix] draws a categorical heat map with the count printed in
// each cell; [Nominal] and [RotateX] set categorical tick labels; and
// [StyleLegend] sets the legend.
package figure
