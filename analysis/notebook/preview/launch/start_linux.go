//go:build linux

package launch

import (
	"os/exec"
	"runtime"
	"syscall"
)

// start starts cmd so that it gets SIGKILL when the caller dies: from a
// thread that stays locked until the server ends (Pdeathsig follows the
// thread that started the process). The channel gives cmd.Wait's error.
func start(cmd *exec.Cmd) (<-chan error, error) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	started, done := make(chan error, 1), make(chan error, 1)
	go func() {
		runtime.LockOSThread() // never unlocked: the thread ends with the goroutine
		if err := cmd.Start(); err != nil {
			started <- err
			return
		}
		started <- nil
		done <- cmd.Wait()
	}()
	return done, <-started
}
