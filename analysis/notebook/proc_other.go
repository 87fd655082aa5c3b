//go:build !linux

package notebook

import "os/exec"

// confine kills the program when the context ends. Process groups,
// Pdeathsig and network namespaces are Linux features; elsewhere the
// program runs with the network (see the trust model in the package doc).
func confine(cmd *exec.Cmd, isolate bool) {}

// namespaceRefused reports true: there are no namespaces to ask for.
func namespaceRefused(err error) bool { return true }
