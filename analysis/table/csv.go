package table

import (
	"bufio"
	"encoding/csv"
	"io"
	"strings"
)

// WriteCSV writes the header of column names and every row as CSV
// (RFC 4180 quoting, LF line ends). A missing cell is written as its
// mark, "n.r." or "n.a.", never as an empty field (which is an empty
// value).
// Line breaks inside values (CR LF or CR) are normalised to LF.
// Title, caption and notes are not written.
func (t *Table) WriteCSV(w io.Writer) error {
	if err := t.Validate(); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	cw := csv.NewWriter(bw)
	rec := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		rec[i] = c.Name
	}
	if err := cw.Write(rec); err != nil {
		return err
	}
	for _, r := range t.Rows {
		for i, c := range r {
			rec[i] = strings.Join(lines(t.text(c)), "\n")
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}
