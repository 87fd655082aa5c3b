package build

import (
	"os/exec"
	"sync"
)

// copier is the cp that go run -exec hands a linked program to; "" when
// the system has none.
var copier = sync.OnceValue(func() string {
	p, _ := exec.LookPath("cp")
	return p
})

// GoBuildArgs returns the go command's arguments that build the main
// package target (a package path, a directory or a .go file, as go build
// takes it) with the build flags into the executable out.
//
// The go command keeps the executables that go run links in its build
// cache (since Go 1.24), keyed like the packages it compiles by
// everything that goes into them; go build links afresh every time. So
// where there is a cp, the arguments are go run -exec cp: go run hands the
// executable it linked or found in the cache to cp, which copies it to
// out, instead of running it. A program built again from the same source
// against the same packages, in any directory (with -trimpath), is then
// copied rather than linked, which is most of the time of a build whose
// packages are cached. Without cp they are go build -o out.
func GoBuildArgs(out, target string, flags ...string) []string {
	return goBuildArgs(copier(), out, target, flags)
}

// goBuildArgs is GoBuildArgs with the path of cp given ("" for none).
func goBuildArgs(cp, out, target string, flags []string) []string {
	if cp != "" {
		return append(append([]string{"run", "-exec", cp}, flags...), target, out)
	}
	return append(append([]string{"build"}, flags...), "-o", out, target)
}
