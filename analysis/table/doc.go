// Package table is a small model for the paper's tables and its three
// writers: CSV, GitHub-flavoured Markdown and LaTeX (booktabs).
//
// A [Table] has a title, a caption, notes, column specifications
// ([Column]) and rows of [Cell] values. Cells are strings: numbers are
// formatted before they enter a table, with [FormatFloat], [FormatInt] and
// [FormatPercent], which use strconv only, so no locale and no %v quirk can
// change an output. A cell may be missing, in one vocabulary that every
// writer prints alike: [NotReported] ("n.r.", [Missing]) for a value the
// source does not report and [NotApplicable] ("n.a.", [Inapplicable]) for
// one that does not apply to its row; a CSV reader declares both as
// missingValues, and an empty cell is always an empty value.
//
// Output conventions, chosen so that every byte is predictable:
//
//   - CSV ([Table.WriteCSV]) follows RFC 4180 except that records end in LF,
//     not CRLF. The first record is the header of column names
//     ([Column.Name]). A missing cell is an empty field, so that programs
//     reading the file see "no value" rather than a string; an empty string
//     value is also an empty field. Title, caption and notes are not written:
//     CSV is the machine-readable form.
//   - Markdown ([Table.WriteMarkdown]) writes the title and caption as one
//     paragraph, the table with an alignment row, and each note as a
//     paragraph. In cells, the characters \ ` * _ [ ] < > | ~ $ are
//     escaped with a backslash ($ would start GitHub math), so is "&"
//     where it could start an entity, and line breaks become <br>
//     ([EscapeMarkdown]). A test renders the output with a GFM parser.
//   - LaTeX ([Table.WriteLaTeX]) writes a booktabs tabular (\toprule,
//     \midrule, \bottomrule) inside a table float, or a longtable when
//     [Table.Long] is set. All LaTeX special characters are escaped (see
//     [EscapeLaTeX]). Text stays UTF-8: the document needs
//     \usepackage[utf8]{inputenc} (the default since LaTeX 2018) and
//     \usepackage[T1]{fontenc} under pdfLaTeX, which also needs
//     \DeclareUnicodeCharacter for letters outside T1 (such as U+1E24 Ḥ),
//     or LuaLaTeX or XeLaTeX with a Unicode font; plus
//     \usepackage{booktabs,array} and, for long tables, longtable. A column
//     with a [Column.Width] becomes a ragged p{width} column so long text
//     wraps; other columns are l, r or c. Notes follow the tabular as
//     footnotesize paragraphs. The golden files compile with pdfLaTeX
//     (TeX Live 2022).
//
// All writers end every line with LF and never emit trailing spaces.
package table
