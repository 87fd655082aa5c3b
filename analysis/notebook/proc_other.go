//go:build !linux

package notebook

import (
	"errors"
	"os/exec"
)

// confine does nothing: process groups, Pdeathsig, namespaces and Landlock
// are Linux features. Elsewhere a notebook program runs unconfined, which
// the render refuses unless Limits.Unconfined allows it.
func confine(cmd *exec.Cmd, isolate bool) {}

func namespaceProbe() error {
	return errors.New("confining notebook programs needs Linux (namespaces and Landlock)")
}

func newRuleset(policy) (int, error) {
	return -1, errors.New("confining notebook programs needs Linux (Landlock)")
}

func closeRuleset(int) {}

// runLocked starts the command newCmd makes and waits for it.
func runLocked(ruleset int, isolate bool, newCmd func() *exec.Cmd) launched {
	cmd := newCmd()
	if err := cmd.Start(); err != nil {
		return launched{startErr: err}
	}
	return launched{runErr: cmd.Wait()}
}
