package layout

import (
	"errors"
	"fmt"
	"math"

	"github.com/nexus-toolkit/nexus/analysis/graph"
)

// StressOptions controls Stress and Energy.
type StressOptions struct {
	// Length gives the wanted length of a link from its weight; the
	// distance of two nodes is then the shortest path by these lengths.
	// It must return a finite number > 0. Nil gives every link length 1,
	// so distances count links. For ties whose weight is a strength,
	// func(w float64) float64 { return 1 / w } draws strong ties short.
	Length func(weight float64) float64
	// Iterations caps the number of sweeps of stress majorization; 0
	// means DefaultIterations.
	Iterations int
	// Tolerance ends the sweeps once one lowers the stress by less than
	// this fraction; 0 means DefaultTolerance.
	Tolerance float64
}

// Defaults of StressOptions.
const (
	DefaultIterations = 300
	DefaultTolerance  = 1e-4 // as Gansner, Koren and North
)

// ErrLength wraps the error of a StressOptions.Length that returns a
// length that is not a finite number > 0.
var ErrLength = errors.New("link length is not a finite number > 0")

// Stress places the nodes of g (in node order) so that the distance of
// every two nodes in the plane is as close as it can be to their
// graph-theoretic distance: it minimises the stress
//
//	Σ_{i<j} d_ij⁻² (‖x_i − x_j‖ − d_ij)²
//
// by stress majorization (Gansner, Koren and North, "Graph drawing by
// stress majorization", Graph Drawing 2004, LNCS 3383), the energy of
// Kamada and Kawai's spring model. Unlike a force-directed simulation it
// has no temperature, no random start and no cut-off: a dense core spreads
// out by its own distances, and a node hanging on it sits at one link's
// length. Nodes that no path joins are given the distance of the longest
// shortest path plus one, so components sit side by side.
//
// The start is the classical (Torgerson) scaling of the distances, found
// by power iteration from a fixed vector, with a small fixed spiral added
// so that nodes with the same distances to all others (structural twins)
// do not start on the same point (the other nodes keep their start). Each sweep then moves the nodes one by
// one, in node order, to the minimum of the majorizing function (a
// Gauss-Seidel sweep), which can only lower the stress; the sweeps stop
// when the stress falls by less than opt.Tolerance or after
// opt.Iterations. The result is centred on the origin and turned so that
// its longest axis is horizontal; one unit is one link length.
//
// Everything runs on one goroutine in a fixed order, so the positions are
// bit-for-bit the same on every run and for any GOMAXPROCS. Time is
// O(n·m) for the distances and O(n²) per sweep; memory O(n²) (8 bytes per
// pair: 32 MB for 2,000 nodes), which suits a figure, not a map of a
// million nodes. A directed graph is laid out as its undirected view.
func Stress(g *graph.Graph, opt StressOptions) ([]Point, error) {
	n := g.N()
	pos := make([]Point, n)
	if n < 2 {
		return pos, nil
	}
	d, err := distances(g, opt.Length)
	if err != nil {
		return nil, err
	}
	iters, tol := opt.Iterations, opt.Tolerance
	if iters <= 0 {
		iters = DefaultIterations
	}
	if tol <= 0 {
		tol = DefaultTolerance
	}
	x, y := classicalScaling(d, n)
	jitter(x, y, d, n)
	s := stress(d, x, y, n)
	for it := 0; it < iters && s > 0; it++ {
		sweep(d, x, y, n)
		next := stress(d, x, y, n)
		if s-next < tol*s {
			s = next
			break
		}
		s = next
	}
	for i := range pos {
		pos[i] = Point{X: x[i], Y: y[i]}
	}
	canonical(pos)
	return pos, nil
}

// Energy returns the stress of the positions pos of the nodes of g (in
// node order), by the distances and weights that Stress minimises, so two
// layouts of one graph can be compared (lower is better; 0 means every
// distance is drawn exactly).
func Energy(g *graph.Graph, pos []Point, opt StressOptions) (float64, error) {
	n := g.N()
	if len(pos) != n {
		return 0, fmt.Errorf("layout: %d positions for %d nodes, expected one per node", len(pos), n)
	}
	if n < 2 {
		return 0, nil
	}
	d, err := distances(g, opt.Length)
	if err != nil {
		return 0, err
	}
	x, y := make([]float64, n), make([]float64, n)
	for i, p := range pos {
		x[i], y[i] = p.X, p.Y
	}
	return stress(d, x, y, n), nil
}

// stress is Σ_{i<j} d_ij⁻² (‖x_i − x_j‖ − d_ij)².
func stress(d, x, y []float64, n int) float64 {
	s := 0.0
	for i := 0; i < n; i++ {
		row := d[i*n : (i+1)*n]
		xi, yi := x[i], y[i]
		for j := i + 1; j < n; j++ {
			dx, dy := xi-x[j], yi-y[j]
			e := math.Sqrt(dx*dx+dy*dy)/row[j] - 1
			s += e * e
		}
	}
	return s
}

// sweep moves each node in turn to the minimum of the majorizing function
// of the stress with the other nodes held where they are:
//
//	x_i ← Σ_j w_ij (x_j + d_ij (x_i − x_j)/‖x_i − x_j‖) / Σ_j w_ij
//
// with w_ij = d_ij⁻². A node on the same point as another takes no
// direction from it.
func sweep(d, x, y []float64, n int) {
	for i := 0; i < n; i++ {
		row := d[i*n : (i+1)*n]
		var sx, sy, sw float64
		xi, yi := x[i], y[i]
		for j := 0; j < n; j++ {
			if j == i {
				continue
			}
			inv := 1 / row[j] // w_ij d_ij, with w_ij = d_ij⁻²
			w := inv * inv
			dx, dy := xi-x[j], yi-y[j]
			sx += w * x[j]
			sy += w * y[j]
			if dist := math.Sqrt(dx*dx + dy*dy); dist > 0 {
				f := inv / dist
				sx += f * dx
				sy += f * dy
			}
			sw += w
		}
		x[i], y[i] = sx/sw, sy/sw
	}
}

// canonical centres pos on the origin and turns it so that its principal
// axis is the x axis, the first node (in node order) off an axis on its
// negative side, so equal layouts that differ by a turn or a mirror come
// out the same.
func canonical(pos []Point) {
	var cx, cy float64
	for _, p := range pos {
		cx += p.X
		cy += p.Y
	}
	cx /= float64(len(pos))
	cy /= float64(len(pos))
	var sxx, syy, sxy float64
	for i := range pos {
		pos[i].X -= cx
		pos[i].Y -= cy
		sxx += pos[i].X * pos[i].X
		syy += pos[i].Y * pos[i].Y
		sxy += pos[i].X * pos[i].Y
	}
	theta := 0.5 * math.Atan2(2*sxy, sxx-syy)
	c, s := math.Cos(theta), math.Sin(theta)
	for i, p := range pos {
		pos[i] = Point{X: c*p.X + s*p.Y, Y: -s*p.X + c*p.Y}
	}
	const eps = 1e-9
	flipX, flipY := 1.0, 1.0
	for _, p := range pos {
		if math.Abs(p.X) > eps {
			if p.X > 0 {
				flipX = -1
			}
			break
		}
	}
	for _, p := range pos {
		if math.Abs(p.Y) > eps {
			if p.Y > 0 {
				flipY = -1
			}
			break
		}
	}
	for i := range pos {
		pos[i].X *= flipX
		pos[i].Y *= flipY
	}
}
