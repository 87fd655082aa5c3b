package paper

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/build"
	"github.com/nexus-toolkit/nexus/analysis/compendium"
	"github.com/nexus-toolkit/nexus/analysis/table"
	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// overfull matches TeX's report of a line wider than its box.
var overfull = regexp.MustCompile(`Overfull \\hbox \(([0-9.]+)pt too wide\)`)

// TestTablesCompile builds every table of the paper and compiles each
// .tex file with pdflatex and with lualatex under table.Preamble on a
// 17 cm text width (A4): no error, and no overfull box over 1 pt, which
// is what a journal's production checks. It needs TeX Live
// (texlive-latex-base, -recommended and -extra; .ci/run installs them).
func TestTablesCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles every table with two TeX engines; left out by -short")
	}
	engines := []string{
		testenv.LookPath(t, "pdflatex", "texlive-latex-base"),
		testenv.LookPath(t, "lualatex", "texlive-latex-base"),
	}
	dir := t.TempDir()
	outs, _, err := compendium.Outputs(datasetDir)
	if err != nil {
		t.Fatal(err)
	}
	var tables []build.Output
	for _, o := range outs {
		if strings.HasPrefix(o.Name, "tbl-") {
			tables = append(tables, o)
		}
	}
	if len(tables) == 0 {
		t.Fatal("the registry has no table")
	}
	if err := build.Run(tables, dir); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	var mu sync.Mutex
	var problems []string
	for _, o := range tables {
		for _, engine := range engines {
			wg.Add(1)
			go func() {
				defer wg.Done()
				sem <- struct{}{}
				defer func() { <-sem }()
				if p := compileTable(dir, o.Name, engine); p != "" {
					mu.Lock()
					problems = append(problems, p)
					mu.Unlock()
				}
			}()
		}
	}
	wg.Wait()
	for _, p := range problems {
		t.Error(p)
	}
}

// compileTable compiles dir/name.tex in a document of its own with
// engine, and returns what is wrong, or "".
func compileTable(dir, name, engine string) string {
	work, err := os.MkdirTemp(dir, "tex-")
	if err != nil {
		return err.Error()
	}
	doc := `\documentclass{article}
\usepackage[a4paper,textwidth=17cm,textheight=24.7cm]{geometry}
` + table.Preamble + `\begin{document}
\input{` + filepath.ToSlash(filepath.Join(dir, name+".tex")) + `}
\end{document}
`
	if err := os.WriteFile(filepath.Join(work, "doc.tex"), []byte(doc), 0o644); err != nil {
		return err.Error()
	}
	eng := filepath.Base(engine)
	cmd := exec.Command(engine, "-draftmode", "-interaction=nonstopmode", "-halt-on-error", "doc.tex")
	cmd.Dir = work
	out, runErr := cmd.CombinedOutput()
	log, err := os.ReadFile(filepath.Join(work, "doc.log"))
	if err != nil {
		return fmt.Sprintf("%s.tex: %s wrote no log: %v\n%s", name, eng, err, out)
	}
	var bad []string
	for _, l := range strings.Split(string(log), "\n") {
		if strings.HasPrefix(l, "! ") {
			bad = append(bad, l)
		}
		if m := overfull.FindStringSubmatch(l); m != nil {
			if pt, _ := strconv.ParseFloat(m[1], 64); pt > 1 {
				bad = append(bad, l)
			}
		}
	}
	if runErr != nil && len(bad) == 0 {
		bad = append(bad, runErr.Error())
	}
	if len(bad) > 0 {
		return fmt.Sprintf("%s.tex does not compile cleanly with %s at 17 cm: %s", name, eng, strings.Join(bad, "; "))
	}
	return ""
}
