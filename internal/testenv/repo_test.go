package testenv

import (
	"os"
	"testing"
)

// TestMain fails the run if the tests wrote into the repository (see
// testenv.Run).
func TestMain(m *testing.M) { os.Exit(Run(m)) }
