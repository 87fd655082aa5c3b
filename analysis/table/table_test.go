package table

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// edgeTable holds the escaping edge cases every writer must survive.
func edgeTable() *Table {
	t := New("Escaping edge cases",
		Column{Name: "case", Header: "Case"},
		Column{Name: "value", Header: "Value | text", Width: "5cm"},
		Column{Name: "n", Header: "N", Kind: KindNumber},
		Column{Name: "share", Header: "Share (%)", Kind: KindNumber, Align: AlignCenter},
	)
	t.Caption = "Every special character of CSV, Markdown and LaTeX; n.r. = not reported."
	t.Label = "tbl:edge"
	t.Notes = []string{"Note: 100% of cells are synthetic & test-only.", "# not a heading", "1. not a list"}
	rows := [][]Cell{
		{Str("plain"), Str("TTP–AQ nexus"), Int(29), Float(12.5, 1)},
		{Str("latex"), Str(`\ { } $ & # ^ _ % ~`), Int(-3), Float(-0.0001, 2)},
		{Str("markdown"), Str("a|b *c* _d_ `e` [f](g) <h> ~i~ &copy; & $x$ https://example.org"), Int(0), Float(2.675, 2)},
		{Str("csv"), Str(`comma, "quote" and ` + "\nnewline"), Int(1), Float(1e6, 0)},
		{Str("quotes"), Str("“double” ‘single’ — dash … ellipsis"), Missing(), Missing()},
		{Str("ligatures"), Str("a--b ``c'' x---y –-"), Str(""), Str(" lead")},
		{Str("crlf"), Str("one\r\ntwo\rthree"), Int(2), Str("n.r.")},
		{Str("unicode"), Str("Tehrik-i-Taliban Pakistān, Ḥaqqānī; 50\u00a0km"), Int(7), Float(100, 0)},
	}
	for _, r := range rows {
		if err := t.Append(r...); err != nil {
			panic(err)
		}
	}
	return t
}

// golden compares got with testdata/name, rewriting it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./analysis/table -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from golden file:\ngot:\n%s\nwant:\n%s", name, got, want)
	}
}

func TestWriters(t *testing.T) {
	long := edgeTable()
	long.Long = true
	for _, tc := range []struct {
		name  string
		table *Table
		write func(*Table, *bytes.Buffer) error
	}{
		{"edge.csv.golden", edgeTable(), func(t *Table, b *bytes.Buffer) error { return t.WriteCSV(b) }},
		{"edge.md.golden", edgeTable(), func(t *Table, b *bytes.Buffer) error { return t.WriteMarkdown(b) }},
		{"edge.tex.golden", edgeTable(), func(t *Table, b *bytes.Buffer) error { return t.WriteLaTeX(b) }},
		{"edge-long.tex.golden", long, func(t *Table, b *bytes.Buffer) error { return t.WriteLaTeX(b) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tc.write(tc.table, &b); err != nil {
				t.Fatal(err)
			}
			out := b.Bytes()
			if bytes.Contains(out, []byte("\r")) {
				t.Errorf("output contains CR")
			}
			if !strings.HasSuffix(tc.name, ".csv.golden") && bytes.Contains(out, []byte(" \n")) {
				t.Errorf("output has trailing spaces")
			}
			golden(t, tc.name, out)
		})
	}
}

func TestEscapeLaTeX(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`\`, `\textbackslash{}`},
		{`{x}`, `\{x\}`},
		{`$5 & 10% #1 a_b`, `\$5 \& 10\% \#1 a\_b`},
		{`x^2~y`, `x\textasciicircum{}2\textasciitilde{}y`},
		{`a<b>c|d`, `a\textless{}b\textgreater{}c\textbar{}d`},
		{"1990–2001", "1990--2001"},
		{"yes—no", "yes---no"},
		{"“q”", "``q''"},
		{"‘q’", "`q'"},
		{"a--b", "a-{}-b"},
		{"a---b", "a-{}-{}-b"},
		{"–-", "--{}-"},
		{"``x''", `\textasciigrave{}\textasciigrave{}x'{}'`},
		{"wait…", `wait\ldots{}`},
		{"50\u00a0km", "50~km"},
		{"Pakistān", "Pakistān"},
		{"two\nlines", "two lines"},
		{"", ""},
	} {
		if got := EscapeLaTeX(tc.in); got != tc.want {
			t.Errorf("EscapeLaTeX(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestEscapeMarkdown(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"a|b", `a\|b`},
		{`\`, `\\`},
		{"*x* _y_ `z`", "\\*x\\* \\_y\\_ \\`z\\`"},
		{"[l](u) <b> ~s~", `\[l\](u) \<b\> \~s\~`},
		{"a\nb\r\nc\rd", "a<br>b<br>c<br>d"},
		{"  pad  ", "pad"},
	} {
		if got := EscapeMarkdown(tc.in); got != tc.want {
			t.Errorf("EscapeMarkdown(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFormatFloat(t *testing.T) {
	for _, tc := range []struct {
		x    float64
		d    int
		want string
	}{
		{0, 2, "0.00"},
		{-0.0001, 2, "0.00"},
		{-0.005, 2, "-0.01"}, // -0.005 is stored as -0.005000000000000000104
		{2.675, 2, "2.67"},   // 2.675 is stored as 2.67499999999999982236431605997495353221893310546875
		{0.125, 2, "0.12"},   // exact tie: round half to even
		{0.375, 2, "0.38"},   // exact tie: round half to even
		{1e21, 0, "1000000000000000000000"},
		{1234567.891, 1, "1234567.9"},
		{3, -1, "3"},
	} {
		if got := FormatFloat(tc.x, tc.d); got != tc.want {
			t.Errorf("FormatFloat(%v, %d) = %q, want %q", tc.x, tc.d, got, tc.want)
		}
	}
	nan := 0.0
	nan = nan / nan
	if got := FormatFloat(nan, 2); got != "NaN" {
		t.Errorf("FormatFloat(NaN) = %q", got)
	}
	if c := Float(nan, 2); !c.Missing {
		t.Errorf("Float(NaN) is not missing")
	}
	if got := FormatPercent(1, 3, 1); got != "33.3%" {
		t.Errorf("FormatPercent(1, 3, 1) = %q", got)
	}
	if got := FormatPercent(1, 0, 1); got != "NaN%" {
		t.Errorf("FormatPercent(1, 0, 1) = %q", got)
	}
}

func TestValidate(t *testing.T) {
	tb := New("bad", Column{Name: "a"}, Column{})
	if err := tb.Append(Str("only one")); !errors.Is(err, ErrWidth) {
		t.Errorf("Append: got %v, want ErrWidth", err)
	}
	tb.Rows = append(tb.Rows, []Cell{Str("x")}, []Cell{Str("x"), Str("y"), Str("z")})
	err := tb.Validate()
	if !errors.Is(err, ErrWidth) {
		t.Fatalf("Validate: got %v, want ErrWidth", err)
	}
	msg := err.Error()
	for _, want := range []string{"column 2: empty name", "row 1:", "row 2:"} {
		if !strings.Contains(msg, want) {
			t.Errorf("Validate error %q lacks %q", msg, want)
		}
	}
	var b bytes.Buffer
	for _, write := range []func() error{
		func() error { return tb.WriteCSV(&b) },
		func() error { return tb.WriteMarkdown(&b) },
		func() error { return tb.WriteLaTeX(&b) },
	} {
		if write() == nil {
			t.Errorf("writer accepted an invalid table")
		}
	}
	if err := New("empty").Validate(); err == nil {
		t.Errorf("table without columns passed Validate")
	}
}

// TestMissingMarks: one vocabulary in every writer: a value not
// reported prints n.r., one that does not apply n.a., in CSV as in
// Markdown and LaTeX, and an empty value stays an empty CSV field.
func TestMissingMarks(t *testing.T) {
	tb := New("m", Column{Name: "a"}, Column{Name: "b"}, Column{Name: "c"})
	tb.Append(Missing(), Inapplicable(), Str(""))
	var md, tex, csv bytes.Buffer
	for _, w := range []func() error{func() error { return tb.WriteMarkdown(&md) }, func() error { return tb.WriteLaTeX(&tex) }, func() error { return tb.WriteCSV(&csv) }} {
		if err := w(); err != nil {
			t.Fatal(err)
		}
	}
	if !strings.Contains(md.String(), "| n.r. | n.a. | |") {
		t.Errorf("markdown:\n%s", md.String())
	}
	if !strings.Contains(tex.String(), "n.r. & n.a. &  \\\\") {
		t.Errorf("latex:\n%s", tex.String())
	}
	if csv.String() != "a,b,c\nn.r.,n.a.,\n" {
		t.Errorf("csv: got %q", csv.String())
	}
}

func BenchmarkWrite100k(b *testing.B) {
	tb := New("bench",
		Column{Name: "id"}, Column{Name: "name", Width: "4cm"},
		Column{Name: "x", Kind: KindNumber}, Column{Name: "note"})
	for i := range 100_000 {
		tb.Append(Int(i), Str("Tehrik-i-Taliban Pakistan & al-Qaeda_"+FormatInt(i%97)),
			Float(float64(i)/7, 3), Missing())
	}
	for _, w := range []struct {
		name string
		f    func(*bytes.Buffer) error
	}{
		{"csv", func(buf *bytes.Buffer) error { return tb.WriteCSV(buf) }},
		{"markdown", func(buf *bytes.Buffer) error { return tb.WriteMarkdown(buf) }},
		{"latex", func(buf *bytes.Buffer) error { return tb.WriteLaTeX(buf) }},
	} {
		b.Run(w.name, func(b *testing.B) {
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := w.f(&buf); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(int64(buf.Len()))
		})
	}
}
