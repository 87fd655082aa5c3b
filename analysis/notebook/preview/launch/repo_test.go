package launch

import (
	"os"
	"testing"

	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// TestMain fails the run if the tests wrote into the repository (see
// testenv.Run).
func TestMain(m *testing.M) { os.Exit(testenv.Run(m)) }
