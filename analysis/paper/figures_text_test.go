package paper

import (
	"math"
	"path/filepath"
	"slices"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/nexus-toolkit/nexus/analysis/compendium"
	"github.com/nexus-toolkit/nexus/analysis/figure"
	"github.com/nexus-toolkit/nexus/analysis/study"
)

// Every figure of the paper, drawn at the size it is saved at, draws all
// of its text whole: inside the canvas, no string over another, and in
// the two matrices (F3, F6) no row or column label under the cells. The
// text is measured as drawn (figure.DrawnText), by the fonts the
// renderers use.
func TestFigureTextNotClipped(t *testing.T) {
	for _, dir := range datasetsDrawn(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			s, err := study.Load(dir)
			if err != nil {
				t.Fatal(err)
			}
			checkFigureText(t, s)
		})
	}
}

func checkFigureText(t *testing.T, s *study.Study) {
	plots := map[string]func(*study.Study) (*plot.Plot, error){
		"F1": AllianceNetworkFigure, "F2": TimelineFigure, "F3": ThemeDimensions,
		"F4": ReferenceYears, "F5": RankStability, "F6": CooccurrenceMap,
	}
	matrices := map[string]bool{"F3": true, "F6": true}
	n := 0
	for _, o := range Outputs() {
		fn, ok := plots[o.ID]
		if !ok {
			continue
		}
		n++
		p, err := fn(s)
		if err != nil {
			t.Fatal(err)
		}
		w, h := o.Width, o.Height
		boxes := figure.DrawnText(figure.Padded(p.Draw, figure.Margin), w, h)
		for i, b := range boxes {
			r := b.Bounds()
			if r.Min.X < -1e-9 || r.Min.Y < -1e-9 || r.Max.X > w+1e-9 || r.Max.Y > h+1e-9 {
				t.Errorf("%s: %q is drawn at %v, outside the canvas", o.ID, b.Text, r)
			}
			for _, c := range boxes[i+1:] {
				if quadsOverlap(b.Corners, c.Corners) {
					t.Errorf("%s: %q and %q overlap", o.ID, b.Text, c.Text)
				}
			}
		}
		if matrices[o.ID] {
			cells := p.DataCanvas(draw.Crop(draw.NewCanvas(nil, w, h), figure.Margin, -figure.Margin, figure.Margin, -figure.Margin)).Rectangle
			labels := append(slices.Clone(p.X.Tick.Marker.Ticks(p.X.Min, p.X.Max)), p.Y.Tick.Marker.Ticks(p.Y.Min, p.Y.Max)...)
			for _, b := range boxes {
				if !slices.ContainsFunc(labels, func(tk plot.Tick) bool { return tk.Label == b.Text }) {
					continue
				}
				for _, c := range b.Corners {
					if c.X > cells.Min.X && c.X < cells.Max.X && c.Y > cells.Min.Y && c.Y < cells.Max.Y {
						t.Errorf("%s: label %q reaches under the cells", o.ID, b.Text)
						break
					}
				}
			}
		}
	}
	if n != len(plots) {
		t.Errorf("%d figures checked, want %d", n, len(plots))
	}
}

// quadsOverlap reports whether two convex quadrilaterals share interior
// points (separating axis theorem: no edge normal of either separates
// them, by more than a hundredth of a point).
func quadsOverlap(a, b [4]vg.Point) bool {
	for _, q := range [][4]vg.Point{a, b} {
		for k := range 4 {
			p0, p1 := q[k], q[(k+1)%4]
			nx, ny := float64(p0.Y-p1.Y), float64(p1.X-p0.X)
			lo1, hi1 := project(a, nx, ny)
			lo2, hi2 := project(b, nx, ny)
			l := math.Hypot(nx, ny)
			if l == 0 {
				continue
			}
			if hi1 <= lo2+0.01*l || hi2 <= lo1+0.01*l {
				return false
			}
		}
	}
	return true
}

func project(q [4]vg.Point, nx, ny float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, p := range q {
		v := float64(p.X)*nx + float64(p.Y)*ny
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	return lo, hi
}

// F2's legend covers no bar: each entry, its swatch included, is clear of
// the bars drawn (the spans of the events, as TimelineFigure draws them).
func TestTimelineLegendClear(t *testing.T) {
	for _, dir := range datasetsDrawn(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			s, err := study.Load(dir)
			if err != nil {
				t.Fatal(err)
			}
			checkTimelineLegend(t, s)
		})
	}
}

func checkTimelineLegend(t *testing.T, s *study.Study) {
	p, err := TimelineFigure(s)
	if err != nil {
		t.Fatal(err)
	}
	var o compendium.Output
	for _, out := range Outputs() {
		if out.ID == "F2" {
			o = out
		}
	}
	w, h := o.Width, o.Height
	dc := p.DataCanvas(draw.Crop(draw.NewCanvas(nil, w, h), figure.Margin, -figure.Margin, figure.Margin, -figure.Margin))
	tx, ty := p.Transforms(&dc)
	events := SortedEvents(s)
	var bars []vg.Rectangle
	for i, e := range events {
		from, to := qualifiedSpan(e, timelineFrom, timelineTo)
		y := float64(len(events) - 1 - i)
		bars = append(bars, vg.Rectangle{Min: vg.Point{X: tx(from) - 1, Y: ty(y - 0.275)}, Max: vg.Point{X: tx(to) + 1, Y: ty(y + 0.275)}})
	}
	entries := 0
	for _, b := range figure.DrawnText(figure.Padded(p.Draw, figure.Margin), w, h) {
		if !slices.ContainsFunc(eventGroups, func(g struct {
			label string
			kinds []study.EventKind
		}) bool {
			return g.label == b.Text
		}) {
			continue
		}
		entries++
		r := b.Bounds()
		r.Min.X -= p.Legend.ThumbnailWidth + p.Legend.Padding
		for i, bar := range bars {
			if r.Min.X < bar.Max.X && bar.Min.X < r.Max.X && r.Min.Y < bar.Max.Y && bar.Min.Y < r.Max.Y {
				t.Errorf("legend entry %q covers the bar of %q", b.Text, events[i].Title)
			}
		}
	}
	if entries == 0 {
		t.Error("no legend entry drawn")
	}
}
