package notebook

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"nexus/analysis/notebook/cell"
)

// RunTimeout is how long a notebook program may run before it is stopped.
const RunTimeout = 10 * time.Minute

// Output is one output of a cell.
type Output struct {
	// Kind is "text" (what the cell printed), "markdown", "table"
	// (GitHub-flavoured Markdown) or "figure" (SVG).
	Kind string `json:"kind"`
	// Text is the content.
	Text string `json:"text"`
}

// Result is what one run of a notebook produced: the outputs of each cell,
// indexed by Cell.Index-1.
type Result struct {
	Cells [][]Output `json:"cells"`
}

// Execute compiles the notebook's evaluated cells into one program under
// root/.nexus-cache/run/, builds it with the go command inside the
// repository module and runs it with root as working directory. A compile
// or run error is returned as Problems at notebook lines.
func Execute(root string, nb *Notebook, key string) (*Result, error) {
	dir := filepath.Join(root, cacheDir, "run", key[:16])
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	file := filepath.Join(dir, "main.go")
	src, err := Program(nb, root, file)
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(file, src, 0o644); err != nil {
		return nil, err
	}
	bin := filepath.Join(dir, "notebook")
	build := exec.Command("go", "build", "-trimpath", "-o", bin, "main.go")
	build.Dir = dir
	if out, err := build.CombinedOutput(); err != nil {
		if len(out) == 0 {
			return nil, fmt.Errorf("%s: go build: %v", nb.Path, err)
		}
		return nil, compileProblems(nb, string(out))
	}
	var nonce [12]byte
	rand.Read(nonce[:])
	mark := hex.EncodeToString(nonce[:])
	ctx, cancel := context.WithTimeout(context.Background(), RunTimeout)
	defer cancel()
	run := exec.CommandContext(ctx, bin)
	run.Dir = root
	run.Env = append(os.Environ(), cell.MarkEnv+"="+mark, cell.DatasetEnv+"="+nb.Dataset, "GOTRACEBACK=single")
	var out bytes.Buffer
	run.Stdout = &out
	run.Stderr = &out
	runErr := run.Run()
	if ctx.Err() != nil {
		runErr = fmt.Errorf("the notebook ran longer than %v and was stopped", RunTimeout)
	}
	res, cur, msg := parseStream(nb, out.Bytes(), mark)
	if runErr == nil && msg == "" {
		return res, nil
	}
	return nil, runProblem(nb, res, cur, msg, runErr)
}

// parseStream splits the program's output into the outputs of each cell.
// It returns the index of the last cell that began and the message of an
// error record, if any.
func parseStream(nb *Notebook, data []byte, mark string) (*Result, int, string) {
	res := &Result{Cells: make([][]Output, len(nb.Cells))}
	start := []byte(cell.RecordStart + mark)
	cur := 0
	var errMsg string
	add := func(kind, text string) {
		if cur < 1 || cur > len(res.Cells) || text == "" {
			return
		}
		outs := res.Cells[cur-1]
		if kind == "text" && len(outs) > 0 && outs[len(outs)-1].Kind == "text" {
			outs[len(outs)-1].Text += text
			return
		}
		res.Cells[cur-1] = append(outs, Output{Kind: kind, Text: text})
	}
	for len(data) > 0 {
		i := bytes.Index(data, start)
		if i < 0 {
			add("text", string(data))
			break
		}
		add("text", string(data[:i]))
		data = data[i+len(start):]
		end := bytes.IndexByte(data, '\n')
		if end < 0 {
			end = len(data)
		}
		kind, enc, _ := strings.Cut(string(data[:end]), " ")
		data = data[min(end+1, len(data)):]
		payload, err := base64.StdEncoding.DecodeString(enc)
		if err != nil {
			continue
		}
		switch kind {
		case cell.KindBegin:
			cur, _ = strconv.Atoi(string(payload))
		case cell.KindError:
			errMsg = string(payload)
		default:
			add(kind, string(payload))
		}
	}
	return res, cur, errMsg
}

var lineRE = regexp.MustCompile(`^(\d+)(?::\d+)?: `)

// runProblem reports a failed run at the notebook line where it failed:
// the line an error record names, else the first notebook line in the
// failing cell's output (a stack trace), else the failing cell's first line.
func runProblem(nb *Notebook, res *Result, cur int, msg string, runErr error) error {
	var printed string
	if cur >= 1 && cur <= len(res.Cells) {
		for _, o := range res.Cells[cur-1] {
			if o.Kind == "text" {
				printed += o.Text
			}
		}
	}
	line := 0
	if rest, ok := strings.CutPrefix(msg, nb.Path+":"); ok {
		if m := lineRE.FindStringSubmatch(rest); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = rest[len(m[0]):]
		}
	}
	if line == 0 {
		re := regexp.MustCompile(regexp.QuoteMeta(nb.Path) + `:(\d+)`)
		if m := re.FindStringSubmatch(printed); m != nil {
			line, _ = strconv.Atoi(m[1])
		}
	}
	if msg == "" {
		for _, l := range strings.Split(printed, "\n") {
			if strings.HasPrefix(l, "panic: ") || strings.HasPrefix(l, "fatal error: ") {
				msg = l
				break
			}
		}
	}
	if msg == "" {
		msg = "the program failed"
		if runErr != nil {
			msg = runErr.Error()
		}
	}
	if line == 0 && cur >= 1 && cur <= len(nb.Cells) {
		line = nb.Cells[cur-1].CodeLine
	}
	if tail := lastLines(printed, 20); tail != "" {
		msg += "\n\toutput of the cell:\n\t\t" + strings.ReplaceAll(tail, "\n", "\n\t\t")
	}
	return Problems{{File: nb.Path, Line: line, Msg: withCell(nb, line, msg)}}
}

// lastLines returns the last n lines of s, without the final newline.
func lastLines(s string, n int) string {
	ls := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(ls) > n {
		ls = ls[len(ls)-n:]
	}
	return strings.Join(ls, "\n")
}
