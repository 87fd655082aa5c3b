package layout

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/graph"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// karate reads Zachary's karate club (testdata/karate.txt, exported from
// NetworkX's karate_club_graph), nodes named k00 to k33.
func karate(t testing.TB) *graph.Graph {
	t.Helper()
	f, err := os.Open("testdata/karate.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var edges []graph.Edge
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		var u, v int
		if _, err := fmt.Sscan(sc.Text(), &u, &v); err != nil {
			t.Fatal(err)
		}
		edges = append(edges, graph.Edge{Source: fmt.Sprintf("k%02d", u), Target: fmt.Sprintf("k%02d", v), Weight: 1})
	}
	g, err := graph.Build(nil, edges, graph.BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if g.N() != 34 || len(g.Links) != 78 {
		t.Fatalf("karate club: %d nodes, %d links, want 34 and 78", g.N(), len(g.Links))
	}
	return g
}

func build(t testing.TB, pairs ...string) *graph.Graph {
	t.Helper()
	var edges []graph.Edge
	for _, p := range pairs {
		u, v, _ := strings.Cut(p, "-")
		edges = append(edges, graph.Edge{Source: u, Target: v, Weight: 1})
	}
	g, err := graph.Build(nil, edges, graph.BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func dist(p, q Point) float64 { return math.Hypot(p.X-q.X, p.Y-q.Y) }

// checkSane fails on a NaN or infinite coordinate and on two nodes closer
// than minGap.
func checkSane(t *testing.T, pos []Point, minGap float64) {
	t.Helper()
	for i, p := range pos {
		if math.IsNaN(p.X) || math.IsNaN(p.Y) || math.IsInf(p.X, 0) || math.IsInf(p.Y, 0) {
			t.Fatalf("node %d at %v", i, p)
		}
		for j := i + 1; j < len(pos); j++ {
			if d := dist(p, pos[j]); d < minGap {
				t.Fatalf("nodes %d and %d are %g apart, want at least %g", i, j, d, minGap)
			}
		}
	}
}

// A path and a triangle can be drawn with every distance exact (stress
// 0): the path on a line with unit steps, the triangle equilateral.
func TestStressExactDrawings(t *testing.T) {
	path := build(t, "a-b", "b-c", "c-d", "d-e")
	pos, err := Stress(path, StressOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(pos); i++ {
		if d := dist(pos[i], pos[i+1]); math.Abs(d-1) > 1e-6 {
			t.Errorf("path: step %d is %g long, want 1", i, d)
		}
	}
	if d := dist(pos[0], pos[4]); math.Abs(d-4) > 1e-6 {
		t.Errorf("path: ends %g apart, want 4 (collinear)", d)
	}
	for _, p := range pos {
		if math.Abs(p.Y) > 1e-6 {
			t.Errorf("path: %v off the horizontal principal axis", p)
		}
	}
	tri, _ := Stress(build(t, "a-b", "b-c", "a-c"), StressOptions{})
	for i := range tri {
		for j := i + 1; j < len(tri); j++ {
			if d := dist(tri[i], tri[j]); math.Abs(d-1) > 1e-6 {
				t.Errorf("triangle: %d-%d %g apart, want 1", i, j, d)
			}
		}
	}
	if e, _ := Energy(path, pos, StressOptions{}); e > 1e-10 {
		t.Errorf("path: stress %g, want 0", e)
	}
}

// Stress majorization never raises the stress: each sweep is at most the
// one before (Gansner, Koren and North 2004, section 2.2).
func TestStressNeverRises(t *testing.T) {
	g := karate(t)
	prev := math.Inf(1)
	for it := 1; it <= 30; it++ {
		pos, err := Stress(g, StressOptions{Iterations: it, Tolerance: 1e-300})
		if err != nil {
			t.Fatal(err)
		}
		e, _ := Energy(g, pos, StressOptions{})
		if e > prev*(1+1e-12) {
			t.Fatalf("after %d sweeps the stress is %g, after %d it was %g", it, e, it-1, prev)
		}
		prev = e
	}
	final, _ := Stress(g, StressOptions{})
	rings := CoreRings(g)
	ef, _ := Energy(g, final, StressOptions{})
	er, _ := Energy(g, rings, StressOptions{})
	if ef >= er {
		t.Errorf("stress layout %g is not below the k-core rings' %g", ef, er)
	}
}

// The karate club: no NaN, no two members within a tenth of a link, the
// same bits under any GOMAXPROCS and from concurrent calls, and the
// positions of testdata/karate_stress.golden.
func TestStressKarate(t *testing.T) {
	g := karate(t)
	pos, err := Stress(g, StressOptions{})
	if err != nil {
		t.Fatal(err)
	}
	checkSane(t, pos, 0.1)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, procs := range []int{1, 2, 8} {
		runtime.GOMAXPROCS(procs)
		var wg sync.WaitGroup
		got := make([][]Point, 4)
		for k := range got {
			wg.Add(1)
			go func() {
				defer wg.Done()
				got[k], _ = Stress(g, StressOptions{})
			}()
		}
		wg.Wait()
		for _, q := range got {
			if !slices.Equal(q, pos) {
				t.Fatalf("GOMAXPROCS=%d: positions differ between runs", procs)
			}
		}
	}
	var b strings.Builder
	for i, p := range pos {
		fmt.Fprintf(&b, "%s %.6f %.6f\n", g.Nodes[i].ID, p.X, p.Y)
	}
	checkGolden(t, "testdata/karate_stress.golden", b.String())
}

func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("%s differs (go test -run %s -update rewrites it):\n%s", path, t.Name(), got)
	}
}

// Components that no path joins are laid out side by side, not on top of
// each other; a single node and an empty graph are at the origin.
func TestStressComponents(t *testing.T) {
	g := build(t, "a-b", "b-c", "c-a", "x-y", "y-z", "z-x", "p-q")
	pos, err := Stress(g, StressOptions{})
	if err != nil {
		t.Fatal(err)
	}
	checkSane(t, pos, 0.5)
	for _, n := range []int{0, 1} {
		var nodes []graph.Node
		if n == 1 {
			nodes = []graph.Node{{ID: "alone"}}
		}
		g, _ := graph.Build(nodes, nil, graph.BuildOptions{})
		pos, err := Stress(g, StressOptions{})
		if err != nil || len(pos) != n || (n == 1 && pos[0] != Point{}) {
			t.Errorf("%d nodes: %v, %v", n, pos, err)
		}
	}
}

// A Length gives weighted distances (strong ties drawn short), and one
// that returns a length that is not > 0 is refused with ErrLength.
func TestStressLength(t *testing.T) {
	edges := []graph.Edge{{Source: "a", Target: "b", Weight: 4}, {Source: "b", Target: "c", Weight: 1}}
	g, err := graph.Build(nil, edges, graph.BuildOptions{Weighting: graph.WeightSum})
	if err != nil {
		t.Fatal(err)
	}
	pos, err := Stress(g, StressOptions{Length: func(w float64) float64 { return 1 / w }})
	if err != nil {
		t.Fatal(err)
	}
	if d := dist(pos[0], pos[1]); math.Abs(d-0.25) > 1e-6 {
		t.Errorf("a-b of weight 4 is %g long, want 0.25", d)
	}
	_, err = Stress(g, StressOptions{Length: func(w float64) float64 { return w - 1 }})
	if !errors.Is(err, ErrLength) || !strings.Contains(err.Error(), "b–c") {
		t.Errorf("length 0: error %v, want ErrLength naming b–c", err)
	}
	if _, err := Energy(g, pos[:2], StressOptions{}); err == nil {
		t.Error("Energy accepted 2 positions for 3 nodes")
	}
}

func benchmarkStress(b *testing.B, g *graph.Graph) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Stress(g, StressOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStressKarate lays out a real network of the size of a
// figure: Zachary's karate club, 34 nodes and 78 ties.
func BenchmarkStressKarate(b *testing.B) { benchmarkStress(b, karate(b)) }

// BenchmarkStress500 and BenchmarkStress2k lay out G(n, m) graphs of 500
// nodes and 2,000 links and of 2,000 nodes and 8,000 links.
func BenchmarkStress500(b *testing.B) { benchmarkStress(b, randomGraph(b, 500, 2000)) }
func BenchmarkStress2k(b *testing.B)  { benchmarkStress(b, randomGraph(b, 2000, 8000)) }

func randomGraph(b *testing.B, n, m int) *graph.Graph {
	g, err := graph.Build(nil, graph.RandomEdges(n, m, 1), graph.BuildOptions{})
	if err != nil {
		b.Fatal(err)
	}
	return g
}

// On a ring of eight with two leaves f and g on one node, classical
// scaling puts the twins f and g on one point, where no sweep could part
// them; jitter moves the later one by a thousandth of a link and no other
// node, and Stress then draws them apart.
func TestJitterPartsTwins(t *testing.T) {
	g := build(t, "a-b", "b-c", "c-d", "d-e", "e-h", "h-i", "i-j", "j-a", "a-f", "a-g")
	d, err := distances(g, nil)
	if err != nil {
		t.Fatal(err)
	}
	n := g.N()
	fi, _ := g.Index("f")
	gi, _ := g.Index("g")
	x, y := classicalScaling(d, n)
	if dd := math.Hypot(x[fi]-x[gi], y[fi]-y[gi]); dd > 1e-9 {
		t.Fatalf("classical scaling puts the twins %g apart, expected them together", dd)
	}
	x0, y0 := slices.Clone(x), slices.Clone(y)
	jitter(x, y, d, n)
	if dd := math.Hypot(x[fi]-x[gi], y[fi]-y[gi]); dd < 5e-4 {
		t.Errorf("after jitter the twins are %g apart, want about 1e-3", dd)
	}
	for i := range n {
		if i != gi && (x[i] != x0[i] || y[i] != y0[i]) {
			t.Errorf("jitter moved node %d, which has no twin before it", i)
		}
	}
	pos, err := Stress(g, StressOptions{})
	if err != nil {
		t.Fatal(err)
	}
	checkSane(t, pos, 0.5)
}
