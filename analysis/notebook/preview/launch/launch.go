// Package launch starts the preview server of package preview as a
// program of its own, cmd/nexus-preview, for the nexus command's preview.
//
// The server needs Go's HTTP stack (net/http, crypto/tls, crypto/x509),
// which is about a quarter of the compile time of a nexus command built
// from an empty build cache, and which no other command uses. So the
// nexus command does not link it: nexus preview checks its flags, builds
// cmd/nexus-preview with the go command (in the compendium's module,
// with the nexus command's build settings, so the build cache already
// holds every package but the HTTP stack and the server) and runs it
// with a Request. This package imports no network package.
package launch

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/netip"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/nexus-toolkit/nexus/analysis/build"
	"github.com/nexus-toolkit/nexus/analysis/notebook"
)

// Program is the import path of the preview server's command.
const Program = "github.com/nexus-toolkit/nexus/cmd/nexus-preview"

// DefaultAddr is the address the preview server listens on by default.
const DefaultAddr = "127.0.0.1:8080"

// Request is what nexus preview asks of the server: its flags, resolved,
// and the notebooks. It travels as the server's one argument, in JSON.
type Request struct {
	Addr        string   `json:"addr"`
	AllowRemote bool     `json:"allow_remote,omitempty"`
	Force       bool     `json:"force,omitempty"`
	Verbose     bool     `json:"verbose,omitempty"`
	Unconfined  bool     `json:"unconfined,omitempty"`
	Dataset     string   `json:"dataset,omitempty"`
	Packages    []string `json:"packages,omitempty"`
	Notebooks   []string `json:"notebooks"`
}

// Decode reads a Request from the server's argument.
func Decode(arg string) (Request, error) {
	var r Request
	dec := json.NewDecoder(strings.NewReader(arg))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		return r, fmt.Errorf("the request %q: %v, expected the JSON that nexus preview passes", arg, err)
	}
	return r, nil
}

// CheckAddr accepts host:port when the host is a loopback address or
// localhost, or any host:port when allowRemote is set: a preview page
// shows the output of code that ran with the user's permissions. host:port
// is split as net.SplitHostPort splits it (an IPv6 host in brackets).
func CheckAddr(addr string, allowRemote bool) error {
	host, err := splitHost(addr)
	if err != nil {
		return fmt.Errorf("preview: address %q: %v, expected host:port such as %s", addr, err, DefaultAddr)
	}
	if allowRemote || host == "localhost" {
		return nil
	}
	if ip, err := netip.ParseAddr(host); err == nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("preview: address %q is not a loopback address, expected 127.0.0.1, ::1 or localhost (allow other addresses explicitly, for example nexus preview -allow-remote)", addr)
}

// splitHost returns the host of host:port, or [host]:port, by the rules
// and with the errors of net.SplitHostPort (TestSplitHostLikeNet).
func splitHost(addr string) (string, error) {
	i := strings.LastIndexByte(addr, ':')
	if i < 0 {
		return "", errors.New("missing port in address")
	}
	var host string
	j, k := 0, 0
	if addr[0] == '[' {
		end := strings.IndexByte(addr, ']')
		if end < 0 {
			return "", errors.New("missing ']' in address")
		}
		switch {
		case end+1 == len(addr):
			return "", errors.New("missing port in address")
		case end+1 != i && addr[end+1] == ':':
			return "", errors.New("too many colons in address")
		case end+1 != i:
			return "", errors.New("missing port in address")
		}
		host, j, k = addr[1:end], 1, end+1
	} else {
		host = addr[:i]
		if strings.IndexByte(host, ':') >= 0 {
			return "", errors.New("too many colons in address")
		}
	}
	if strings.IndexByte(addr[j:], '[') >= 0 {
		return "", errors.New("unexpected '[' in address")
	}
	if strings.IndexByte(addr[k:], ']') >= 0 {
		return "", errors.New("unexpected ']' in address")
	}
	return host, nil
}

// Run builds the server in a scratch directory under
// notebook.ScratchParent(root) (root is the compendium's module) and runs it
// with req and the given standard streams, in the working directory.
// SIGINT and SIGTERM are passed on to the server, which stops at them;
// the server gets SIGKILL if the caller dies (Pdeathsig, on Linux). Run
// returns the server's exit status; build output goes to stderr, and a
// failed build is an error. The scratch directory is locked while the
// server runs and removed when it ends; one that a killed run left is
// removed by the next.
func Run(root string, req Request, stdout, stderr io.Writer) (int, error) {
	parent := notebook.ScratchParent(root)
	build.CleanStale(parent)
	dir, release, err := build.Scratch(parent, build.ScratchPrefix)
	if err != nil {
		return 0, err
	}
	defer release()
	bin := filepath.Join(dir, "nexus-preview")
	gobuild := exec.Command("go", build.GoBuildArgs(bin, Program, "-trimpath", "-ldflags=-w")...)
	gobuild.Dir = root
	gobuild.Env = append(os.Environ(), "CGO_ENABLED=0")
	gobuild.Stdout, gobuild.Stderr = stderr, stderr
	if err := gobuild.Run(); err != nil {
		return 0, fmt.Errorf("preview: building the preview server (go %s in %s): %v", strings.Join(gobuild.Args[1:], " "), root, err)
	}
	arg, err := json.Marshal(req)
	if err != nil {
		return 0, err
	}
	cmd := exec.Command(bin, string(arg))
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, stdout, stderr
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	done, err := start(cmd)
	if err != nil {
		return 0, err
	}
	for {
		select {
		case s := <-sigs:
			cmd.Process.Signal(s)
		case err := <-done:
			var ee *exec.ExitError
			if errors.As(err, &ee) {
				if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
					return 128 + int(ws.Signal()), nil
				}
				return ee.ExitCode(), nil
			}
			return 0, err
		}
	}
}
