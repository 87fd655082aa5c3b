package notebook

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// proseOnly has nothing to run: prose, and a cell that is shown but not
// evaluated.
const proseOnly = "---\ntitle: Prose only\n---\n\nJust words, and a cell that is shown, not run:\n\n```go\n//| eval: false\nx := 1\n```\n\nThe end.\n"

// proseRoot is a root with proseOnly as notebooks/09-prose.md, parsed.
func proseRoot(t *testing.T) (string, *Notebook) {
	t.Helper()
	root := newRoot(t)
	path := filepath.Join(root, "notebooks", "09-prose.md")
	if err := os.WriteFile(path, []byte(proseOnly), 0o644); err != nil {
		t.Fatal(err)
	}
	nb, err := Parse(root, "notebooks/09-prose.md", []byte(proseOnly))
	if err != nil {
		t.Fatal(err)
	}
	return root, nb
}

// TestNothingToRun renders a notebook with nothing to evaluate, without
// a build, a run or a cache entry.
func TestNothingToRun(t *testing.T) {
	t.Parallel()
	root, nb := proseRoot(t)
	if evaluates(nb) {
		t.Fatal("evaluates reports something to run in a notebook without an evaluated cell or inline value")
	}
	log, err := render(t, root, true, "09-prose.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(log, "render notebooks/09-prose.md: ran") {
		t.Errorf("render's log: %q", log)
	}
	for _, dir := range []string{"out", "run"} {
		if ents, _ := os.ReadDir(filepath.Join(root, cacheDir, dir)); len(ents) > 0 {
			t.Errorf("%s/%s holds %d entries after a render with nothing to run", cacheDir, dir, len(ents))
		}
	}
	md, err := os.ReadFile(filepath.Join(root, "out", "09-prose.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Just words", "x := 1", "The end."} {
		if !strings.Contains(string(md), want) {
			t.Errorf("the rendered notebook lacks %q:\n%s", want, md)
		}
	}
}

// TestNothingToRunAsProgram: what a render with nothing to run gives is
// what the program of its cells (an empty program, run by Execute)
// gives.
func TestNothingToRunAsProgram(t *testing.T) {
	testenv.Short(t, "compiles and runs the empty program to compare")
	t.Parallel()
	root, nb := proseRoot(t)
	ran, err := Execute(context.Background(), root, nb, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	ran, err = roundTrip(nb, ran)
	if err != nil {
		t.Fatal(err)
	}
	short, err := roundTrip(nb, &Result{Cells: make([][]Output, len(nb.Cells))})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ran, short) {
		t.Errorf("the program gives %+v, the render without one %+v", ran, short)
	}
}
