package testenv

import (
	"os"
	"slices"
	"strings"
)

// makeVars are the variables by which a make passes its flags and depth
// to the makes its recipes start. A test that runs make must not inherit
// them: under `make -s test` the test's own make would be silent too, and
// under `make -j2 test` it would share the outer make's job slots.
var makeVars = []string{"MAKEFLAGS", "MAKELEVEL", "MFLAGS", "MAKEOVERRIDES", "GNUMAKEFLAGS"}

// Environ returns the environment of this process without the variables
// of an enclosing make (MAKEFLAGS, MAKELEVEL, MFLAGS and their kin), with
// extra ("NAME=value") added after it, so that a later entry wins. Use it
// as the Env of every make, and every command that may run make, that a
// test starts.
func Environ(extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if !slices.Contains(makeVars, name) {
			env = append(env, kv)
		}
	}
	return append(env, extra...)
}
