package notebook

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// browser is the one headless Chromium that the tests of this package
// open their pages in, each page in a tab of its own, driven over the
// DevTools protocol on a pipe (--remote-debugging-pipe: Chromium reads
// commands from its file descriptor 3 and writes replies and events to
// 4, each message a JSON object ended by a NUL byte). Starting Chromium
// once instead of once per page is most of what the browser tests cost.
type browser struct {
	cmd    *exec.Cmd
	dir    string // its profile
	w      io.WriteCloser
	stderr bytes.Buffer // what Chromium logged; read after it ended

	mu      sync.Mutex
	next    int
	pending map[int]chan cdpMessage
	logs    map[string][]string      // console lines by session
	waiting map[string]chan struct{} // by session and event (waitKey), closed when the event comes
	err     error                    // why the pipe closed
}

// cdpMessage is a message of the DevTools protocol: a reply (ID set) or
// an event (Method set), of a session or of the browser.
type cdpMessage struct {
	ID        int             `json:"id,omitempty"`
	Method    string          `json:"method,omitempty"`
	SessionID string          `json:"sessionId,omitempty"`
	Params    json.RawMessage `json:"params,omitempty"`
	Result    json.RawMessage `json:"result,omitempty"`
	Error     *struct {
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

// shared holds the package's browser, started on first use (sharedBrowser)
// and stopped by TestMain.
var shared struct {
	once sync.Once
	b    *browser
	err  error
}

// sharedBrowser returns the package's browser, starting the Chromium at
// path chrome on first use.
func sharedBrowser(chrome string) (*browser, error) {
	shared.once.Do(func() { shared.b, shared.err = startBrowser(chrome) })
	return shared.b, shared.err
}

// stopSharedBrowser ends the package's browser, if it was started.
func stopSharedBrowser() {
	if shared.b != nil {
		shared.b.close()
	}
}

// startBrowser starts headless Chromium with its DevTools pipe. Every
// tab's window is 1024 × 900 px with no scroll bars (checkWidth's frame
// fits in it).
func startBrowser(chrome string) (*browser, error) {
	dir, err := os.MkdirTemp("", "nexus-chromium-")
	if err != nil {
		return nil, err
	}
	cmdR, cmdW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	b := &browser{dir: dir, w: cmdW, pending: map[int]chan cdpMessage{}, logs: map[string][]string{}, waiting: map[string]chan struct{}{}}
	b.cmd = exec.Command(chrome, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--hide-scrollbars", "--window-size=1024,900", "--user-data-dir="+dir,
		"--remote-debugging-pipe", "about:blank")
	b.cmd.ExtraFiles = []*os.File{cmdR, outW} // descriptors 3 and 4
	b.cmd.Stderr = &b.stderr
	if err := b.cmd.Start(); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	cmdR.Close()
	outW.Close()
	go b.read(outR)
	return b, nil
}

// close ends Chromium and removes its profile.
func (b *browser) close() {
	b.call(context.Background(), "", "Browser.close", nil, nil)
	b.w.Close()
	done := make(chan struct{})
	go func() { b.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		b.cmd.Process.Kill()
		<-done
	}
	os.RemoveAll(b.dir)
}

// read dispatches every message Chromium writes: a reply to its caller,
// a console message or exception to its session's log.
func (b *browser) read(r io.Reader) {
	br := bufio.NewReaderSize(r, 1<<20)
	for {
		raw, err := br.ReadBytes(0)
		if err != nil {
			b.mu.Lock()
			b.err = fmt.Errorf("chromium closed its DevTools pipe: %v", err)
			for id, ch := range b.pending {
				close(ch)
				delete(b.pending, id)
			}
			b.mu.Unlock()
			return
		}
		var m cdpMessage
		if json.Unmarshal(bytes.TrimSuffix(raw, []byte{0}), &m) != nil {
			continue
		}
		b.mu.Lock()
		if m.ID != 0 {
			if ch, ok := b.pending[m.ID]; ok {
				ch <- m
				delete(b.pending, m.ID)
			}
		} else if ch, ok := b.waiting[waitKey(m.SessionID, m.Method)]; ok {
			close(ch)
			delete(b.waiting, waitKey(m.SessionID, m.Method))
		} else if line := consoleLine(m); line != "" {
			b.logs[m.SessionID] = append(b.logs[m.SessionID], line)
		}
		b.mu.Unlock()
	}
}

// consoleLine returns what an event puts on the page's console, as one
// line, or "" for any other event: a console call of any kind, an
// uncaught exception, or a message of the browser (a resource that did
// not load, among others).
func consoleLine(m cdpMessage) string {
	switch m.Method {
	case "Runtime.consoleAPICalled":
		var p struct {
			Type string `json:"type"`
			Args []struct {
				Value       any    `json:"value"`
				Description string `json:"description"`
			} `json:"args"`
		}
		json.Unmarshal(m.Params, &p)
		var words []string
		for _, a := range p.Args {
			if a.Value != nil {
				words = append(words, fmt.Sprint(a.Value))
			} else {
				words = append(words, a.Description)
			}
		}
		return "console." + p.Type + ": " + strings.Join(words, " ")
	case "Runtime.exceptionThrown":
		var p struct {
			Details struct {
				Text      string `json:"text"`
				URL       string `json:"url"`
				Line      int    `json:"lineNumber"`
				Exception struct {
					Description string `json:"description"`
				} `json:"exception"`
			} `json:"exceptionDetails"`
		}
		json.Unmarshal(m.Params, &p)
		d := p.Details
		return fmt.Sprintf("%s %s (%s:%d)", d.Text, d.Exception.Description, d.URL, d.Line+1)
	case "Log.entryAdded":
		var p struct {
			Entry struct {
				Level, Source, Text, URL string
			} `json:"entry"`
		}
		json.Unmarshal(m.Params, &p)
		e := p.Entry
		return fmt.Sprintf("%s %s: %s (%s)", e.Source, e.Level, e.Text, e.URL)
	}
	return ""
}

// call sends method with params, in session (the browser's when ""), and
// decodes the reply's result into result (when not nil).
func (b *browser) call(ctx context.Context, session, method string, params, result any) error {
	b.mu.Lock()
	if b.err != nil {
		b.mu.Unlock()
		return b.err
	}
	b.next++
	id := b.next
	ch := make(chan cdpMessage, 1)
	b.pending[id] = ch
	msg, err := json.Marshal(struct {
		ID        int    `json:"id"`
		SessionID string `json:"sessionId,omitempty"`
		Method    string `json:"method"`
		Params    any    `json:"params,omitempty"`
	}{id, session, method, params})
	if err == nil {
		_, err = b.w.Write(append(msg, 0))
	}
	b.mu.Unlock()
	if err != nil {
		return err
	}
	select {
	case m, ok := <-ch:
		switch {
		case !ok:
			return b.closedErr()
		case m.Error != nil:
			return fmt.Errorf("%s: %s", method, m.Error.Message)
		case result != nil:
			return json.Unmarshal(m.Result, result)
		}
		return nil
	case <-ctx.Done():
		return fmt.Errorf("%s: %v", method, ctx.Err())
	}
}

// closedErr says why the pipe closed.
func (b *browser) closedErr() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.err
}

// waitKey is the key of waiting for the event method of session.
func waitKey(session, method string) string { return session + " " + method }

// wait returns a channel that is closed when the event method of
// session comes.
func (b *browser) wait(session, method string) chan struct{} {
	ch := make(chan struct{})
	b.mu.Lock()
	b.waiting[waitKey(session, method)] = ch
	b.mu.Unlock()
	return ch
}

// page opens the file abs in a new tab, as --virtual-time-budget=5000
// --dump-dom does: it loads the page, then lets its scripts and timers
// run for five seconds of virtual time (at once when nothing is left to
// do), then returns the text of the element with the given id (which a check
// script writes after the load event; "" and ok false when there is
// none) and every line the page put on its console, and closes the tab.
func (b *browser) page(ctx context.Context, abs, id string) (text string, ok bool, console []string, err error) {
	var target struct {
		TargetID string `json:"targetId"`
	}
	if err := b.call(ctx, "", "Target.createTarget", map[string]any{"url": "about:blank"}, &target); err != nil {
		return "", false, nil, err
	}
	defer b.call(context.Background(), "", "Target.closeTarget", map[string]any{"targetId": target.TargetID}, nil)
	var att struct {
		SessionID string `json:"sessionId"`
	}
	if err := b.call(ctx, "", "Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true}, &att); err != nil {
		return "", false, nil, err
	}
	s := att.SessionID
	loaded, expired := b.wait(s, "Page.loadEventFired"), b.wait(s, "Emulation.virtualTimeBudgetExpired")
	defer func() {
		b.mu.Lock()
		delete(b.waiting, waitKey(s, "Page.loadEventFired"))
		delete(b.waiting, waitKey(s, "Emulation.virtualTimeBudgetExpired"))
		delete(b.logs, s)
		b.mu.Unlock()
	}()
	for _, domain := range []string{"Runtime.enable", "Log.enable", "Page.enable"} {
		if err := b.call(ctx, s, domain, nil, nil); err != nil {
			return "", false, nil, err
		}
	}
	if err := b.call(ctx, s, "Page.navigate", map[string]any{"url": "file://" + filepath.ToSlash(abs)}, nil); err != nil {
		return "", false, nil, err
	}
	select {
	case <-loaded:
	case <-ctx.Done():
		return "", false, nil, fmt.Errorf("the page did not load: %v", ctx.Err())
	}
	policy := map[string]any{"policy": "pauseIfNetworkFetchesPending", "budget": 5000}
	if err := b.call(ctx, s, "Emulation.setVirtualTimePolicy", policy, nil); err != nil {
		return "", false, nil, err
	}
	select {
	case <-expired:
	case <-ctx.Done():
		return "", false, nil, fmt.Errorf("the page did not settle: %v", ctx.Err())
	}
	expr := fmt.Sprintf("(function () { var e = document.getElementById(%q); return e ? e.textContent : null; })()", id)
	var r struct {
		Result struct {
			Value *string `json:"value"`
		} `json:"result"`
	}
	if err := b.call(ctx, s, "Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true}, &r); err != nil {
		return "", false, nil, err
	}
	b.mu.Lock()
	console = b.logs[s]
	b.mu.Unlock()
	if r.Result.Value == nil {
		return "", false, console, nil
	}
	return *r.Result.Value, true, console, nil
}

// TestMain runs the tests, then ends the package's browser.
func TestMain(m *testing.M) {
	code := testenv.Run(m)
	stopSharedBrowser()
	os.Exit(code)
}
