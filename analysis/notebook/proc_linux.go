//go:build linux

package notebook

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"sync"
	"syscall"
)

// namespaces are the namespaces a notebook program gets: a user namespace
// (in which the others may be made without privileges), a network
// namespace (only a loopback device that is down: no network), and a PID
// namespace whose first process is the program, so that when it ends, or
// is killed, the kernel kills every process it started, even one that
// left its process group (setsid).
const namespaces = syscall.CLONE_NEWUSER | syscall.CLONE_NEWNET | syscall.CLONE_NEWPID

// confine sets up cmd to run in a process group of its own, to get SIGKILL
// when the thread that started it dies (Pdeathsig, so a killed render
// takes its program along), and with isolate in the namespaces above. No
// user is mapped into the user namespace: the program keeps the renderer's
// user for the file system and has no capability after execve.
func confine(cmd *exec.Cmd, isolate bool) {
	a := &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if isolate {
		a.Cloneflags = namespaces
	}
	cmd.SysProcAttr = a
	cmd.Cancel = func() error { return killGroup(cmd) }
}

// killGroup kills the process group that cmd leads.
func killGroup(cmd *exec.Cmd) error {
	if cmd.Process == nil {
		return nil
	}
	err := syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	if errors.Is(err, syscall.ESRCH) {
		return os.ErrProcessDone
	}
	return err
}

// namespaceProbe reports why the system refuses the namespaces, or nil. It
// asks once per process: it starts a process in them that execs a file
// that does not exist, so ENOENT means that the namespaces were made.
var namespaceProbe = sync.OnceValue(func() error {
	_, err := syscall.ForkExec("/nonexistent/nexus-namespace-probe", nil, &syscall.ProcAttr{Sys: &syscall.SysProcAttr{Cloneflags: namespaces}})
	if errors.Is(err, syscall.ENOENT) {
		return nil
	}
	return fmt.Errorf("this system refuses unprivileged user, network and PID namespaces (%v); allow them with sysctl kernel.apparmor_restrict_unprivileged_userns=0 or kernel.unprivileged_userns_clone=1", err)
})

// runLocked starts the command newCmd makes on a thread of its own and
// waits for it. With ruleset >= 0 the thread is confined first (see
// restrictThread), so the program inherits the confinement from its very
// first instruction: no code of the notebook, not even a package's init,
// runs before it. The goroutine never unlocks the thread, so the runtime
// ends the thread with it and no other goroutine ever runs confined; the
// thread also lives as long as the program, which Pdeathsig needs.
func runLocked(ruleset int, isolate bool, newCmd func() *exec.Cmd) launched {
	done := make(chan launched, 1)
	go func() {
		runtime.LockOSThread()
		cmd := newCmd()
		confine(cmd, isolate)
		if ruleset >= 0 {
			if err := restrictThread(ruleset); err != nil {
				done <- launched{startErr: err}
				return
			}
		}
		if err := cmd.Start(); err != nil {
			done <- launched{startErr: err}
			return
		}
		done <- launched{runErr: cmd.Wait()}
	}()
	return <-done
}

// closeRuleset closes a ruleset of newRuleset.
func closeRuleset(fd int) {
	if fd >= 0 {
		syscall.Close(fd)
	}
}
