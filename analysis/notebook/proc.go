package notebook

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
)

// goEnv are the environment variables that the go command and a Go
// program need; a notebook program gets these and nothing else of the
// renderer's environment, so secrets in the environment (tokens, keys)
// never reach a cell.
var goEnv = []string{
	"PATH", "HOME", "TMPDIR", "XDG_CACHE_HOME", "XDG_CONFIG_HOME",
	"GOROOT", "GOPATH", "GOCACHE", "GOMODCACHE", "GOENV", "GOFLAGS", "GOTOOLCHAIN",
	"GOPROXY", "GONOPROXY", "GOPRIVATE", "GONOSUMDB", "GOSUMDB", "GOINSECURE", "GOTMPDIR",
	"CGO_ENABLED",
}

// proxyEnv are passed to go build only, which may have to download a
// module; proxy URLs can carry credentials, so the program never sees them.
var proxyEnv = []string{"HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy"}

// scrubbedEnv returns the variables of names that are set in the
// environment, followed by extra ("NAME=value").
func scrubbedEnv(names []string, extra ...string) []string {
	var env []string
	for _, n := range names {
		if v, ok := os.LookupEnv(n); ok {
			env = append(env, n+"="+v)
		}
	}
	return append(env, extra...)
}

// isolation is 2 once a notebook program of this process ran in its
// network namespace, 1 once one ran without.
var isolation atomic.Int32

// NetworkIsolated reports whether the last notebook program of this
// process ran without network: false before the first program started and
// when one ran unconfined (Limits.Unconfined) on a system that refused
// the namespaces, or not on Linux.
func NetworkIsolated() bool { return isolation.Load() == 2 }

// policy is what a confined notebook program may do with files.
type policy struct {
	read  []string // trees it may read: the repository, GOROOT, the module cache
	write []string // trees it may read, change and execute in: its scratch directory
}

// launched is the outcome of launch.
type launched struct {
	startErr error // why the program did not start
	runErr   error // what waiting for it returned
	// unconfined says why the program ran without (part of) its
	// confinement, "" when it ran confined.
	unconfined string
}

// ConfinementError is the error of a render on a system that cannot
// confine notebook programs: it names what is missing.
type ConfinementError struct {
	Why string
}

func (e *ConfinementError) Error() string {
	return "cannot confine the notebook program: " + e.Why + "; expected a Linux system with Landlock (ABI 3 or later) and unprivileged user namespaces, or render with -unconfined (make UNCONFINED=1) to run it with all the rights of your user, which the rendered notebook and the MANIFEST then record"
}

// CanConfine reports whether this system can confine notebook programs:
// Landlock and the namespaces are available.
func CanConfine() bool {
	fd, err := newRuleset(policy{})
	closeRuleset(fd)
	return err == nil && namespaceProbe() == nil
}

// launch runs the program that newCmd makes, confined by p and in its
// namespaces (see confine), and waits for it. When the system cannot
// confine it, launch fails with a *ConfinementError, unless
// allowUnconfined, when it runs the program with what the system allows
// and says why in launched.unconfined.
func launch(p policy, allowUnconfined bool, newCmd func() *exec.Cmd) launched {
	var why []string
	ruleset, err := newRuleset(p)
	defer closeRuleset(ruleset)
	if err != nil {
		why = append(why, err.Error())
	}
	nsErr := namespaceProbe()
	if nsErr != nil {
		why = append(why, nsErr.Error())
	}
	if len(why) > 0 && !allowUnconfined {
		return launched{startErr: &ConfinementError{Why: strings.Join(why, "; ")}}
	}
	l := runLocked(ruleset, nsErr == nil, newCmd)
	if l.startErr == nil {
		isolation.Store(map[bool]int32{true: 2, false: 1}[nsErr == nil])
	}
	l.unconfined = strings.Join(why, "; ")
	return l
}

// goDirs returns the go command's GOROOT and GOMODCACHE that exist.
var goDirs = sync.OnceValues(func() ([]string, error) {
	out, err := exec.Command("go", "env", "GOROOT", "GOMODCACHE").Output()
	if err != nil {
		return nil, fmt.Errorf("go env GOROOT GOMODCACHE: %v", err)
	}
	var dirs []string
	for _, d := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if _, err := os.Stat(d); d != "" && err == nil {
			dirs = append(dirs, d)
		}
	}
	return dirs, nil
})

// programPolicy returns what the program of nb, built in the scratch
// directory dir, may do with files: read the repository root (and the
// notebook's dataset, where a symbolic link takes it elsewhere), GOROOT
// and the module cache; write only dir. It also returns the program's
// TMPDIR, dir/tmp.
func programPolicy(root, dir string, nb *Notebook) (policy, string, error) {
	tmp := filepath.Join(dir, "tmp")
	if err := os.Mkdir(tmp, 0o700); err != nil {
		return policy{}, "", err
	}
	dirs, err := goDirs()
	if err != nil {
		return policy{}, "", err
	}
	read := append([]string{root}, dirs...)
	if nb.Dataset != "" {
		if d, err := filepath.EvalSymlinks(filepath.Join(root, filepath.FromSlash(nb.Dataset))); err == nil {
			read = append(read, d)
		}
	}
	return policy{read: read, write: []string{dir}}, tmp, nil
}

// UnconfinedNote is the paragraph that a rendered notebook carries under
// its title when its program ran unconfined (Limits.Unconfined); the
// MANIFEST lists such notebooks (see RanUnconfined).
const UnconfinedNote = "**Rendered unconfined:** this notebook's program ran without the operating system's confinement (`nexus render -unconfined`), with all the rights of the user who rendered it."

// RanUnconfined reports whether md, a notebook rendered to Markdown,
// carries UnconfinedNote as a paragraph of its own.
func RanUnconfined(md []byte) bool {
	return bytes.Contains(md, []byte("\n\n"+UnconfinedNote+"\n"))
}

// refusedHint explains a failure that the confinement caused: an error
// that says "permission denied" (EACCES) or "operation not permitted"
// (EPERM), as a refused write, execution or socket gives.
func refusedHint(msg string) string {
	if !strings.Contains(msg, "permission denied") && !strings.Contains(msg, "operation not permitted") {
		return msg
	}
	return msg + " (a notebook program may read the repository, GOROOT and the module cache, and write only its scratch directory, $TMPDIR; it may run no other program and open no socket: see the trust model in docs/researcher.md)"
}
