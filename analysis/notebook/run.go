package notebook

import (
	"context"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/nexus-toolkit/nexus/analysis/build"
	"github.com/nexus-toolkit/nexus/analysis/notebook/cell"
)

// The limits of a notebook program when neither Options nor the front
// matter set them.
const (
	// DefaultTimeout is how long a notebook program may run.
	DefaultTimeout = 2 * time.Minute
	// DefaultMaxOutput is the most output, in bytes, that one cell may
	// produce: what it prints and its tables, figures and Markdown.
	DefaultMaxOutput int64 = 1 << 20
	// DefaultMaxTotalOutput is the most output, in bytes, that all the
	// cells of a notebook may produce together; it bounds the renderer's
	// memory, which holds a notebook's outputs several times over while it
	// renders them.
	DefaultMaxTotalOutput int64 = 16 << 20
)

// Limits bound one run of a notebook program.
type Limits struct {
	// Timeout stops the program when it runs longer; DefaultTimeout when 0.
	Timeout time.Duration
	// MaxOutput stops the program when one cell produces more bytes of
	// output; DefaultMaxOutput when 0.
	MaxOutput int64
	// MaxTotalOutput stops the program when all its cells together produce
	// more bytes of output; DefaultMaxTotalOutput when 0.
	MaxTotalOutput int64
	// Unconfined lets a notebook program run when the system cannot
	// confine it (see the trust model in the package doc), with all the
	// rights of the user; its rendered notebook says so. Without it such a
	// render fails with a *ConfinementError.
	Unconfined bool
}

// limits returns the limits of nb: its front matter's, else lim's, else
// the defaults.
func (lim Limits) of(nb *Notebook) Limits {
	if nb.Timeout > 0 {
		lim.Timeout = nb.Timeout
	}
	if nb.MaxOutput > 0 {
		lim.MaxOutput = nb.MaxOutput
	}
	if lim.Timeout <= 0 {
		lim.Timeout = DefaultTimeout
	}
	if nb.MaxTotalOutput > 0 {
		lim.MaxTotalOutput = nb.MaxTotalOutput
	}
	if lim.MaxOutput <= 0 {
		lim.MaxOutput = DefaultMaxOutput
	}
	if lim.MaxTotalOutput <= 0 {
		lim.MaxTotalOutput = DefaultMaxTotalOutput
	}
	return lim
}

// Output is one output of a cell.
type Output struct {
	// Kind is "text" (what the cell printed), "markdown", "table"
	// (GitHub-flavoured Markdown) or "figure" (SVG).
	Kind string `json:"kind"`
	// Text is the content.
	Text string `json:"text"`
	// Evidence is, for a table whose cells know the rows of data they
	// came from, the evidence of each such cell (see cell.Table).
	Evidence []cell.Evidence `json:"evidence,omitempty"`
	// PNG is, for a figure, the figure as PNG at cell.FigureDPI.
	PNG []byte `json:"png,omitempty"`
}

// Result is what one run of a notebook produced: the outputs of each cell,
// indexed by Cell.Index-1, the value of each inline value of the prose,
// indexed by Inline.Index, and the claims that held, in the order the
// program checked them.
type Result struct {
	// Unconfined is set when the program ran without the operating
	// system's confinement (Limits.Unconfined).
	Unconfined bool       `json:"unconfined,omitempty"`
	Cells      [][]Output `json:"cells"`
	Inline     []string   `json:"inline,omitempty"`
	Claims     []Claim    `json:"claims,omitempty"`
	why        string     // why it ran unconfined (not stored)
}

// Claim is a claim of the prose that a cell checked with cell.Claim and
// that held.
type Claim struct {
	// Line is the notebook line of the cell.Claim call.
	Line int `json:"line"`
	// Text is the claim as the prose makes it.
	Text string `json:"text"`
}

// errTimeout and errOutputCap are the causes of a stopped run.
var (
	errTimeout   = errors.New("timeout")
	errOutputCap = errors.New("output cap")
)

// ScratchParent is the directory under the compendium's root that holds
// the scratch directories of programs built inside its module: each
// notebook program's, and the preview server's (package launch). A
// scratch directory is locked while in use, and the next run removes one
// a killed run left.
func ScratchParent(root string) string { return filepath.Join(root, cacheDir, "run") }

// Execute compiles the notebook's evaluated cells into one program (see
// Program; imports are resolved with no study packages, as for
// Options{Root: root}) in a scratch directory of its own under root/.nexus-cache/run/ (so parallel
// renders never share one), builds it with the go command inside the
// repository module and runs it with root as working directory, a
// scrubbed environment, no network where the system allows it, and the
// limits lim (or the front matter's). Ending ctx kills the program and
// everything it started. A compile or run error, a timeout and a cell
// that passes the output cap are returned as Problems at notebook lines.
func Execute(ctx context.Context, root string, nb *Notebook, lim Limits) (*Result, error) {
	src, err := Program(Options{Root: root}, nb)
	if err != nil {
		return nil, err
	}
	return execute(ctx, root, nb, lim, src)
}

// execute builds and runs src, the program of nb, as Execute describes.
func execute(ctx context.Context, root string, nb *Notebook, lim Limits, src []byte) (*Result, error) {
	lim = lim.of(nb)
	parent := ScratchParent(root)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	build.CleanStale(parent)
	dir, release, err := build.Scratch(parent, build.ScratchPrefix)
	if err != nil {
		return nil, err
	}
	defer release()
	bin, err := compile(ctx, dir, nb, src)
	if err != nil {
		return nil, err
	}
	// The mark only keeps what a cell prints apart from the records of
	// its outputs (the program reads it from its environment), so it need
	// not be secret: math/rand/v2's generator, seeded by the runtime from
	// the system's entropy, serves, and bin/nexus links no crypto/rand
	// (and so no math/big).
	var nonce [12]byte
	binary.LittleEndian.PutUint64(nonce[:8], rand.Uint64())
	binary.LittleEndian.PutUint32(nonce[8:], rand.Uint32())
	mark := hex.EncodeToString(nonce[:])
	runCtx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	runCtx, cancelTimeout := context.WithTimeoutCause(runCtx, lim.Timeout, errTimeout)
	defer cancelTimeout()
	out := newStream(len(nb.Cells), mark, lim.MaxOutput, func() { cancel(errOutputCap) })
	out.maxTotal = lim.MaxTotalOutput
	if out.spool, err = spoolFile(parent); err != nil {
		return nil, err
	}
	defer out.spool.Close()
	pol, tmp, err := programPolicy(root, dir, nb)
	if err != nil {
		return nil, err
	}
	l := launch(pol, lim.Unconfined, func() *exec.Cmd {
		c := exec.CommandContext(runCtx, bin)
		c.Dir = root
		c.Env = scrubbedEnv(goEnv, cell.MarkEnv+"="+mark, cell.DatasetEnv+"="+nb.Dataset, "GOTRACEBACK=single", "TMPDIR="+tmp)
		c.Stdout, c.Stderr = out, out
		c.WaitDelay = 2 * time.Second
		return c
	})
	if l.startErr != nil {
		return nil, fmt.Errorf("%s: starting the notebook program: %w", nb.Path, l.startErr)
	}
	runErr := l.runErr
	if err := out.Close(); err != nil {
		return nil, fmt.Errorf("%s: spooling the notebook's output: %v", nb.Path, err)
	}
	out.res.Unconfined, out.res.why = l.unconfined != "", l.unconfined
	if out.over == 0 && runErr == nil && out.errMsg == "" {
		return out.res, nil
	}
	if err := stopped(nb, out, runCtx, lim); err != nil {
		return nil, err
	}
	return nil, runProblem(nb, out.res, out.cur, out.pre.String(), out.errMsg, runErr)
}

// compile writes the notebook's program src into dir and builds it there
// with the go command, confined and with the Go variables of the
// environment only. It returns the executable.
func compile(ctx context.Context, dir string, nb *Notebook, src []byte) (string, error) {
	file := filepath.Join(dir, "main.go")
	if err := os.WriteFile(file, src, 0o644); err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "notebook")
	// -s -w: no symbol or DWARF tables, which only a debugger reads
	// (tracebacks use the line table, which stays), so the link, the
	// larger part of a build whose packages are cached, is faster; and
	// a program built before is not linked again (build.GoBuildArgs).
	cmd := exec.CommandContext(ctx, "go", build.GoBuildArgs(bin, "main.go", "-trimpath", "-ldflags=-s -w")...)
	cmd.Dir = dir
	// CGO_ENABLED=0: a static program, which needs no shared library
	// (and so no right to any) under its confinement; the Makefile builds
	// bin/nexus with the same setting, so one build cache serves both.
	cmd.Env = scrubbedEnv(append(append([]string(nil), goEnv...), proxyEnv...), "CGO_ENABLED=0")
	confine(cmd, false)
	runtime.LockOSThread()
	out, err := cmd.CombinedOutput()
	runtime.UnlockOSThread()
	switch {
	case ctx.Err() != nil:
		return "", fmt.Errorf("%s: interrupted while building the notebook program: %v", nb.Path, context.Cause(ctx))
	case err != nil && len(out) == 0:
		return "", fmt.Errorf("%s: go build: %v", nb.Path, err)
	case err != nil:
		return "", compileProblems(nb, string(out))
	}
	return bin, nil
}

// stopped returns the error of a run that was stopped: by the output cap,
// by the timeout or because the caller's context ended; nil otherwise.
func stopped(nb *Notebook, out *stream, ctx context.Context, lim Limits) error {
	cause := context.Cause(ctx)
	if out.over != 0 {
		cause = errOutputCap
	}
	switch {
	case cause == nil:
		return nil
	case errors.Is(cause, errOutputCap):
		c := nb.Cells[out.over-1]
		if out.overTotal {
			return Problems{problem(nb.Path, c.CodeLine, 0, withCell(nb, c.CodeLine, fmt.Sprintf(
				"the notebook's output passed the cap of %s for all cells together in this cell and the program was stopped, expected at most %s in all (raise it with max-total-output: in the front matter or nexus render -max-total-output)",
				FormatSize(lim.MaxTotalOutput), FormatSize(lim.MaxTotalOutput))))}
		}
		return Problems{problem(nb.Path, c.CodeLine, 0, withCell(nb, c.CodeLine, fmt.Sprintf(
			"the cell's output passed the cap of %s and the program was stopped, expected at most %s per cell (raise it with max-output: in the front matter or nexus render -max-output)",
			FormatSize(lim.MaxOutput), FormatSize(lim.MaxOutput))))}
	case errors.Is(cause, errTimeout):
		line := 0
		if out.cur >= 1 && out.cur <= len(nb.Cells) {
			line = nb.Cells[out.cur-1].CodeLine
		}
		return Problems{problem(nb.Path, line, 0, withCell(nb, line, fmt.Sprintf(
			"the notebook ran longer than its timeout of %v and was stopped in this cell, expected it to finish in time (raise it with timeout: in the front matter or nexus render -timeout)", lim.Timeout)))}
	}
	return fmt.Errorf("%s: interrupted, the notebook program was killed: %v", nb.Path, cause)
}

var lineRE = regexp.MustCompile(`^(\d+)(?::\d+)?: `)

// runProblem reports a failed run at the notebook line where it failed:
// the line an error record names, else the first notebook line in the
// failing cell's output (a stack trace), else the failing cell's first line.
// pre is what the program printed before its first cell, where a
// package's init failed.
func runProblem(nb *Notebook, res *Result, cur int, pre, msg string, runErr error) error {
	printed := ""
	if cur < 1 {
		printed = pre
	}
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
	msg = refusedHint(msg)
	if tail := lastLines(printed, 20); tail != "" {
		msg += "\n\toutput of the cell:\n\t\t" + strings.ReplaceAll(tail, "\n", "\n\t\t")
	}
	return Problems{problem(nb.Path, line, 0, withCell(nb, line, msg))}
}

// lastLines returns the last n lines of s, without the final newline.
func lastLines(s string, n int) string {
	ls := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(ls) > n {
		ls = ls[len(ls)-n:]
	}
	return strings.Join(ls, "\n")
}
