package build

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// output returns an output that writes name.csv and name.md with body, or
// fails after writing the first file when fail is set.
func output(name, body string, fail bool) Output {
	return Output{ID: name, Name: name, Formats: []string{"csv", "md"}, Make: func(dir string) error {
		if err := WriteFile(filepath.Join(dir, name+".csv"), []byte(body)); err != nil {
			return err
		}
		if fail {
			return errors.New("boom")
		}
		return WriteFile(filepath.Join(dir, name+".md"), []byte(body))
	}}
}

// snapshot returns every entry under dir, hidden ones included, with its
// contents.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	require.NoError(t, filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		require.NoError(t, err)
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			got[rel+"/"] = ""
			return nil
		}
		b, err := os.ReadFile(p)
		got[rel] = string(b)
		return err
	}))
	return got
}

// TestRunFailureKeepsCommittedFiles: an output that fails after writing one
// of its files changes none of the committed files and leaves nothing.
func TestRunFailureKeepsCommittedFiles(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, Run([]Output{output("tbl", "old\n", false)}, dir))
	before := snapshot(t, dir)
	err := Run([]Output{output("tbl", "new\n", true)}, dir)
	require.ErrorContains(t, err, "tbl (tbl): boom")
	assert.Equal(t, before, snapshot(t, dir))
}

// TestStaleTemporariesAreNeverTrusted: the leftovers of a killed build (a
// figure's temporary file, a scratch directory) are not listed by Files,
// hence not in a MANIFEST or a verify, and the next Run removes them.
func TestStaleTemporariesAreNeverTrusted(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, Run([]Output{output("tbl", "x\n", false)}, dir))
	stale := []string{".fig-a.png.tmp123456", ".tbl.csv.tmp-42", ScratchPrefix + "99/tbl.csv"}
	for _, s := range stale {
		p := filepath.Join(dir, s)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte("half"), 0o644))
	}
	files, err := Files(dir)
	require.NoError(t, err)
	assert.Equal(t, []string{"tbl.csv", "tbl.md"}, files)
	require.NoError(t, Run(nil, dir))
	assert.Equal(t, map[string]string{"./": "", "tbl.csv": "x\n", "tbl.md": "x\n"}, snapshot(t, dir))
}

// TestCleanStaleSparesLiveWrites: CleanStale removes nothing that a live
// writer holds, so parallel builds do not delete each other's work.
func TestCleanStaleSparesLiveWrites(t *testing.T) {
	dir := t.TempDir()
	scratch, release, err := Scratch(dir, ScratchPrefix)
	require.NoError(t, err)
	f, err := Create(filepath.Join(dir, "x.csv"))
	require.NoError(t, err)
	CleanStale(dir)
	assert.DirExists(t, scratch)
	_, err = f.Write([]byte("x"))
	require.NoError(t, err)
	require.NoError(t, f.Commit())
	release()
	assert.NoDirExists(t, scratch)
	assert.Equal(t, map[string]string{"./": "", "x.csv": "x"}, snapshot(t, dir))
}

// TestConcurrentRuns runs eight builds of the same outputs into one
// directory at once; all succeed and the files are whole.
func TestConcurrentRuns(t *testing.T) {
	dir := t.TempDir()
	outs := []Output{output("a", strings.Repeat("a", 1<<16), false), output("b", "b\n", false)}
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for i := range errs {
		wg.Add(1)
		go func() { defer wg.Done(); errs[i] = Run(outs, dir) }()
	}
	wg.Wait()
	for _, err := range errs {
		require.NoError(t, err)
	}
	got := snapshot(t, dir)
	assert.Len(t, got, 5)
	assert.Equal(t, strings.Repeat("a", 1<<16), got["a.md"])
}

// TestKilledBuildLeavesNothingTrusted kills a build process (SIGKILL, no
// chance to clean up) while an output is half written, then checks that
// the committed files are unchanged, that Files lists nothing new and that
// the next Run removes the leftovers.
func TestKilledBuildLeavesNothingTrusted(t *testing.T) {
	if dir := os.Getenv("BUILD_KILL_CHILD"); dir != "" {
		hang := Output{ID: "T9", Name: "tbl", Make: func(d string) error {
			WriteFile(filepath.Join(d, "tbl.csv"), []byte("new half\n"))
			f, _ := Create(filepath.Join(d, "tbl.md"))
			f.Write([]byte("half"))
			os.WriteFile(filepath.Join(dir, "ready"), nil, 0o644)
			select {} // killed here
		}}
		Run([]Output{hang}, filepath.Join(dir, "figures"))
		return
	}
	base := t.TempDir()
	figs := filepath.Join(base, "figures")
	require.NoError(t, Run([]Output{output("tbl", "committed\n", false)}, figs))
	before := snapshot(t, figs)
	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledBuildLeavesNothingTrusted$")
	cmd.Env = append(os.Environ(), "BUILD_KILL_CHILD="+base)
	require.NoError(t, cmd.Start())
	deadline := time.Now().Add(30 * time.Second)
	for {
		if _, err := os.Stat(filepath.Join(base, "ready")); err == nil {
			break
		}
		require.True(t, time.Now().Before(deadline), "the child build never got to its output")
		time.Sleep(20 * time.Millisecond)
	}
	require.NoError(t, cmd.Process.Signal(syscall.SIGKILL))
	cmd.Wait()
	after := snapshot(t, figs)
	assert.Equal(t, "committed\n", after["tbl.csv"])
	assert.Greater(t, len(after), len(before), "the killed build should have left its scratch directory: %v", after)
	files, err := Files(figs)
	require.NoError(t, err)
	assert.Equal(t, []string{"tbl.csv", "tbl.md"}, files)
	require.NoError(t, Run(nil, figs))
	assert.Equal(t, before, snapshot(t, figs), "the next build removes what the killed one left")
}

// ExampleScratch shows the life of a private scratch directory.
func ExampleScratch() {
	parent, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(parent)
	dir, release, err := Scratch(parent, ScratchPrefix)
	if err != nil {
		panic(err)
	}
	WriteFile(filepath.Join(dir, "out.csv"), []byte("a,b\n"))
	Publish(dir, parent)
	release()
	files, _ := Files(parent)
	fmt.Println(files)
	// Output: [out.csv]
}

// ExampleCleanStale shows that the leftovers of a killed build are never
// listed, and that CleanStale removes them once no process holds them.
func ExampleCleanStale() {
	dir, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(dir)
	WriteFile(filepath.Join(dir, "fig.svg"), []byte("<svg/>"))
	os.WriteFile(filepath.Join(dir, ".fig.png.tmp123"), []byte("half"), 0o644)
	os.MkdirAll(filepath.Join(dir, ScratchPrefix+"1"), 0o755)
	files, _ := Files(dir)
	fmt.Println(files)
	CleanStale(dir)
	ents, _ := os.ReadDir(dir)
	fmt.Println(len(ents))
	// Output:
	// [fig.svg]
	// 1
}

// ExampleLock orders two writers of one directory.
func ExampleLock() {
	dir, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(dir)
	unlock, err := Lock(dir)
	if err != nil {
		panic(err)
	}
	done := make(chan bool)
	go func() {
		u, _ := Lock(dir) // waits for the first holder
		fmt.Println("second")
		u()
		done <- true
	}()
	fmt.Println("first")
	unlock()
	<-done
	// Output:
	// first
	// second
}
