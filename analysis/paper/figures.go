package paper

import (
	"fmt"
	"image/color"
	"sort"
	"strconv"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/nexus-toolkit/nexus/analysis/figure"
	"github.com/nexus-toolkit/nexus/analysis/study"
)

// Span returns the interval of fractional years that a date of its
// precision covers: a whole year, a whole month, or one day. A missing
// date gives an empty span at 0.
func Span(d study.Date) (from, to float64) {
	y := float64(d.Year)
	switch d.Precision() {
	case study.PrecisionYear:
		return y, y + 1
	case study.PrecisionMonth:
		return y + float64(d.Month-1)/12, y + float64(d.Month)/12
	case study.PrecisionDay:
		t := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
		days := float64(time.Date(d.Year+1, 1, 1, 0, 0, 0, 0, time.UTC).Sub(time.Date(d.Year, 1, 1, 0, 0, 0, 0, time.UTC)).Hours() / 24)
		doy := float64(t.YearDay() - 1)
		return y + doy/days, y + (doy+1)/days
	}
	return 0, 0
}

// eventGroups gathers the event kinds of the schema into the classes
// the timeline colours, one palette colour each, in a fixed order.
var eventGroups = []struct {
	label string
	kinds []study.EventKind
}{
	{"founding, emergence", []study.EventKind{study.Founding, study.Emergence, study.Resurgence}},
	{"merger, split, pledge", []study.EventKind{study.MergerEvent, study.SplitEvent, study.PledgeEvent}},
	{"announcement", []study.EventKind{study.Announcement}},
	{"invasion, military operation", []study.EventKind{study.Invasion, study.MilitaryOperation, study.Arrest}},
	{"attack", []study.EventKind{study.Attack}},
	{"takeover, withdrawal", []study.EventKind{study.Takeover, study.Withdrawal}},
}

func eventGroup(kind study.EventKind) int {
	for i, g := range eventGroups {
		for _, k := range g.kinds {
			if k == kind {
				return i
			}
		}
	}
	return -1
}

// groupColor skips the palette's yellow, too pale for thin marks on white.
func groupColor(i int) color.Color {
	return figure.Color([]int{0, 1, 2, 4, 5, 6, 7}[i%7])
}

func eventKindColor(kind study.EventKind) color.Color {
	if g := eventGroup(kind); g >= 0 {
		return groupColor(g)
	}
	return figure.Grey
}

// intervals is a plotter of one horizontal bar per row: the span of the
// row's date, from its start to its end.
type intervals struct {
	rows   []intervalRow
	height float64 // bar height in row units
}

type intervalRow struct {
	from, to float64
	color    color.Color
}

func (iv intervals) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	for i, r := range iv.rows {
		y := float64(len(iv.rows) - 1 - i)
		x0, x1 := tx(r.from), tx(r.to)
		if x1-x0 < vg.Points(2) { // a day: draw at least a visible tick
			mid := (x0 + x1) / 2
			x0, x1 = mid-vg.Points(1), mid+vg.Points(1)
		}
		y0, y1 := ty(y-iv.height/2), ty(y+iv.height/2)
		c.FillPolygon(r.color, []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}})
	}
}

func (iv intervals) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax = 2001, 2026
	for _, r := range iv.rows {
		if r.from < xmin {
			xmin = r.from
		}
		if r.to > xmax {
			xmax = r.to
		}
	}
	return xmin, xmax, -0.5, float64(len(iv.rows)) - 0.5
}

// swatch is a legend thumbnail: a filled square of one colour.
type swatch struct{ color color.Color }

func (s swatch) Thumbnail(c *draw.Canvas) {
	r := c.Rectangle
	c.FillPolygon(s.color, []vg.Point{r.Min, {X: r.Max.X, Y: r.Min.Y}, r.Max, {X: r.Min.X, Y: r.Max.Y}})
}

// yearTicks labels every fifth year and marks every year.
type yearTicks struct{}

func (yearTicks) Ticks(min, max float64) []plot.Tick {
	var ts []plot.Tick
	for y := int(min); float64(y) <= max; y++ {
		t := plot.Tick{Value: float64(y)}
		if y%5 == 0 {
			t.Label = strconv.Itoa(y)
		}
		ts = append(ts, t)
	}
	return ts
}

// The years the timeline figure (F2) spans.
const timelineFrom, timelineTo = 2001, 2026

// qualifiedSpan is the span of an event's date on an axis from min to
// max: Span of the date, through the end of date_end for a period; for a
// date the paper only bounds, the open side runs to the axis edge ("after
// 2020" from the end of 2020 to max, "before 2014" from min to the start
// of 2014, "by 2007" from min to the end of 2007).
func qualifiedSpan(e study.Event, min, max float64) (from, to float64) {
	from, to = Span(e.Date)
	if !e.End.IsZero() {
		_, to = Span(e.End)
	}
	switch e.DateQualifier {
	case "after":
		from, to = to, max
	case "before":
		from, to = min, from
	case "by":
		from = min
	}
	return from, to
}

// TimelineFigure is F2: every dated event from 2001 to 2025, one row
// each in date order. Each bar covers exactly the span the paper's date
// gives, so a year-precise date is a year wide and a day-precise one a
// thin mark: the figure shows how precisely the paper dates each event. A
// date the paper only bounds ("after 2020") runs to the edge of the axis.
func TimelineFigure(s *study.Study) (*plot.Plot, error) {
	p := figure.New()
	p.Title.Text = "Timeline of dated events, 2001–2025 (bar width = precision of the paper's date)"
	events := SortedEvents(s)
	var iv intervals
	iv.height = 0.55
	names := make([]string, len(events))
	groups := map[int]bool{}
	for i, e := range events {
		from, to := qualifiedSpan(e, timelineFrom, timelineTo)
		iv.rows = append(iv.rows, intervalRow{from: from, to: to, color: eventKindColor(e.Kind)})
		names[len(events)-1-i] = e.Title + "  (" + e.DateLabel() + ")"
		groups[eventGroup(e.Kind)] = true
	}
	g := plotter.NewGrid()
	g.Vertical = figure.GridStyle()
	g.Horizontal.Color = nil
	p.Add(g, iv)
	figure.Nominal(&p.Y, names...)
	p.X.Label.Text = "Year"
	p.X.Min, p.X.Max = timelineFrom, timelineTo
	p.X.Tick.Marker = yearTicks{}
	for i, g := range eventGroups {
		if groups[i] {
			p.Legend.Add(g.label, swatch{groupColor(i)})
		}
	}
	// Top right: the early events of the first rows end by 2016, so the
	// corner is free of bars (TestTimelineLegendClear).
	p.Legend.Top = true
	p.Legend.Left = false
	return p, nil
}

// ThemeDimensionCounts counts, for each theme (rows, in paper order) and
// each cooperation dimension of the codebook (columns, in codebook order),
// the interview excerpts printed under the theme that are coded with the
// dimension.
func ThemeDimensionCounts(s *study.Study) (values [][]float64, rows, cols []string) {
	var dims []study.Code
	for _, c := range s.Codes {
		if c.Kind == "dimension" {
			dims = append(dims, c)
			cols = append(cols, c.Label)
		}
	}
	themes := append([]study.Theme(nil), s.Themes...)
	sort.Slice(themes, func(i, j int) bool { return themes[i].Order < themes[j].Order })
	for _, th := range themes {
		rows = append(rows, fmt.Sprintf("%s %s", th.ID, NexusLabel(th.Nexus)))
		row := make([]float64, len(dims))
		for _, ex := range s.Excerpts {
			if ex.Theme != th.ID {
				continue
			}
			for j, d := range dims {
				for _, c := range ex.Codes {
					if c == d.ID {
						row[j]++
					}
				}
			}
		}
		values = append(values, row)
	}
	return values, rows, cols
}

// ThemeDimensions is F3: the theme × cooperation-dimension matrix, a
// heatmap of ThemeDimensionCounts with the counts printed.
func ThemeDimensions(s *study.Study) (*plot.Plot, error) {
	values, rows, cols := ThemeDimensionCounts(s)
	m, err := figure.NewMatrix(values, rows, cols)
	if err != nil {
		return nil, err
	}
	p := figure.New()
	p.Title.Text = "Interview excerpts per theme coded with each cooperation dimension"
	m.AddTo(p)
	figure.RotateX(p, 35)
	return p, nil
}

var referenceKinds = []study.RefKind{study.JournalArticle, study.Book, study.Chapter, study.Report, study.News, study.Web}

// ReferenceCounts counts the listed references by year of publication
// (rows, every year from the oldest to the newest) and kind (columns, in
// the order of referenceKinds).
func ReferenceCounts(s *study.Study) (years []int, kinds []study.RefKind, counts [][]float64) {
	if len(s.References) == 0 {
		return nil, referenceKinds, nil
	}
	lo, hi := s.References[0].Year, s.References[0].Year
	for _, r := range s.References {
		lo, hi = min(lo, r.Year), max(hi, r.Year)
	}
	for y := lo; y <= hi; y++ {
		years = append(years, y)
	}
	counts = make([][]float64, len(years))
	for i := range counts {
		counts[i] = make([]float64, len(referenceKinds))
	}
	for _, r := range s.References {
		for j, k := range referenceKinds {
			if r.Kind == k {
				counts[r.Year-lo][j]++
			}
		}
	}
	return years, referenceKinds, counts
}

// ReferenceYears is F4: the listed references by year of publication,
// stacked by kind.
func ReferenceYears(s *study.Study) (*plot.Plot, error) {
	years, kinds, counts := ReferenceCounts(s)
	p := figure.New()
	p.Title.Text = fmt.Sprintf("The %d listed references by year of publication and kind", len(s.References))
	p.Y.Label.Text = "References"
	g := plotter.NewGrid()
	g.Horizontal = figure.GridStyle()
	g.Vertical.Color = nil
	p.Add(g)
	var below *plotter.BarChart
	w := (figure.FullWidth - 2*vg.Centimeter) / vg.Length(len(years)+1) * 0.8
	for j, k := range kinds {
		vals := make(plotter.Values, len(years))
		for i := range years {
			vals[i] = counts[i][j]
		}
		b, err := plotter.NewBarChart(vals, w)
		if err != nil {
			return nil, err
		}
		b.Color = groupColor(j)
		b.LineStyle.Width = 0
		if below != nil {
			b.StackOn(below)
		}
		below = b
		p.Add(b)
		p.Legend.Add(string(k), b)
	}
	labels := make([]string, len(years))
	for i, y := range years {
		if y%5 == 0 {
			labels[i] = strconv.Itoa(y)
		}
	}
	p.NominalX(labels...)
	p.X.Label.Text = "Year of publication"
	p.Legend.Left = true
	p.Legend.Top = true
	return p, nil
}
