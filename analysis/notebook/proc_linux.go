//go:build linux

package notebook

import (
	"errors"
	"os"
	"os/exec"
	"syscall"
)

// confine sets up cmd to run in a process group of its own, to get SIGKILL
// when the thread that started it dies (Pdeathsig, so a killed render
// takes its program along), and with isolate in new user and network
// namespaces: the program sees only a loopback device that is down, so it
// cannot reach any network.
func confine(cmd *exec.Cmd, isolate bool) {
	a := &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if isolate {
		a.Cloneflags = syscall.CLONE_NEWUSER | syscall.CLONE_NEWNET
		a.UidMappings = []syscall.SysProcIDMap{{ContainerID: os.Getuid(), HostID: os.Getuid(), Size: 1}}
		a.GidMappings = []syscall.SysProcIDMap{{ContainerID: os.Getgid(), HostID: os.Getgid(), Size: 1}}
		a.GidMappingsEnableSetgroups = false
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

// namespaceRefused reports whether err from starting a confined program
// means that the system does not let this user create the namespaces
// (user namespaces disabled or limited, or a seccomp policy that forbids
// them), so the program must run without network isolation.
func namespaceRefused(err error) bool {
	for _, e := range []error{syscall.EPERM, syscall.EACCES, syscall.EINVAL, syscall.ENOSPC, syscall.EUSERS, syscall.ENOSYS} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}
