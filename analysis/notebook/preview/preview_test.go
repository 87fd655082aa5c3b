package preview

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nexus-toolkit/nexus/analysis/notebook"
	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// newRoot makes a repository in a temporary directory: the module's go.mod
// and go.sum, the packages notebook programs import and the given notebooks (name -> text)
// under notebooks/. It returns the root and the notebooks' paths.
func newRoot(t *testing.T, nbs map[string]string) (string, map[string]string) {
	t.Helper()
	root := t.TempDir()
	testenv.CopyModule(t, root)
	// The packages a notebook program imports (those of notebook/cell),
	// as notebook's tests copy them.
	deps, err := cellDeps()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	for _, p := range deps {
		pkg, ok := strings.CutPrefix(p, "github.com/nexus-toolkit/nexus/")
		if !ok {
			continue
		}
		gos, _ := filepath.Glob(filepath.Join("..", "..", "..", pkg, "*.go"))
		if len(gos) == 0 {
			t.Fatalf("no Go files in %s", pkg)
		}
		os.MkdirAll(filepath.Join(root, pkg), 0o755)
		for _, g := range gos {
			if !strings.HasSuffix(g, "_test.go") {
				b, _ := os.ReadFile(g)
				os.WriteFile(filepath.Join(root, pkg, filepath.Base(g)), b, 0o644)
			}
		}
	}
	os.MkdirAll(filepath.Join(root, "notebooks"), 0o755)
	paths := map[string]string{}
	for name, text := range nbs {
		p := filepath.Join(root, "notebooks", name+".md")
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		paths[name] = p
	}
	return root, paths
}

// cellDeps lists the packages of notebook/cell's import graph, once for
// every test of the package.
var cellDeps = sync.OnceValues(func() ([]string, error) {
	out, err := exec.Command("go", "list", "-deps", "github.com/nexus-toolkit/nexus/analysis/notebook/cell").Output()
	return strings.Fields(string(out)), err
})

// prose is a notebook without cells, so that rendering it runs no Go.
func prose(word string) string {
	return "---\ntitle: Live\n---\n\nThe marker word is " + word + ".\n"
}

// broken has a bad cell option on line 7.
const broken = "---\ntitle: Live\n---\n\nText.\n\n```go\n//| colour: red\nx := 1\n_ = x\n```\n"

func get(t *testing.T, h http.Handler, path string) (int, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
	return rec.Code, rec.Body.String()
}

func TestCheckAddr(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		addr   string
		remote bool
		ok     bool
	}{
		{"127.0.0.1:8080", false, true}, {"127.0.0.2:0", false, true}, {"[::1]:8080", false, true},
		{"localhost:8080", false, true}, {"0.0.0.0:8080", false, false}, {":8080", false, false},
		{"192.168.1.5:8080", false, false}, {"example.org:80", false, false}, {"0.0.0.0:8080", true, true},
		{"127.0.0.1", false, false},
	} {
		if err := CheckAddr(c.addr, c.remote); (err == nil) != c.ok {
			t.Errorf("CheckAddr(%q, %v) = %v, want ok=%v", c.addr, c.remote, err, c.ok)
		}
	}
	if _, err := New(Options{Addr: "0.0.0.0:0"}, "x.md"); err == nil || !strings.Contains(err.Error(), "not a loopback address") {
		t.Errorf("New on 0.0.0.0: %v", err)
	}
}

// TestServe renders two notebooks, serves them, re-renders only the one
// that changes and shows a render error at its file:line.
func TestServe(t *testing.T) {
	t.Parallel()
	root, nb := newRoot(t, map[string]string{"01-a": prose("alpha"), "02-b": prose("bravo")})
	var log bytes.Buffer
	s, err := New(Options{Addr: "127.0.0.1:0", Render: notebook.Options{Root: root}, Log: &log}, nb["01-a"], nb["02-b"])
	if err != nil {
		t.Fatal(err)
	}
	defer s.ln.Close()
	h := s.Handler()
	if code, body := get(t, h, "/"); code != 200 || !strings.Contains(body, `href="/01-a.html"`) || !strings.Contains(body, `href="/02-b.html"`) {
		t.Errorf("index: %d\n%s", code, body)
	}
	code, body := get(t, h, "/01-a.html")
	if code != 200 || !strings.Contains(body, "The marker word is alpha.") || !strings.Contains(body, "new EventSource('/events?page=' + encodeURIComponent(page))") {
		t.Fatalf("page: %d\n%s", code, body)
	}
	if strings.Contains(body, "<script src=") {
		t.Error("the page loads external JavaScript")
	}
	if code, _ := get(t, h, "/03-c.html"); code != 404 {
		t.Errorf("unknown page: %d", code)
	}
	// Edit one notebook: only it is rendered again and gets a new version.
	os.WriteFile(nb["01-a"], []byte(prose("charlie")), 0o644)
	for _, p := range s.pages {
		s.refresh(p)
	}
	if a, b := s.byName["01-a"].version, s.byName["02-b"].version; a != 2 || b != 1 {
		t.Errorf("versions after editing 01-a: %d, %d; want 2, 1", a, b)
	}
	if _, body := get(t, h, "/01-a.html"); !strings.Contains(body, "charlie") || !strings.Contains(body, "version = 2") {
		t.Errorf("page after the edit:\n%s", body)
	}
	// Saving the same bytes again renders nothing.
	before := log.String()
	os.WriteFile(nb["01-a"], []byte(prose("charlie")), 0o644)
	os.Chtimes(nb["01-a"], time.Now(), time.Now().Add(time.Second))
	s.refresh(s.byName["01-a"])
	if log.String() != before || s.byName["01-a"].version != 2 {
		t.Errorf("an unchanged save rendered again:\n%s", log.String())
	}
	// A broken notebook shows its problems at file:line.
	os.WriteFile(nb["02-b"], []byte(broken), 0o644)
	s.refresh(s.byName["02-b"])
	code, body = get(t, h, "/02-b.html")
	if code != 200 || !strings.Contains(body, "notebooks/02-b.md:8: unknown cell option &#34;colour&#34;") || !strings.Contains(body, "version = 2") {
		t.Errorf("problems page: %d\n%s", code, body)
	}
	if _, body := get(t, h, "/"); !strings.Contains(body, "(has problems)") {
		t.Errorf("index does not flag the broken notebook:\n%s", body)
	}
	// A notebook removed while an editor saves is reported once, not on
	// every poll.
	os.Remove(nb["01-a"])
	s.refresh(s.byName["01-a"])
	s.refresh(s.byName["01-a"])
	if v := s.byName["01-a"].version; v != 3 {
		t.Errorf("version after removing the notebook and polling twice: %d, want 3", v)
	}
	if _, body := get(t, h, "/01-a.html"); !strings.Contains(body, "no such file or directory") {
		t.Errorf("removed notebook:\n%s", body)
	}
}

// TestEvents reads the event stream: the current version at once, then
// the next when the notebook is rendered again.
func TestEvents(t *testing.T) {
	t.Parallel()
	root, nb := newRoot(t, map[string]string{"01-a": prose("alpha")})
	s, err := New(Options{Addr: "127.0.0.1:0", Render: notebook.Options{Root: root}, Interval: 20 * time.Millisecond}, nb["01-a"])
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go s.Serve(ctx)
	resp, err := http.Get("http://" + s.Addr() + "/events?page=01-a")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Errorf("content type %q", ct)
	}
	r := bufio.NewReader(resp.Body)
	next := func() string {
		var ev []string
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				t.Fatalf("event stream: %v", err)
			}
			if line == "\n" {
				return strings.Join(ev, "")
			}
			if !strings.HasPrefix(line, ":") {
				ev = append(ev, line)
			}
		}
	}
	if ev := next(); ev != "event: reload\ndata: 1\n" {
		t.Errorf("first event %q", ev)
	}
	os.WriteFile(nb["01-a"], []byte(prose("bravo")), 0o644)
	if ev := next(); ev != "event: reload\ndata: 2\n" {
		t.Errorf("event after the edit %q", ev)
	}
}

// reporter is injected into the pages the browser test opens: after each
// load it posts the page's text back to the test.
const reporter = `<script>window.addEventListener('load', function () {
  fetch('/__report', {method: 'POST', body: document.body.innerText});
});</script>
`

// TestBrowserReload opens the preview in headless Chromium, edits the
// notebook and saves it, and expects the open page to show the new text
// within 2 s; then breaks the notebook and expects its problems in the
// page.
func TestBrowserReload(t *testing.T) {
	t.Parallel()
	testenv.Short(t, "opens Chromium and renders on every save")
	chrome := testenv.LookPath(t, "chromium", "chromium")
	root, nb := newRoot(t, map[string]string{"01-live": prose("alpha")})
	s, err := New(Options{Addr: "127.0.0.1:0", Render: notebook.Options{Root: root}, Interval: 50 * time.Millisecond}, nb["01-live"])
	if err != nil {
		t.Fatal(err)
	}
	reports := make(chan string, 16)
	s.wrap = func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/__report" {
				b, _ := io.ReadAll(r.Body)
				reports <- string(b)
				return
			}
			if r.URL.Path != "/" {
				h.ServeHTTP(w, r)
				return
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, r)
			w.Header().Set("Content-Type", rec.Header().Get("Content-Type"))
			w.WriteHeader(rec.Code)
			w.Write(bytes.Replace(rec.Body.Bytes(), []byte("</body>"), []byte(reporter+"</body>"), 1))
		})
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go s.Serve(ctx)
	cmd := exec.CommandContext(ctx, chrome, "--headless", "--no-sandbox", "--disable-gpu",
		"--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync", "--disable-quic",
		"--user-data-dir="+t.TempDir(), s.URL())
	var chromeLog bytes.Buffer
	cmd.Stderr = &chromeLog
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cancel(); cmd.Wait() }()
	wait := func(what string, within time.Duration) string {
		t.Helper()
		deadline := time.After(within)
		for {
			select {
			case got := <-reports:
				if strings.Contains(got, what) {
					return got
				}
			case <-deadline:
				t.Fatalf("the page did not show %q within %v; chromium said:\n%s", what, within, chromeLog.String())
			}
		}
	}
	wait("The marker word is alpha.", 60*time.Second) // Chromium's start-up
	saved := time.Now()
	if err := os.WriteFile(nb["01-live"], []byte(prose("bravo")), 0o644); err != nil {
		t.Fatal(err)
	}
	wait("The marker word is bravo.", 2*time.Second)
	t.Logf("the edit showed in the page after %v", time.Since(saved).Round(time.Millisecond))
	os.WriteFile(nb["01-live"], []byte(broken), 0o644)
	got := wait(`notebooks/01-live.md:8: unknown cell option "colour"`, 2*time.Second)
	if !strings.Contains(got, "does not render") {
		t.Errorf("the problems page lacks its heading:\n%s", got)
	}
}

// TestHostCheck: the server answers only to its own loopback address and
// port, whatever name or spelling a rebinding page uses.
func TestHostCheck(t *testing.T) {
	t.Parallel()
	root, nb := newRoot(t, map[string]string{"01-a": prose("alpha")})
	s, err := New(Options{Addr: "127.0.0.1:0", Render: notebook.Options{Root: root}}, nb["01-a"])
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go s.Serve(ctx)
	_, port, _ := net.SplitHostPort(s.Addr())
	for _, c := range []struct {
		host string
		code int
	}{
		{"127.0.0.1:" + port, 200}, {"localhost:" + port, 200}, {"LOCALHOST:" + port, 200}, {"[::1]:" + port, 200},
		{"evil.attacker.example:" + port, 421}, {"0x7f.1:" + port, 421}, {"2130706433:" + port, 421},
		{"127.0.0.1:1", 421}, {"127.0.0.1", 421}, {"localhost.attacker.example:" + port, 421},
	} {
		for _, path := range []string{"/", "/01-a.html", "/events?page=01-a"} {
			req, _ := http.NewRequest("GET", "http://"+s.Addr()+path, nil)
			req.Host = c.host
			rctx, rcancel := context.WithTimeout(ctx, 5*time.Second)
			resp, err := http.DefaultClient.Do(req.WithContext(rctx))
			if err != nil {
				rcancel()
				t.Fatalf("Host %q %s: %v", c.host, path, err)
			}
			resp.Body.Close()
			rcancel()
			if resp.StatusCode != c.code {
				t.Errorf("Host %q %s: %d, want %d", c.host, path, resp.StatusCode, c.code)
			}
		}
	}
}

// TestReadHeaderTimeout: a client that never finishes its headers is
// cut off after ReadHeaderTimeout.
func TestReadHeaderTimeout(t *testing.T) {
	t.Parallel()
	root, nb := newRoot(t, map[string]string{"01-a": prose("alpha")})
	s, err := New(Options{Addr: "127.0.0.1:0", Render: notebook.Options{Root: root}, ReadHeaderTimeout: 100 * time.Millisecond}, nb["01-a"])
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go s.Serve(ctx)
	conn, err := net.Dial("tcp", s.Addr())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	io.WriteString(conn, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n") // and never the blank line
	conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	_, err = io.ReadAll(conn)
	if ne, ok := err.(net.Error); ok && ne.Timeout() {
		t.Fatal("the server kept a connection whose headers never ended for 10 s")
	}
}

// looping is a notebook whose program never ends.
const looping = "---\ntitle: Loop\n---\n\n```go\nfor {\n}\n```\n"

// TestIndependentRenders: a notebook whose program loops does not hold
// up another notebook's render, and a new save of it cancels its running
// render and renders the new text.
func TestIndependentRenders(t *testing.T) {
	t.Parallel()
	testenv.Short(t, "compiles and runs a notebook program that loops")
	root, nb := newRoot(t, map[string]string{"01-a": prose("alpha"), "02-loop": prose("calm")})
	s, err := New(Options{Addr: "127.0.0.1:0", Render: notebook.Options{Root: root}}, nb["01-a"], nb["02-loop"])
	if err != nil {
		t.Fatal(err)
	}
	defer s.ln.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s.ctx = ctx
	os.WriteFile(nb["02-loop"], []byte(looping), 0o644)
	loop := s.check(s.byName["02-loop"], false)
	if loop == nil {
		t.Fatal("the edit of 02-loop was not seen")
	}
	// While 02-loop's program runs, 01-a renders.
	os.WriteFile(nb["01-a"], []byte(prose("bravo")), 0o644)
	done := make(chan struct{})
	go func() { s.refresh(s.byName["01-a"]); close(done) }()
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("01-a's render waited for the looping notebook")
	}
	if _, body := get(t, s.Handler(), "/01-a.html"); !strings.Contains(body, "bravo") {
		t.Errorf("01-a was not rendered again:\n%s", body)
	}
	select {
	case <-loop:
		t.Fatal("the looping notebook's render ended by itself")
	default:
	}
	// Saving 02-loop again cancels the looping render; the new text wins.
	os.WriteFile(nb["02-loop"], []byte(prose("fixed")), 0o644)
	s.refresh(s.byName["02-loop"])
	select {
	case <-loop:
	case <-time.After(30 * time.Second):
		t.Fatal("the looping render was not cancelled by the new save")
	}
	if _, body := get(t, s.Handler(), "/02-loop.html"); !strings.Contains(body, "The marker word is fixed.") {
		t.Errorf("02-loop after the fix:\n%s", body)
	}
}

// TestSameSizeSave: a save of the same size within the same
// modification time is seen, by the content hash.
func TestSameSizeSave(t *testing.T) {
	t.Parallel()
	root, nb := newRoot(t, map[string]string{"01-a": prose("alpha")})
	s, err := New(Options{Addr: "127.0.0.1:0", Render: notebook.Options{Root: root}}, nb["01-a"])
	if err != nil {
		t.Fatal(err)
	}
	defer s.ln.Close()
	fi, _ := os.Stat(nb["01-a"])
	os.WriteFile(nb["01-a"], []byte(prose("omega")), 0o644) // as long as "alpha"
	os.Chtimes(nb["01-a"], fi.ModTime(), fi.ModTime())
	s.refresh(s.byName["01-a"])
	if _, body := get(t, s.Handler(), "/01-a.html"); !strings.Contains(body, "omega") {
		t.Errorf("a same-size save within one mtime tick was missed:\n%s", body)
	}
}
