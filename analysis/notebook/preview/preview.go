// Package preview serves rendered notebooks over HTTP while they are
// edited, as `quarto preview` does: it renders each notebook with
// notebook.RenderPage (cache included), watches the notebook files, renders
// again only the notebook that changed, and tells the open pages to reload
// through server-sent events. The reload script is inline; the pages load
// no external JavaScript.
//
// A notebook that fails to render is served as a page that lists its
// problems at the notebook's own file:line; it reloads when the notebook
// is saved again.
//
// The server listens on a loopback address only (127.0.0.1, ::1 or
// localhost), unless Options.AllowRemote is set: a rendered notebook shows
// the outputs of code that ran with the author's permissions. It answers
// only requests whose Host is a loopback address or localhost with the
// server's own port (421 Misdirected Request otherwise), so a page of
// another site whose name a DNS rebinding points at 127.0.0.1 cannot read
// the notebooks or their event stream. Header, read and idle timeouts
// bound what a slow or idle client holds.
//
// Each notebook renders on its own: a notebook whose program loops never
// delays another's render, and a new save of a notebook cancels its
// running render (the program is killed) and starts again. Changes are
// detected by the content hash of the notebook's file, so a save within
// one modification-time tick is never missed and a save without a change
// renders nothing.
//
// Routes: "/" serves the only notebook, or a list when there are several;
// "/NAME.html" a notebook; "/NAME/FIGURE.svg" its figures;
// "/events?page=NAME" the event stream ("event: reload" with the page's
// new version whenever it is rendered again).
package preview

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/nexus-toolkit/nexus/analysis/notebook"
	"github.com/nexus-toolkit/nexus/analysis/notebook/preview/launch"
	"github.com/nexus-toolkit/nexus/analysis/safefile"
)

// Options configure a Server.
type Options struct {
	// Addr is the host:port to listen on; default DefaultAddr. A port of 0
	// picks a free one (see Server.Addr).
	Addr string
	// AllowRemote permits an address that is not a loopback address.
	AllowRemote bool
	// Render is passed to notebook.RenderPage (Root, and Force for the
	// first render only: later renders use the cache when it is valid).
	Render notebook.Options
	// Interval is how often the notebook files are checked for changes;
	// default 200 ms.
	Interval time.Duration
	// Log, when set, gets a line for each render: the notebook and whether
	// it ran, came from the cache or failed.
	Log io.Writer
	// ReadHeaderTimeout bounds the time a client may take to send a
	// request's headers; default 10 s. ReadTimeout (the whole request)
	// and IdleTimeout (a kept-alive connection) are 30 s and 120 s.
	ReadHeaderTimeout time.Duration
}

// DefaultAddr is the address a Server listens on by default.
const DefaultAddr = launch.DefaultAddr

// CheckAddr returns an error unless addr's host is a loopback address
// (127.0.0.0/8, ::1 or localhost) or allowRemote is set. An empty host
// means every interface, so it is refused too. It is launch.CheckAddr,
// which the nexus command calls before it starts the server.
func CheckAddr(addr string, allowRemote bool) error { return launch.CheckAddr(addr, allowRemote) }

// Main is the preview server's program (cmd/nexus-preview), as nexus
// preview starts it through package launch: args is the one argument
// launch.Run passes, a launch.Request. It serves the notebooks, says
// where on stderr ("nexus preview: serving URL"), stops at SIGINT or
// SIGTERM and returns the exit status: 0 when stopped, 1 on an error
// (reported on stderr after "nexus: "), 2 when args is not a request.
func Main(args []string, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprintln(stderr, "nexus-preview: nexus preview starts this program; run nexus preview -h for usage")
		return 2
	}
	req, err := launch.Decode(args[0])
	if err != nil {
		fmt.Fprintf(stderr, "nexus-preview: %v\n", err)
		return 2
	}
	opt := Options{Addr: req.Addr, AllowRemote: req.AllowRemote, Render: notebook.Options{
		Force: req.Force, Dataset: req.Dataset, Limits: notebook.Limits{Unconfined: req.Unconfined}, Packages: req.Packages,
	}}
	if req.Verbose {
		opt.Log = stderr
	}
	srv, err := New(opt, req.Notebooks...)
	if err != nil {
		for _, line := range strings.Split(err.Error(), "\n") {
			fmt.Fprintln(stderr, "nexus: "+line)
		}
		return 1
	}
	fmt.Fprintf(stderr, "nexus preview: serving %s (Ctrl-C to stop)\n", srv.URL())
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := srv.Serve(ctx); err != nil {
		fmt.Fprintf(stderr, "nexus: %v\n", err)
		return 1
	}
	return 0
}

// page is the current state of one notebook.
type page struct {
	file    string // as given
	name    string // NAME of NAME.md
	seen    bool
	sum     [32]byte // content hash of the file last rendered (or of its read error)
	pending [32]byte // content hash a poll saw that differs from sum, not yet settled
	version int
	files   map[string][]byte // rendered files, nil after an error
	err     error
	gen     int                // the generation of the latest render started
	cancel  context.CancelFunc // cancels the running render; nil when none runs
}

// Server serves and re-renders a set of notebooks.
type Server struct {
	opt     Options
	ln      net.Listener
	mu      sync.Mutex
	pages   []*page
	byName  map[string]*page
	changed chan struct{}                   // closed and replaced on every new version
	wrap    func(http.Handler) http.Handler // tests: wraps Handler in Serve
	ctx     context.Context                 // ends the renders; Serve's context once it serves
}

// New renders the notebooks once and listens on opt.Addr. It does not
// serve until Serve is called.
func New(opt Options, files ...string) (*Server, error) {
	if len(files) == 0 {
		return nil, errors.New("preview: no notebook given")
	}
	if opt.Addr == "" {
		opt.Addr = DefaultAddr
	}
	if opt.Interval <= 0 {
		opt.Interval = 200 * time.Millisecond
	}
	if err := CheckAddr(opt.Addr, opt.AllowRemote); err != nil {
		return nil, err
	}
	if opt.ReadHeaderTimeout <= 0 {
		opt.ReadHeaderTimeout = 10 * time.Second
	}
	s := &Server{opt: opt, byName: map[string]*page{}, changed: make(chan struct{}), ctx: context.Background()}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))
		if _, dup := s.byName[name]; dup {
			return nil, fmt.Errorf("preview: two notebooks named %s", name)
		}
		p := &page{file: f, name: name}
		s.pages = append(s.pages, p)
		s.byName[name] = p
	}
	for _, p := range s.pages {
		s.refresh(p)
	}
	s.opt.Render.Force = false // Force runs each notebook once, at the start
	ln, err := net.Listen("tcp", opt.Addr)
	if err != nil {
		return nil, fmt.Errorf("preview: %w", err)
	}
	s.ln = ln
	return s, nil
}

// Addr is the address the server listens on, with the port it got.
func (s *Server) Addr() string { return s.ln.Addr().String() }

// URL is the address of the server's front page.
func (s *Server) URL() string { return "http://" + s.Addr() + "/" }

// Serve serves until ctx is done, re-rendering changed notebooks.
func (s *Server) Serve(ctx context.Context) error {
	h := s.Handler()
	if s.wrap != nil {
		h = s.wrap(h)
	}
	srv := &http.Server{Handler: s.guard(h), BaseContext: func(net.Listener) context.Context { return ctx },
		ReadHeaderTimeout: s.opt.ReadHeaderTimeout, ReadTimeout: 30 * time.Second, IdleTimeout: 120 * time.Second}
	s.mu.Lock()
	s.ctx = ctx // stopping the server kills every running notebook program
	s.mu.Unlock()
	go s.watch(ctx)
	go func() {
		<-ctx.Done()
		srv.Close()
	}()
	err := srv.Serve(s.ln)
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

// guard answers 421 Misdirected Request to a request whose Host is not
// this server's: a loopback address or localhost with the server's own
// port. With AllowRemote any Host is served.
func (s *Server) guard(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.opt.AllowRemote && !s.ownHost(r.Host) {
			http.Error(w, "preview: this server answers only to its own loopback address, not to Host "+strconv.Quote(r.Host), http.StatusMisdirectedRequest)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// ownHost reports whether host (a Host header) names this server: a
// loopback IP literal or localhost, with the port the server listens on.
func (s *Server) ownHost(host string) bool {
	name, port, err := net.SplitHostPort(host)
	if err != nil {
		return false
	}
	_, own, err := net.SplitHostPort(s.Addr())
	if err != nil || port != own {
		return false
	}
	if strings.EqualFold(name, "localhost") {
		return true
	}
	ip := net.ParseIP(name) // only a canonical literal: 0x7f.1 or 2130706433 is no IP here
	return ip != nil && ip.IsLoopback()
}

// watch polls the notebook files and starts a render of each one that
// changed; it never waits for a render.
func (s *Server) watch(ctx context.Context) {
	t := time.NewTicker(s.opt.Interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			for _, p := range s.pages {
				s.check(p, true)
			}
		}
	}
}

// refresh renders p again when its file changed, and waits for the
// render.
func (s *Server) refresh(p *page) {
	if done := s.check(p, false); done != nil {
		<-done
	}
}

// check reads p's file and, when its content changed since it was last
// seen, cancels p's running render and starts a new one, returning a
// channel closed when that render is done; nil when nothing changed. A
// missing or unreadable file counts as a change once, then as unchanged
// while the error stays the same. With settle, a change is rendered only
// once two polls in a row read the same new content, so a file an editor
// is still writing is not rendered half written.
func (s *Server) check(p *page, settle bool) <-chan struct{} {
	src, rerr := safefile.ReadRegular(p.file, notebook.MaxSource) // a FIFO or /dev/zero is refused at once
	sum := sha256.Sum256(src)
	if rerr != nil {
		sum = sha256.Sum256([]byte("\x00read error: " + rerr.Error()))
	}
	s.mu.Lock()
	if p.seen && sum == p.sum {
		s.mu.Unlock()
		return nil
	}
	if settle && p.seen && sum != p.pending {
		p.pending = sum // seen once: render when the next poll reads the same
		s.mu.Unlock()
		return nil
	}
	p.seen, p.sum, p.pending = true, sum, sum
	if p.cancel != nil {
		p.cancel() // a newer save supersedes the running render
	}
	p.gen++
	gen := p.gen
	ctx, cancel := context.WithCancel(s.ctx)
	p.cancel = cancel
	opt := s.opt.Render
	s.mu.Unlock()
	opt.Context = ctx
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer cancel()
		var rp *notebook.Page
		err := rerr
		if err == nil {
			rp, err = notebook.RenderPage(opt, p.file)
		}
		s.publish(p, gen, rp, err)
	}()
	return done
}

// publish makes a finished render p's new version, unless a newer render
// of p has started meanwhile (its result is then dropped).
func (s *Server) publish(p *page, gen int, rp *notebook.Page, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if gen != p.gen {
		return
	}
	p.cancel = nil
	s.log(p, rp, err)
	p.err, p.files = err, nil
	if err == nil {
		p.files = rp.Files
	}
	p.version++
	close(s.changed)
	s.changed = make(chan struct{})
}

func (s *Server) log(p *page, rp *notebook.Page, err error) {
	if s.opt.Log == nil {
		return
	}
	switch {
	case err != nil:
		fmt.Fprintf(s.opt.Log, "preview %s: failed\n", p.file)
	case rp.Ran:
		fmt.Fprintf(s.opt.Log, "preview %s: ran\n", p.file)
	default:
		fmt.Fprintf(s.opt.Log, "preview %s: cached\n", p.file)
	}
}

// Handler returns the server's routes.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/events", s.events)
	mux.HandleFunc("/", s.serve)
	return mux
}

// serve serves the front page, a notebook's page or one of its figures.
// The response is put together under the lock and written after it, so a
// slow client never holds up a render.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	ctype, body := s.lookup(strings.TrimPrefix(r.URL.Path, "/"))
	if body == nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-store")
	w.Write(body)
}

// lookup returns the content type and bytes of path, or a nil body.
func (s *Server) lookup(path string) (string, []byte) {
	const htmlType = "text/html; charset=utf-8"
	s.mu.Lock()
	defer s.mu.Unlock()
	if path == "" {
		if len(s.pages) == 1 {
			return htmlType, pageHTML(s.pages[0])
		}
		return htmlType, s.indexHTML()
	}
	if name, ok := strings.CutSuffix(path, ".html"); ok {
		if p, ok := s.byName[name]; ok {
			return htmlType, pageHTML(p)
		}
	}
	name, _, _ := strings.Cut(path, "/")
	if p, ok := s.byName[name]; ok && strings.HasSuffix(path, ".svg") {
		if b, ok := p.files[path]; ok { // p.files is replaced whole, never changed
			return "image/svg+xml", b
		}
	}
	return "", nil
}

// pageHTML returns p's page, or its problems, with the reload script
// before </body>.
func pageHTML(p *page) []byte {
	body := p.files[p.name+".html"]
	if p.err != nil || body == nil {
		body = problemsPage(p)
	}
	script := fmt.Sprintf(reloadScript, jsString(p.name), p.version)
	i := bytes.LastIndex(body, []byte("</body>"))
	if i < 0 {
		i = len(body)
	}
	out := make([]byte, 0, len(body)+len(script))
	out = append(out, body[:i]...)
	out = append(out, script...)
	return append(out, body[i:]...)
}

// indexHTML lists the notebooks.
func (s *Server) indexHTML() []byte {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>nexus preview</title>\n</head>\n<body>\n<h1>Notebooks</h1>\n<ul>\n")
	names := make([]string, 0, len(s.pages))
	for _, p := range s.pages {
		names = append(names, p.name)
	}
	sort.Strings(names)
	for _, n := range names {
		p := s.byName[n]
		state := ""
		if p.err != nil {
			state = " (has problems)"
		}
		fmt.Fprintf(&b, "<li><a href=\"/%s.html\">%s</a>%s</li>\n", html.EscapeString(n), html.EscapeString(p.file), state)
	}
	b.WriteString("</ul>\n</body>\n</html>\n")
	return []byte(b.String())
}

// problemsPage is the page of a notebook that failed to render: each
// problem on its own line, at the notebook's file:line.
func problemsPage(p *page) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>%s: problems</title>\n", html.EscapeString(p.name))
	b.WriteString("<style>body{font-family:sans-serif;margin:2em}pre{background:#fff0f0;border-left:4px solid #d55e00;padding:1em;white-space:pre-wrap}</style>\n</head>\n<body>\n")
	fmt.Fprintf(&b, "<h1>%s.md does not render</h1>\n<p>Fix the notebook and save it; this page reloads.</p>\n<pre id=\"problems\">", html.EscapeString(p.name))
	for i, e := range flatten(p.err) {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(html.EscapeString(e.Error()))
	}
	b.WriteString("</pre>\n</body>\n</html>\n")
	return b.Bytes()
}

// flatten returns the errors joined in err, nested joins included.
func flatten(err error) []error {
	if err == nil {
		return []error{errors.New("no output")}
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, flatten(e)...)
		}
		return out
	}
	return []error{err}
}

// reloadScript is inlined into every page: it listens to the page's event
// stream and reloads when a version other than its own arrives.
const reloadScript = `<script>
(function () {
  var page = %s, version = %d;
  var es = new EventSource('/events?page=' + encodeURIComponent(page));
  es.addEventListener('reload', function (e) {
    if (e.data !== String(version)) { es.close(); location.reload(); }
  });
})();
</script>
`

// jsString quotes s as a JavaScript string literal that is safe inside a
// <script> element.
func jsString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`, "\r", `\r`, "<", `\x3c`, ">", `\x3e`, "&", `\x26`)
	return "'" + r.Replace(s) + "'"
}

// events streams "reload" events with the page's version: one at once,
// then one each time the page is rendered again.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	p, ok := s.byName[r.URL.Query().Get("page")]
	s.mu.Unlock()
	fl, canFlush := w.(http.Flusher)
	if !ok || !canFlush {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	last := -1
	keepAlive := time.NewTicker(15 * time.Second)
	defer keepAlive.Stop()
	for {
		s.mu.Lock()
		v, ch := p.version, s.changed
		s.mu.Unlock()
		if v != last {
			fmt.Fprintf(w, "event: reload\ndata: %d\n\n", v)
			fl.Flush()
			last = v
		}
		select {
		case <-r.Context().Done():
			return
		case <-ch:
		case <-keepAlive.C:
			io.WriteString(w, ": keep-alive\n\n")
			fl.Flush()
		}
	}
}
