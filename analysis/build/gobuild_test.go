package build

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// linkLine matches the go command's -x line that runs the linker.
var linkLine = regexp.MustCompile(`(?m)/link(\.exe)? .*-o `)

// goBuildIn writes a one-file program into a new module under dir,
// builds it with args (whose output path is replaced by out) and returns
// what the go command printed.
func goBuildIn(t *testing.T, dir string, args []string) string {
	t.Helper()
	require.NoError(t, os.MkdirAll(dir, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/gobuildargs\n\ngo 1.22\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "main.go"), []byte("package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"built by GoBuildArgs\") }\n"), 0o644))
	cmd := exec.Command(testenv.LookPath(t, "go", "golang"), args...)
	cmd.Dir = dir
	cmd.Env = append(testenv.Environ(), "CGO_ENABLED=0")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%v:\n%s", args, out)
	return string(out)
}

// The second build of one program, in another directory, copies the
// executable the first left in the build cache: the go command runs no
// linker for it. go build -o, which GoBuildArgs gives without cp, links
// both times: that is what the check tells apart.
func TestGoBuildArgsLinksOnce(t *testing.T) {
	testenv.LookPath(t, "cp", "coreutils")
	root := t.TempDir()
	for i, dir := range []string{"a", "b"} {
		out := filepath.Join(root, dir, "prog")
		x := goBuildIn(t, filepath.Join(root, dir), GoBuildArgs(out, "main.go", "-x", "-trimpath"))
		got, err := exec.Command(out).Output()
		require.NoError(t, err)
		require.Equal(t, "built by GoBuildArgs\n", string(got))
		if i == 1 {
			require.NotRegexp(t, linkLine, x, "the second build linked the program again")
		}
	}
	for _, dir := range []string{"c", "d"} {
		out := filepath.Join(root, dir, "prog")
		x := goBuildIn(t, filepath.Join(root, dir), goBuildArgs("", out, "main.go", []string{"-x", "-trimpath"}))
		require.Regexp(t, linkLine, x, "go build -o did not link: the check cannot tell a cached executable")
		got, err := exec.Command(out).Output()
		require.NoError(t, err)
		require.Equal(t, "built by GoBuildArgs\n", string(got))
	}
}

func TestGoBuildArgsWithoutCp(t *testing.T) {
	got := strings.Join(goBuildArgs("", "bin/x", "./cmd/x", []string{"-trimpath"}), " ")
	require.Equal(t, "build -trimpath -o bin/x ./cmd/x", got)
	got = strings.Join(goBuildArgs("/bin/cp", "bin/x", "./cmd/x", []string{"-trimpath"}), " ")
	require.Equal(t, "run -exec /bin/cp -trimpath ./cmd/x bin/x", got)
}
