package cli

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand/v2"
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

// killed is one writing command that TestKilledRunsLeaveNothing kills.
type killed struct {
	name string
	argv []string // the nexus arguments, or make's with make set
	make bool
	// prepare, when set, runs before every start: it gives the command
	// something to write (hash -w rewrites a hash made stale).
	prepare func(t *testing.T, repo string)
	// targets are the new paths (relative to the repository) that the
	// command makes and the test removes at the end.
	targets []string
}

// leftoverName matches what a killed nexus run may leave: a scratch
// directory (.nexus-tmp-*) or a temporary file or directory of an atomic
// write (.NAME.tmp-*).
var leftoverName = regexp.MustCompile(`^\.nexus-tmp-|^\..+\.tmp`)

// killRuns is how many times each command is killed; quickRuns how many
// times one that ends within half a second is (to hit its writes).
const (
	killRuns  = 5
	quickRuns = 40
)

// TestKilledRunsLeaveNothing kills each writing command (build, render,
// hash -w, export, qda export, qda import and make) with SIGKILL, at
// random moments of its run, in a git copy of the repository. After the
// kills git status shows nothing they left; after one complete run of the
// same command (make: a complete make, then a make with nothing to do)
// nothing they left is on disk; and at the end verify passes in the copy.
// The random moments come from a seed that the test logs and that
// NEXUS_KILL_SEED sets.
func TestKilledRunsLeaveNothing(t *testing.T) {
	if testing.Short() {
		testenv.Missing(t, "-short was given, and TestKilledRunsLeaveNothing kills every writing command in a copy of the repository")
	}
	testenv.LookPath(t, "make", "make")
	t.Parallel()
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("NEXUS_KILL_SEED"); s != "" {
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	t.Logf("kill moments from seed %d (NEXUS_KILL_SEED=%d repeats them)", seed, seed)
	rng := rand.New(rand.NewPCG(seed, 0))
	repo := gitRepoCopy(t)
	dataset := strings.TrimSpace(readFile(t, filepath.Join(repo, "DATASET")))
	coding := "datasets/examples/synthetic-coding/v1.1.0"
	qdpx := filepath.Join(t.TempDir(), "coding.qdpx")
	cmds := []killed{
		{name: "build", argv: []string{"build", "-out", "figures"}},
		{name: "render", argv: []string{"render", "-force", "notebooks/01-sample-and-method.md"}},
		{name: "hash -w", argv: []string{"hash", "-w", "--force", coding}, prepare: staleHash(coding)},
		{name: "export", argv: []string{"export", "--dataset", dataset, "--format", "gexf", "--out", "exports/network.gexf"}, targets: []string{"exports"}},
		{name: "qda export", argv: []string{"qda", "export", coding, "--out", qdpx}},
		{name: "qda import", argv: []string{"qda", "import", qdpx, "--out", "coding/imported"}, targets: []string{"coding"}},
		{name: "make", argv: []string{"-j2", "all"}, make: true},
	}
	for _, c := range cmds {
		t.Run(c.name, func(t *testing.T) {
			full := func() time.Duration {
				for _, tg := range c.targets {
					os.RemoveAll(filepath.Join(repo, tg))
				}
				if c.prepare != nil {
					c.prepare(t, repo)
				}
				start := time.Now()
				if out, err := startIn(t, repo, c).CombinedOutput(); err != nil {
					t.Fatalf("%s: %v\n%s", c.name, err, out)
				}
				return time.Since(start)
			}
			d := full()
			n := killRuns
			if d < 500*time.Millisecond {
				n = quickRuns
			}
			for i := range n {
				if c.prepare != nil {
					c.prepare(t, repo)
				}
				if i%2 == 0 {
					for _, tg := range c.targets {
						os.RemoveAll(filepath.Join(repo, tg)) // import refuses an existing directory
					}
				}
				killAt(t, startIn(t, repo, c), time.Duration(rng.Int64N(int64(d)+1)))
			}
			if st := visibleLeftovers(t, repo); st != "" {
				t.Errorf("after %d kills of %s, git status shows what they left:\n%s", n, c.name, st)
			}
			full()
			if c.make {
				plantLeftovers(t, repo)
				out, err := startIn(t, repo, killed{argv: []string{"-s", "all"}, make: true}).CombinedOutput()
				if err != nil || len(out) != 0 {
					t.Errorf("a make with nothing to do: %v\n%s", err, out)
				}
			}
			if left := leftovers(t, repo); len(left) > 0 {
				t.Errorf("after a complete %s, what killed runs left is still there: %s", c.name, strings.Join(left, ", "))
			}
			for _, tg := range c.targets {
				os.RemoveAll(filepath.Join(repo, tg))
			}
			if st := git(t, repo, "status", "--porcelain", "--untracked-files=all"); st != "" {
				t.Errorf("after a complete %s, git status is not clean:\n%s", c.name, st)
			}
		})
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(os.Args[0], "verify")
	cmd.Dir, cmd.Stdout, cmd.Stderr = repo, &stdout, &stderr
	cmd.Env = testenv.Environ("NEXUS_TEST_MAIN=1")
	if err := cmd.Run(); err != nil {
		t.Errorf("verify after the kills: %v\n%s%s", err, &stdout, &stderr)
	}
}

// startIn returns the command c in repo, in a process group of its own so
// that a kill reaches everything it started.
func startIn(t *testing.T, repo string, c killed) *exec.Cmd {
	t.Helper()
	var cmd *exec.Cmd
	if c.make {
		cmd = exec.Command(testenv.LookPath(t, "make", "make"), c.argv...)
		cmd.Env = testenv.Environ()
	} else {
		cmd = exec.Command(os.Args[0], c.argv...)
		cmd.Env = testenv.Environ("NEXUS_TEST_MAIN=1")
	}
	cmd.Dir = repo
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	return cmd
}

// killAt starts cmd and kills its process group with SIGKILL after d (or
// lets it finish first).
func killAt(t *testing.T, cmd *exec.Cmd, d time.Duration) {
	t.Helper()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	select {
	case <-done:
		return
	case <-time.After(d):
	}
	syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	<-done
	// A notebook program follows its killed render (parent-death signal);
	// give it the moment it takes.
	for deadline := time.Now().Add(10 * time.Second); childOfGroup(cmd.Process.Pid) && time.Now().Before(deadline); {
		time.Sleep(20 * time.Millisecond)
	}
}

// childOfGroup reports whether a live process is still in process group
// pgid.
func childOfGroup(pgid int) bool {
	return syscall.Kill(-pgid, 0) == nil
}

// leftovers returns the leftovers of killed runs under repo, but in .git,
// bin/ (make's own temporary files, which git ignores) and the notebook
// cache (whose partial entries are never read).
func leftovers(t *testing.T, repo string) []string {
	t.Helper()
	var left []string
	err := filepath.WalkDir(repo, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(repo, p)
		switch filepath.ToSlash(rel) {
		case ".git", "bin", ".nexus-cache":
			return filepath.SkipDir
		}
		if leftoverName.MatchString(d.Name()) {
			left = append(left, filepath.ToSlash(rel))
			if d.IsDir() {
				return filepath.SkipDir
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return left
}

// visibleLeftovers returns the lines of git status that name a leftover.
func visibleLeftovers(t *testing.T, repo string) string {
	t.Helper()
	var b strings.Builder
	for _, l := range strings.Split(git(t, repo, "status", "--porcelain", "--untracked-files=all"), "\n") {
		for _, part := range strings.Split(l, "/") {
			if leftoverName.MatchString(part) {
				fmt.Fprintln(&b, l)
				break
			}
		}
	}
	return b.String()
}

// plantLeftovers leaves in figures/ what SIGKILL leaves of a build and a
// render (scratch directories, temporary files, none locked), so that the
// make with nothing to do that follows must clean them.
func plantLeftovers(t *testing.T, repo string) {
	t.Helper()
	for _, p := range []string{"figures/.nexus-tmp-1/tbl-x.csv", "figures/.MANIFEST.tmp-2", "figures/notebooks/.nexus-tmp-3/01.md", "figures/notebooks/01-sample-and-method/.fig.svg.tmp-4"} {
		full := filepath.Join(repo, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte("partial"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// staleHash returns a prepare function that makes the first declared hash
// of the package dir stale, so that hash -w has a descriptor to rewrite.
func staleHash(dir string) func(t *testing.T, repo string) {
	re := regexp.MustCompile(`sha256:[0-9a-f]{64}`)
	return func(t *testing.T, repo string) {
		t.Helper()
		p := filepath.Join(repo, dir, "datapackage.json")
		b := readFile(t, p)
		loc := re.FindStringIndex(b)
		if loc == nil {
			t.Fatalf("%s declares no hash", p)
		}
		b = b[:loc[0]] + "sha256:" + strings.Repeat("0", 64) + b[loc[1]:]
		if err := os.WriteFile(p, []byte(b), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
