package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// TestMain runs the command line (Main) when the test binary is started as nexus by
// a test (NEXUS_TEST_MAIN=1), so tests can signal a nexus process.
func TestMain(m *testing.M) {
	if os.Getenv("NEXUS_TEST_MAIN") == "1" {
		os.Exit(Main(os.Stdout, os.Stderr, os.Args[1:]))
	}
	os.Exit(testenv.Run(m))
}

// childOf returns the pid of the process named comm whose parent is ppid,
// or 0.
func childOf(ppid int, comm string) int {
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, s := range stats {
		b, err := os.ReadFile(s)
		if err != nil {
			continue
		}
		open, close := bytes.IndexByte(b, '('), bytes.LastIndexByte(b, ')')
		if open < 0 || close < open {
			continue
		}
		f := strings.Fields(string(b[close+1:]))
		if string(b[open+1:close]) == comm && len(f) > 1 && f[1] == strconv.Itoa(ppid) {
			pid, _ := strconv.Atoi(strings.Fields(string(b))[0])
			return pid
		}
	}
	return 0
}

// alive reports whether pid exists and is not a zombie.
func alive(pid int) bool {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return false
	}
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
	return len(f) > 0 && f[0] != "Z"
}

// TestKilledRenderKillsProgram starts nexus render on a notebook whose
// program never ends, kills render (SIGTERM, which render forwards to the
// program's process group, and SIGKILL, which only the parent-death
// signal can follow), and requires the program to be gone. It runs in a
// copy of the repository.
func TestKilledRenderKillsProgram(t *testing.T) {
	testenv.Short(t, "compiles and kills a notebook program twice")
	t.Parallel()
	testenv.File(t, "/proc/self/stat", "the test finds the notebook program through Linux's /proc")
	// In a copy, so that the notebook engine's scratch files (under the
	// copy's .nexus-cache) never land in the repository under test.
	repo := gitRepoCopy(t)
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGKILL} {
		t.Run(sig.String(), func(t *testing.T) {
			var stderr bytes.Buffer
			cmd := exec.Command(os.Args[0], "render", "-force", "-out", t.TempDir(), "analysis/cli/testdata/endless.md")
			cmd.Dir = repo
			cmd.Env = append(os.Environ(), "NEXUS_TEST_MAIN=1")
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer cmd.Process.Kill()
			prog := 0
			for deadline := time.Now().Add(90 * time.Second); prog == 0; time.Sleep(50 * time.Millisecond) {
				if time.Now().After(deadline) {
					t.Fatalf("the notebook program never started:\n%s", stderr.String())
				}
				prog = childOf(cmd.Process.Pid, "notebook")
			}
			defer syscall.Kill(prog, syscall.SIGKILL)
			cmd.Process.Signal(sig)
			err := cmd.Wait()
			if err == nil {
				t.Errorf("render exited 0 after %v", sig)
			}
			for deadline := time.Now().Add(10 * time.Second); alive(prog); time.Sleep(50 * time.Millisecond) {
				if time.Now().After(deadline) {
					t.Fatalf("the notebook program %d outlived render killed by %v", prog, sig)
				}
			}
			if sig == syscall.SIGTERM && !strings.Contains(stderr.String(), "interrupted, the notebook program was killed") {
				t.Errorf("render's message after SIGTERM: %q", stderr.String())
			}
		})
	}
}

// TestKilledPreviewKillsServer starts nexus preview in a copy of the
// repository, waits until its server (cmd/nexus-preview, a child process)
// serves, kills nexus with SIGKILL and requires the server to be gone,
// and then starts preview again and stops it with SIGTERM, which it must
// pass on: the server stops, and preview exits with the server's status.
func TestKilledPreviewKillsServer(t *testing.T) {
	testenv.Short(t, "builds the preview server and kills it")
	t.Parallel()
	testenv.File(t, "/proc/self/stat", "the test finds the server through Linux's /proc")
	repo := gitRepoCopy(t)
	start := func() (*exec.Cmd, *lockedBuffer, int) {
		stderr := &lockedBuffer{}
		cmd := exec.Command(os.Args[0], "preview", "-addr", "127.0.0.1:0", "notebooks/01-sample-and-method.md")
		cmd.Dir = repo
		cmd.Env = append(testenv.Environ(), "NEXUS_TEST_MAIN=1")
		cmd.Stderr = stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { cmd.Process.Kill() })
		server := 0
		for deadline := time.Now().Add(3 * time.Minute); server == 0 || !strings.Contains(stderr.String(), "serving"); time.Sleep(50 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("the preview server never served:\n%s", stderr.String())
			}
			server = childOf(cmd.Process.Pid, "nexus-preview")
		}
		t.Cleanup(func() { syscall.Kill(server, syscall.SIGKILL) })
		return cmd, stderr, server
	}

	cmd, _, server := start()
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	for deadline := time.Now().Add(10 * time.Second); alive(server); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the preview server %d outlived nexus preview killed by SIGKILL", server)
		}
	}

	cmd, stderr, server := start()
	cmd.Process.Signal(syscall.SIGTERM)
	if err := cmd.Wait(); err != nil {
		t.Errorf("nexus preview after SIGTERM: %v\n%s", err, stderr.String())
	}
	if alive(server) {
		t.Errorf("the preview server %d outlived nexus preview stopped by SIGTERM", server)
	}
}

// lockedBuffer is a bytes.Buffer that a process writes while the test
// reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
