// Package testenv forwards to nexus/internal/testenv, where the helpers
// moved so that the tests of cmd/nexus can use them too.
//
// Deprecated: import nexus/internal/testenv.
package testenv

import (
	"testing"

	"nexus/internal/testenv"
)

// InCI reports whether the tests run in CI; see nexus/internal/testenv.
func InCI() bool { return testenv.InCI() }

// Missing fails the test in CI and skips it loudly elsewhere; see
// nexus/internal/testenv.
func Missing(t testing.TB, what string) { t.Helper(); testenv.Missing(t, what) }

// LookPath returns the path of a program or stops the test; see
// nexus/internal/testenv.
func LookPath(t testing.TB, name, pkg string) string {
	t.Helper()
	return testenv.LookPath(t, name, pkg)
}

// File returns path if it exists or stops the test; see
// nexus/internal/testenv.
func File(t testing.TB, path, why string) string { t.Helper(); return testenv.File(t, path, why) }
