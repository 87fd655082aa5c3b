package notebook

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// nbformatScript validates each notebook named on the command line with
// nbformat (the reference implementation of the Jupyter notebook format)
// and prints one line per notebook: "ok PATH" or "invalid PATH: reason".
const nbformatScript = `
import sys
import nbformat
for path in sys.argv[1:]:
    try:
        nb = nbformat.read(path, as_version=4)
        nbformat.validate(nb)
        if (nb.nbformat, nb.nbformat_minor) != (4, 5):
            raise ValueError("nbformat %d.%d, expected 4.5" % (nb.nbformat, nb.nbformat_minor))
        print("ok", path)
    except Exception as e:
        print("invalid %s: %s" % (path, str(e).replace("\n", " ")[:400]))
`

// nbformatValidate runs nbformatScript on paths and returns its verdict for
// each path. Without Python's nbformat the test stops through
// testenv.Missing (a failure in CI).
func nbformatValidate(t *testing.T, paths ...string) map[string]string {
	t.Helper()
	py := testenv.Python(t, "nbformat", 0, "python3-nbformat", "the .ipynb validation")
	out, err := exec.Command(py, append([]string{"-c", nbformatScript}, paths...)...).Output()
	if err != nil {
		t.Fatalf("nbformat: %v", err)
	}
	verdict := map[string]string{}
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if p, ok := strings.CutPrefix(l, "ok "); ok {
			verdict[p] = "ok"
		} else if rest, ok := strings.CutPrefix(l, "invalid "); ok {
			p, why, _ := strings.Cut(rest, ": ")
			verdict[p] = why
		}
	}
	for _, p := range paths {
		if _, ok := verdict[p]; !ok {
			t.Errorf("%s: nbformat gave no verdict; it printed:\n%s", p, out)
		}
	}
	return verdict
}

// ipynbDoc is the part of a notebook the tests look into.
type ipynbDoc struct {
	Cells []struct {
		Type    string `json:"cell_type"`
		ID      string `json:"id"`
		Source  []string
		Count   *int `json:"execution_count"`
		Outputs []struct {
			Type string         `json:"output_type"`
			Data map[string]any `json:"data"`
		}
	}
}

// checkIpynb validates the notebooks with nbformat and checks that each
// has the code cells and figures of its Markdown twin.
func checkIpynb(t *testing.T, paths []string) {
	t.Helper()
	for p, v := range nbformatValidate(t, paths...) {
		if v != "ok" {
			t.Errorf("%s: nbformat: %s", p, v)
		}
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var doc ipynbDoc
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		md, err := os.ReadFile(strings.TrimSuffix(p, ".ipynb") + ".md")
		if err != nil {
			t.Fatal(err)
		}
		code, figs, tables := 0, 0, 0
		for _, c := range doc.Cells {
			if c.Type != "code" {
				continue
			}
			code++
			for _, o := range c.Outputs {
				if _, ok := o.Data["image/svg+xml"]; ok {
					figs++
					checkPNG(t, p, o.Data["image/png"])
				}
				if _, ok := o.Data["text/html"]; ok {
					tables++
				}
			}
		}
		if code == 0 {
			t.Errorf("%s: no code cells", p)
		}
		if want := strings.Count(string(md), "\n!["); figs < want {
			t.Errorf("%s: %d figures, the Markdown shows %d", p, figs, want)
		}
		t.Logf("%s: valid nbformat 4.5; %d cells, %d of code, %d figures, %d tables", p, len(doc.Cells), code, figs, tables)
	}
}

// TestIpynbRepository validates every notebook rendered in the
// repository's figures/notebooks as a Jupyter notebook.
func TestIpynbRepository(t *testing.T) {
	testenv.Short(t, "validates every rendered notebook with Jupyter's tools")
	t.Parallel()
	paths, _ := filepath.Glob(filepath.Join("..", "..", "figures", "notebooks", "*.ipynb"))
	mds, _ := filepath.Glob(filepath.Join("..", "..", "figures", "notebooks", "*.md"))
	if len(mds) == 0 {
		testenv.Missing(t, "no rendered notebooks under figures/notebooks (run make)")
	}
	if len(paths) != len(mds) {
		t.Errorf("%d .ipynb for %d rendered notebooks; run make", len(paths), len(mds))
	}
	checkIpynb(t, paths)
}

// TestIpynbDemo renders the demo notebook and checks its .ipynb: valid,
// the golden bytes, and the code, outputs and figure of each cell.
func TestIpynbDemo(t *testing.T) {
	testenv.Short(t, "compiles and runs notebook programs")
	t.Parallel()
	root := newRoot(t)
	if _, err := render(t, root, false, "01-demo.md"); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(root, "out", "01-demo.ipynb")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "01-demo.ipynb", b)
	checkIpynb(t, []string{path})
	var doc ipynbDoc
	json.Unmarshal(b, &doc)
	ids := map[string]bool{}
	for _, c := range doc.Cells {
		if ids[c.ID] {
			t.Errorf("cell id %q repeated", c.ID)
		}
		ids[c.ID] = true
	}
}

// TestIpynbValidationFails makes sure that the validation rejects a
// notebook nbformat does not accept: a code cell without outputs and with
// an id Jupyter forbids.
func TestIpynbValidationFails(t *testing.T) {
	testenv.Short(t, "validates notebooks with Jupyter's tools")
	t.Parallel()
	path := filepath.Join(t.TempDir(), "bad.ipynb")
	os.WriteFile(path, []byte(`{"cells": [{"cell_type": "code", "id": "no spaces allowed", "metadata": {}, "execution_count": null, "source": []}],
 "metadata": {}, "nbformat": 4, "nbformat_minor": 5}`), 0o644)
	if v := nbformatValidate(t, path)[path]; v == "ok" {
		t.Error("nbformat accepted a code cell without outputs")
	}
}

// checkPNG checks that a figure output carries its PNG copy: base64 of a
// PNG that decodes, at the size cell.FigureDPI gives a figure at least
// 3 inches wide.
func checkPNG(t *testing.T, path string, v any) {
	t.Helper()
	s, ok := v.(string)
	if !ok {
		t.Errorf("%s: a figure without its image/png copy", path)
		return
	}
	b, err := base64.StdEncoding.DecodeString(strings.TrimSpace(s))
	if err != nil {
		t.Errorf("%s: image/png: %v", path, err)
		return
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(b))
	if err != nil {
		t.Errorf("%s: image/png does not decode: %v", path, err)
		return
	}
	if cfg.Width < 3*144 {
		t.Errorf("%s: image/png is %d px wide, expected a figure at 144 dpi", path, cfg.Width)
	}
}
