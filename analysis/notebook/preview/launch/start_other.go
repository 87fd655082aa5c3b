//go:build !linux

package launch

import "os/exec"

// start starts cmd; the channel gives cmd.Wait's error. Outside Linux
// there is no parent-death signal: a server whose caller is killed keeps
// running until it is stopped.
func start(cmd *exec.Cmd) (<-chan error, error) {
	done := make(chan error, 1)
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	go func() { done <- cmd.Wait() }()
	return done, nil
}
