package notebook

import (
	"os"
	"os/exec"
	"runtime"
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

// isolation records whether the system refused the network namespace
// once (1), so that later programs do not ask again.
var isolation atomic.Int32

// NetworkIsolated reports whether the notebook programs of this process
// run without network: false before the first program started and when
// the system refused a network namespace (or is not Linux).
func NetworkIsolated() bool { return isolation.Load() == 2 }

// start starts the command that newCmd makes, confined (see confine): in
// a network namespace of its own where the system allows one, else without
// one. The caller must call runtime.UnlockOSThread after waiting for the
// command: the goroutine stays on the thread that started it, because
// Pdeathsig fires when that thread ends.
func start(newCmd func() *exec.Cmd) (*exec.Cmd, error) {
	runtime.LockOSThread()
	if isolation.Load() != 1 && runtime.GOOS == "linux" {
		cmd := newCmd()
		confine(cmd, true)
		err := cmd.Start()
		if err == nil {
			isolation.Store(2)
			return cmd, nil
		}
		if !namespaceRefused(err) {
			return nil, err
		}
		isolation.Store(1)
	}
	cmd := newCmd()
	confine(cmd, false)
	return cmd, cmd.Start()
}
