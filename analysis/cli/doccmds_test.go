package cli

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// docCommand is one command line of a code block of the README or a
// docs/ page.
type docCommand struct {
	where string // file:line
	line  string // the command, continuation lines joined, comment cut
}

// docPages are the pages whose code blocks' commands TestDocCommandsRun
// runs, the README first: its `make` builds bin/nexus for the others.
var docPages = []string{"README.md", "docs/contributor.md", "docs/researcher.md", "docs/reviewer.md"}

// notRunAsWritten are the command lines that TestDocCommandsRun does not
// run, each with the reason.
var notRunAsWritten = map[string]string{
	"make test": "it runs go test ./..., which runs this test: running it here would recurse; CI runs it (.ci/run)",
	"make DATASET=datasets/ttp-alliances/v1.0.0": "TestMakeDatasetSwitch (analysis/compendium) runs it, and the make that switches back, in a copy of the repository and checks every output",
}

// docCommands returns the `bin/nexus …` and `make …` lines of the code
// blocks of the pages, and those that are synopses (with placeholders
// such as DIR, optional parts [...] or alternatives a|b), which
// TestDocsCommandLine checks against the command registry instead.
func docCommands(t *testing.T, root string) (run, synopses []docCommand) {
	t.Helper()
	assign := regexp.MustCompile(`\b[A-Z][A-Z_]*=`)
	placeholder := regexp.MustCompile(`\b[A-Z][A-Z_]+\b|\[|\||\.\.\.`)
	for _, page := range docPages {
		f, err := os.Open(filepath.Join(root, page))
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		n, block := 0, false
		var cur *docCommand
		for sc.Scan() {
			n++
			l := sc.Text()
			if strings.HasPrefix(l, "```") {
				block = !block
				continue
			}
			if !block {
				continue
			}
			if cur != nil { // a continuation line
				cur.line += " " + strings.TrimSpace(l)
			} else if fields := strings.Fields(l); len(fields) > 0 && (fields[0] == "bin/nexus" || fields[0] == "make") {
				cur = &docCommand{where: page + ":" + strconv.Itoa(n), line: l}
			} else {
				continue
			}
			if strings.HasSuffix(cur.line, `\`) {
				cur.line = strings.TrimSuffix(cur.line, `\`)
				continue
			}
			if i := strings.Index(cur.line, " #"); i >= 0 {
				cur.line = cur.line[:i]
			}
			cur.line = strings.Join(strings.Fields(cur.line), " ")
			if placeholder.MatchString(assign.ReplaceAllString(cur.line, "")) {
				synopses = append(synopses, *cur)
			} else {
				run = append(run, *cur)
			}
			cur = nil
		}
		f.Close()
	}
	return run, synopses
}

// TestDocCommandsRun runs, in a git copy of the repository, every
// `bin/nexus …` and `make …` line of the code blocks of the README and
// the docs/ pages as a newcomer would type it, in page order, and
// requires each to succeed and the copy to be as committed afterwards
// (what the commands write to figures/ is byte-identical). The lines not
// run are the synopses (checked by TestDocsCommandLine) and those of
// notRunAsWritten, each with its reason, and repeats of a line already
// run (reviewer.md's `make verify` is the README's). `bin/nexus preview`
// runs with `-addr 127.0.0.1:0` added, since its fixed port may be taken
// on a shared machine, and is stopped once its page is served.
func TestDocCommandsRun(t *testing.T) {
	if testing.Short() {
		testenv.Missing(t, "-short was given, and TestDocCommandsRun runs make and every command of the docs in a copy of the repository")
	}
	testenv.LookPath(t, "make", "make")
	bash := testenv.LookPath(t, "bash", "bash")
	t.Parallel()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	cmds, synopses := docCommands(t, root)
	if len(cmds) < 5 || len(synopses) == 0 {
		t.Fatalf("found %d command lines and %d synopses in %s; the parser lost them", len(cmds), len(synopses), strings.Join(docPages, ", "))
	}
	for _, s := range synopses {
		t.Logf("%s: not run, a synopsis: %s", s.where, s.line)
	}
	seen := map[string]bool{}
	ran := map[string]string{}
	repo := gitRepoCopy(t)
	for _, c := range cmds {
		if first, ok := ran[c.line]; ok && !strings.HasPrefix(c.line, "make DATASET=") {
			t.Logf("%s: %s ran already, as %s", c.where, c.line, first)
			continue
		}
		ran[c.line] = c.where
		if why, ok := notRunAsWritten[c.line]; ok {
			seen[c.line] = true
			t.Logf("%s: not run: %s: %s", c.where, c.line, why)
			continue
		}
		ok := t.Run(c.where, func(t *testing.T) {
			if strings.Contains(c.line, "PAPER=paper.txt") || strings.Contains(c.line, "-paper paper.txt") {
				paper := testenv.Paper(t, "ullah-bano-2025-ttp-regional-alliances.txt", "the docs' quotes command reads your copy of the paper")
				b, err := os.ReadFile(paper)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(repo, "paper.txt"), b, 0o644); err != nil {
					t.Fatal(err)
				}
				defer os.Remove(filepath.Join(repo, "paper.txt"))
			}
			if strings.HasPrefix(c.line, "bin/nexus preview ") {
				runPreview(t, repo, strings.Replace(c.line, "bin/nexus preview ", "bin/nexus preview -addr 127.0.0.1:0 ", 1))
				return
			}
			cmd := exec.Command(bash, "-c", c.line)
			cmd.Dir = repo
			cmd.Env = testenv.Environ()
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("%s: %s: %v\n%s", c.where, c.line, err, out)
			}
		})
		if !ok && strings.HasPrefix(c.line, "make") {
			break // the commands after it need what it builds
		}
	}
	for line := range notRunAsWritten {
		if !seen[line] {
			t.Errorf("notRunAsWritten lists %q, which no page has any more", line)
		}
	}
	if st := git(t, repo, "status", "--porcelain"); st != "" {
		t.Errorf("the docs' commands changed the copy:\n%s", st)
	}
}

// runPreview starts the preview command line, waits for the URL it
// serves, fetches the page, and stops it with Ctrl-C (SIGINT), after which
// it must exit 0.
func runPreview(t *testing.T, repo, line string) {
	t.Helper()
	fields := strings.Fields(line)
	cmd := exec.Command(filepath.Join(repo, fields[0]), fields[1:]...)
	cmd.Dir = repo
	cmd.Env = testenv.Environ()
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	urls := make(chan string, 1)
	var said bytes.Buffer
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			said.WriteString(sc.Text() + "\n")
			if _, rest, ok := strings.Cut(sc.Text(), "serving "); ok {
				urls <- strings.Fields(rest)[0]
			}
		}
		close(urls)
	}()
	var url string
	select {
	case url = <-urls:
	case <-time.After(2 * time.Minute):
	}
	if url == "" {
		t.Fatalf("%s: served nothing:\n%s", line, said.String())
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s: GET %s: %v", line, url, err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !bytes.Contains(body, []byte("Figure 1")) {
		t.Errorf("%s: GET %s: %s, expected the rendered notebook:\n%.400s", line, url, resp.Status, body)
	}
	cmd.Process.Signal(syscall.SIGINT)
	if err := cmd.Wait(); err != nil {
		t.Errorf("%s: after Ctrl-C: %v\n%s", line, err, said.String())
	}
}
