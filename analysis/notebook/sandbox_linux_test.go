package notebook

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// unguarded runs f with the import guard switched off, to show what the
// operating system enforces on its own.
func unguarded(t *testing.T) {
	checkProgram = func(allowlist, *Notebook, string, string, []byte) error { return nil }
	t.Cleanup(func() { checkProgram = allowlist.guard })
}

// execute parses src as root/notebooks/NAME and runs it.
func runProbe(t *testing.T, root, name, src string, lim Limits) (*Result, error) {
	t.Helper()
	nb, err := Parse(root, "notebooks/"+name, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return Execute(context.Background(), root, nb, lim)
}

// cellText is a notebook of one cell.
func cellText(code string) string { return "---\ntitle: probe\n---\n\n```go\n" + code + "```\n" }

// filesProbe tries, with the guard off, every way of changing the tree and
// of reading outside what a notebook program may read, and prints one
// line for each: ok, refused or the error. Refused is EACCES or EPERM (a
// right Landlock or the system call filter denies), EXDEV (Landlock's
// answer to a link or rename out of the scratch directory) or ESRCH (the
// renderer is not in the program's PID namespace).
const filesProbe = `import (
	"errors"
	"io/fs"
	"net"
	"path/filepath"
	"syscall"
	"time"
)

try := func(what string, err error) {
	switch {
	case err == nil:
		fmt.Println(what, "ok")
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EXDEV), errors.Is(err, syscall.ESRCH):
		fmt.Println(what, "refused")
	default:
		fmt.Println(what, err)
	}
}
read := func(name string) error { _, err := os.ReadFile(name); return err }
for _, d := range []string{"analysis/table", "cmd", "datasets", "notebooks", "figures", ".nexus-cache/out", ".", HOME, OUTSIDE} {
	try("create "+d, os.WriteFile(filepath.Join(d, "planted.go"), []byte("package x\n"), 0o644))
	try("mkdir "+d, os.Mkdir(filepath.Join(d, "planted"), 0o755))
	try("symlink "+d, os.Symlink("/", filepath.Join(d, "planted-link")))
}
f, err := os.OpenFile("analysis/table/table.go", os.O_WRONLY|os.O_APPEND, 0)
try("append", err)
if f != nil {
	f.Close()
}
try("truncate", os.Truncate("analysis/table/table.go", 0))
try("remove", os.Remove("notebooks/01-demo.md"))
try("rename", os.Rename("notebooks/01-demo.md", filepath.Join(os.TempDir(), "moved.md")))
try("link", os.Link("notebooks/01-demo.md", filepath.Join(os.TempDir(), "linked.md")))
try("chmod", os.Chmod("notebooks/01-demo.md", 0o777))
try("chtimes", os.Chtimes("notebooks/01-demo.md", time.Unix(0, 0), time.Unix(0, 0)))
try("read repository", read("notebooks/01-demo.md"))
try("read goroot", read(filepath.Join(GOROOT, "VERSION")))
try("read /etc/passwd", read("/etc/passwd"))
try("read home", read(filepath.Join(HOME, SECRET)))
try("read /proc", read("/proc/self/environ"))
try("write tmp", os.WriteFile(filepath.Join(os.TempDir(), "scratch"), []byte("x"), 0o644))
_, err = net.Dial("unix", SOCKET)
try("dial unix", err)
try("signal renderer", syscall.Kill(RENDERER, syscall.SIGCONT))
`

// TestConfinedFiles runs filesProbe: the program may read the repository
// and GOROOT and write its own TMPDIR; every change to analysis/, cmd/,
// datasets/, notebooks/, figures/, the cache, the repository root, $HOME
// and a directory outside is refused, as are reads elsewhere, UNIX
// sockets and signals to the renderer. The tree is unchanged afterwards.
func TestConfinedFiles(t *testing.T) {
	testenv.Short(t, "compiles and runs notebook programs")
	root := newRoot(t)
	for _, d := range []string{"cmd", "figures", ".nexus-cache/out", ".nexus-cache/run"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	home, outside := t.TempDir(), t.TempDir()
	setHome(t, home)
	if err := os.WriteFile(filepath.Join(home, "secret"), []byte("hunter2"), 0o600); err != nil {
		t.Fatal(err)
	}
	sock := filepath.Join(root, "nexus.sock")
	ln, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, root)
	r := strings.NewReplacer("HOME", fmt.Sprintf("%q", home), "OUTSIDE", fmt.Sprintf("%q", outside),
		"GOROOT", fmt.Sprintf("%q", strings.TrimSpace(string(goroot))), "SECRET", `"secret"`,
		"SOCKET", fmt.Sprintf("%q", sock), "RENDERER", fmt.Sprint(os.Getpid()))
	unguarded(t)
	res, err := runProbe(t, root, "probe.md", cellText(r.Replace(filesProbe)), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	var want strings.Builder
	for _, d := range []string{"analysis/table", "cmd", "datasets", "notebooks", "figures", ".nexus-cache/out", ".", home, outside} {
		for _, op := range []string{"create", "mkdir", "symlink"} {
			fmt.Fprintf(&want, "%s %s refused\n", op, d)
		}
	}
	for _, op := range []string{"append", "truncate", "remove", "rename", "link", "chmod", "chtimes"} {
		fmt.Fprintf(&want, "%s refused\n", op)
	}
	want.WriteString("read repository ok\nread goroot ok\nread /etc/passwd refused\nread home refused\nread /proc refused\nwrite tmp ok\ndial unix refused\nsignal renderer refused\n")
	if got := res.Cells[0][0].Text; got != want.String() {
		t.Errorf("the probe printed:\n%s\nexpected:\n%s", got, want.String())
	}
	if after := snapshot(t, root); after != before {
		t.Errorf("the probe changed the tree:\n%s", lineDiff(before, after))
	}
}

// snapshot lists every file and directory under root, with its mode,
// size, modification time and content, leaving out .nexus-cache/run and
// .nexus-cache/lock (the renderer's own scratch directories and locks).
func snapshot(t *testing.T, root string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if rel == filepath.Join(cacheDir, "run") || rel == filepath.Join(cacheDir, "lock") {
			return filepath.SkipDir
		}
		info, err := os.Lstat(p)
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%s %v %d %d", rel, info.Mode(), info.Size(), info.ModTime().UnixNano())
		if info.Mode().IsRegular() {
			c, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			fmt.Fprintf(&b, " %x", c[:min(len(c), 64)])
		}
		b.WriteString("\n")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// leftover returns the processes whose command line holds marker.
func leftover(t *testing.T, marker string) []string {
	t.Helper()
	cmdlines, _ := filepath.Glob("/proc/[0-9]*/cmdline")
	var found []string
	for _, c := range cmdlines {
		b, err := os.ReadFile(c)
		if err == nil && bytes.Contains(b, []byte(marker)) && !bytes.Contains(b, []byte("-test.")) {
			found = append(found, filepath.Base(filepath.Dir(c))+": "+strings.ReplaceAll(string(b), "\x00", " "))
		}
	}
	return found
}

// outliver starts a copy of itself in a session of its own (setsid, out
// of the program's process group), waits until it runs and ends; the copy
// would sleep for 5 minutes.
const outliver = `import (
	"bufio"
	"os/exec"
	"syscall"
	"time"
)

if len(os.Args) > 1 {
	fmt.Println("ready")
	time.Sleep(5 * time.Minute)
}
child := exec.Command(os.Args[0], MARKER)
child.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
out, err := child.StdoutPipe()
if err != nil {
	panic(err)
}
if err := child.Start(); err != nil {
	panic(err)
}
sc := bufio.NewScanner(out)
for sc.Scan() {
	if strings.HasSuffix(sc.Text(), "ready") {
		fmt.Println("child ready")
		break
	}
}
`

// TestNoProcessOutlives runs, with the guard off, a program whose child
// leaves its process group (setsid) and would sleep on: when the program
// ends, the child is gone too (the PID namespace), with the render.
func TestNoProcessOutlives(t *testing.T) {
	testenv.Short(t, "compiles and runs notebook programs")
	root := newRoot(t)
	marker := fmt.Sprintf("nexus-outliver-%d", os.Getpid())
	unguarded(t)
	res, err := runProbe(t, root, "outliver.md", cellText(strings.Replace(outliver, "MARKER", fmt.Sprintf("%q", marker), 1)), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Cells[0][0].Text; got != "child ready\n" {
		t.Fatalf("the program printed %q, expected its child to start", got)
	}
	if p := leftover(t, marker); len(p) > 0 {
		t.Errorf("processes outlived the render: %v", p)
	}
}

// TestUnconfinedIsRecorded makes Landlock unavailable: the render fails
// with a ConfinementError that says what is missing and names -unconfined;
// with Unconfined it runs, and the rendered notebook says so.
func TestUnconfinedIsRecorded(t *testing.T) {
	testenv.Short(t, "compiles and runs notebook programs")
	root := newRoot(t)
	saved := landlockABI
	landlockABI = func() (int, error) { return 0, errors.New("this kernel has no Landlock") }
	defer func() { landlockABI = saved }()
	file := filepath.Join(root, "notebooks", "01-demo.md")
	err := Render(Options{Root: root, Out: filepath.Join(root, "out")}, file)
	var ce *ConfinementError
	if !errors.As(err, &ce) || !strings.Contains(err.Error(), "this kernel has no Landlock") || !strings.Contains(err.Error(), "-unconfined") {
		t.Fatalf("render without confinement: %v, expected a ConfinementError naming -unconfined", err)
	}
	if _, err := os.Stat(filepath.Join(root, "out")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the refused render wrote %s: %v", filepath.Join(root, "out"), err)
	}
	var log bytes.Buffer
	err = Render(Options{Root: root, Out: filepath.Join(root, "out"), Log: &log, Limits: Limits{Unconfined: true}}, file)
	if err != nil {
		t.Fatal(err)
	}
	md, err := os.ReadFile(filepath.Join(root, "out", "01-demo.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !RanUnconfined(md) || !strings.Contains(log.String(), "ran unconfined (-unconfined): this kernel has no Landlock") {
		t.Errorf("the unconfined render does not say so; log:\n%s\nMarkdown:\n%s", log.String(), md)
	}
	// A confined render does not reuse the unconfined run.
	landlockABI = saved
	if err := Render(Options{Root: root, Out: filepath.Join(root, "out"), Log: &log}, file); err != nil {
		t.Fatal(err)
	}
	if md, _ = os.ReadFile(filepath.Join(root, "out", "01-demo.md")); RanUnconfined(md) {
		t.Error("a confined render reused the unconfined run")
	}
}

// lineDiff lists the lines only in a (-) and only in b (+).
func lineDiff(a, b string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	ma, mb := in(a), in(b)
	var d strings.Builder
	for _, l := range strings.Split(a, "\n") {
		if !mb[l] {
			d.WriteString("- " + l + "\n")
		}
	}
	for _, l := range strings.Split(b, "\n") {
		if !ma[l] {
			d.WriteString("+ " + l + "\n")
		}
	}
	return d.String()
}

// withPackages copies the non-test Go files of the repository's packages
// that pkg needs (pkg included) into root, where newRoot did not.
func withPackages(t *testing.T, root, pkg string) {
	t.Helper()
	deps, err := exec.Command("go", "list", "-deps", pkg).Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range strings.Fields(string(deps)) {
		rel, ok := strings.CutPrefix(p, "github.com/nexus-toolkit/nexus/")
		if !ok {
			continue
		}
		if have, _ := filepath.Glob(filepath.Join(root, rel, "*.go")); len(have) > 0 {
			continue
		}
		gos, _ := filepath.Glob(filepath.Join("..", "..", rel, "*.go"))
		if err := os.MkdirAll(filepath.Join(root, rel), 0o755); err != nil {
			t.Fatal(err)
		}
		for _, g := range gos {
			if strings.HasSuffix(g, "_test.go") {
				continue
			}
			b, err := os.ReadFile(g)
			if err == nil {
				err = os.WriteFile(filepath.Join(root, rel, filepath.Base(g)), b, 0o644)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
	}
}

// plantSrc is a package that a hostile notebook plants under analysis/:
// its init starts a process that would outlive the render.
const plantSrc = "package plant\n\nimport \"os/exec\"\n\nfunc init() {\n\tif err := exec.Command(\"setsid\", \"sleep\", \"31719\").Start(); err != nil {\n\t\tpanic(err)\n\t}\n}\n"

// tableInit is the init() it adds to analysis/table, so that the next
// build of nexus would run it outside every protection.
const tableInit = "package table\n\nimport \"os\"\n\nfunc init() { os.WriteFile(os.Getenv(\"HOME\")+\"/pwned\", nil, 0o644) }\n"

// attack is the first notebook of the attack chain, using only allowed
// packages: it writes a package under analysis/ with qda.WriteDir, then
// analysis/table again with an init() added, and a figure there.
const attack = "---\ntitle: attack\n---\n\n```go\n" + `plant := PLANT
if err := qda.WriteDir("analysis/plant", map[string][]byte{"plant.go": []byte(plant)}, false); err != nil {
	panic(err)
}
files := map[string][]byte{"zz_init.go": []byte(INIT)}
for _, f := range []string{"table.go", "csv.go", "doc.go", "latex.go", "markdown.go", "number.go", "trace.go"} {
	files[f] = cell.ReadFile("analysis/table/" + f)
}
if err := qda.WriteDir("analysis/table", files, true); err != nil {
	panic(err)
}
if err := figure.Save(plot.New(), 100, 100, "analysis/table/zz"); err != nil {
	panic(err)
}
` + "```\n"

// importer is the second notebook: it imports the planted package.
const importer = "---\ntitle: importer\n---\n\n```go\nimport _ \"github.com/nexus-toolkit/nexus/analysis/plant\"\n\nfmt.Println(\"imported\")\n```\n"

// TestAttackChain is the attack of issue 19 with the import guard on: the
// first notebook fails at its first write (at the line of its check) and
// changes nothing. Then the planted package is put in place as an
// unconfined past might have left it, with the init() in analysis/table:
// the second notebook, which imports it, fails when the plant's init
// starts setsid (no file outside the scratch directory may be executed),
// changes nothing, and leaves no process behind.
func TestAttackChain(t *testing.T) {
	testenv.Short(t, "compiles and runs notebook programs")
	root := newRoot(t)
	withPackages(t, root, "github.com/nexus-toolkit/nexus/analysis/qda")
	home := t.TempDir()
	setHome(t, home)
	if err := os.MkdirAll(filepath.Join(root, cacheDir, "run"), 0o755); err != nil {
		t.Fatal(err)
	}
	src := strings.NewReplacer("PLANT", fmt.Sprintf("%q", plantSrc), "INIT", fmt.Sprintf("%q", tableInit)).Replace(attack)
	if err := os.WriteFile(filepath.Join(root, "notebooks", "attack.md"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, root)
	_, err := runProbe(t, root, "attack.md", src, Limits{})
	var probs Problems
	if !errors.As(err, &probs) || len(probs) != 1 || probs[0].Line != 8 || !strings.Contains(probs[0].Err.Error(), "permission denied") || !strings.Contains(probs[0].Err.Error(), "write only its scratch directory") {
		t.Fatalf("the attack: %v, expected one problem at notebooks/attack.md:8 (the check of the first write), permission denied", err)
	}
	if after := snapshot(t, root); after != before {
		t.Errorf("the attack changed the tree:\n%s", lineDiff(before, after))
	}

	if err := os.MkdirAll(filepath.Join(root, "analysis", "plant"), 0o755); err != nil {
		t.Fatal(err)
	}
	for f, s := range map[string]string{"analysis/plant/plant.go": plantSrc, "analysis/table/zz_init.go": tableInit} {
		if err := os.WriteFile(filepath.Join(root, f), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	before = snapshot(t, root)
	// The planted package is no package the compendium declares, so the
	// import allowlist refuses it before anything is built; with the
	// allowlist off, the operating system still refuses what it does.
	_, err = runProbe(t, root, "importer.md", importer, Limits{})
	if err == nil || !strings.Contains(err.Error(), "may not be imported in a notebook") {
		t.Errorf("the importer: %v, expected the allowlist to refuse the planted package", err)
	}
	unguarded(t)
	_, err = runProbe(t, root, "importer.md", importer, Limits{})
	if err == nil || !strings.Contains(err.Error(), "setsid") || !strings.Contains(err.Error(), "permission denied") {
		t.Errorf("the importer: %v, expected the plant's start of setsid to be refused", err)
	}
	if after := snapshot(t, root); after != before {
		t.Errorf("the importer changed the tree:\n%s", lineDiff(before, after))
	}
	if _, err := os.Stat(filepath.Join(home, "pwned")); err == nil {
		t.Error("the init() planted in analysis/table wrote to $HOME")
	}
	if p := leftover(t, "sleep\x0031719"); len(p) > 0 {
		t.Errorf("processes outlived the render: %v", p)
	}
}

// setHome sets HOME to home for the test, keeping the go command's
// directories (which default to places under HOME) where they were.
func setHome(t *testing.T, home string) {
	t.Helper()
	for _, v := range []string{"GOPATH", "GOMODCACHE", "GOCACHE", "GOENV"} {
		d, err := exec.Command("go", "env", v).Output()
		if err != nil {
			t.Fatal(err)
		}
		t.Setenv(v, strings.TrimSpace(string(d)))
	}
	t.Setenv("HOME", home)
}
