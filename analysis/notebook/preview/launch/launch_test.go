package launch

import (
	"net"
	"os/exec"
	"reflect"
	"strings"
	"testing"
)

// TestSplitHostLikeNet: splitHost takes the host out of an address, and
// refuses one, as net.SplitHostPort does (the reference).
func TestSplitHostLikeNet(t *testing.T) {
	for _, addr := range []string{
		"127.0.0.1:8080", "localhost:0", "[::1]:8080", ":8080", "example.org:http", "127.0.0.1:",
		"127.0.0.1", "::1", "[::1]", "[::1:80", "a:b:c", "[::1]:80:90", "[a]b:80", "x]:80", "[[::1]]:80", "", "[]:80",
	} {
		want, _, wantErr := net.SplitHostPort(addr)
		got, err := splitHost(addr)
		if (err == nil) != (wantErr == nil) || err == nil && got != want {
			t.Errorf("splitHost(%q) = %q, %v; net.SplitHostPort gives %q, %v", addr, got, err, want, wantErr)
		}
		if err != nil && wantErr != nil && !strings.Contains(wantErr.Error(), err.Error()) {
			t.Errorf("splitHost(%q): %q, net.SplitHostPort: %q", addr, err, wantErr)
		}
	}
}

// TestCheckAddr accepts loopback addresses and localhost, and any address
// with allowRemote.
func TestCheckAddr(t *testing.T) {
	for _, c := range []struct {
		addr   string
		remote bool
		ok     bool
	}{
		{"127.0.0.1:8080", false, true}, {"127.9.9.9:0", false, true}, {"[::1]:0", false, true}, {"localhost:1", false, true},
		{"0.0.0.0:8080", false, false}, {"[::]:8080", false, false}, {":8080", false, false}, {"10.0.0.1:80", false, false},
		{"example.org:80", false, false}, {"0.0.0.0:8080", true, true}, {"127.0.0.1", true, false},
	} {
		if err := CheckAddr(c.addr, c.remote); (err == nil) != c.ok {
			t.Errorf("CheckAddr(%q, %v) = %v, want ok=%v", c.addr, c.remote, err, c.ok)
		}
	}
}

// TestDecode reads back what Run passes, and refuses anything else.
func TestDecode(t *testing.T) {
	req := Request{Addr: "127.0.0.1:0", Force: true, Verbose: true, Dataset: "datasets/x/v1.0.0", Packages: []string{"example.org/study/..."}, Notebooks: []string{"notebooks/01-a.md"}}
	arg := `{"addr":"127.0.0.1:0","force":true,"verbose":true,"dataset":"datasets/x/v1.0.0","packages":["example.org/study/..."],"notebooks":["notebooks/01-a.md"]}`
	got, err := Decode(arg)
	if err != nil || !reflect.DeepEqual(got, req) {
		t.Errorf("Decode = %+v, %v; want %+v", got, err, req)
	}
	for _, bad := range []string{"", "notebooks/01-a.md", `{"addr":"x","port":1}`} {
		if _, err := Decode(bad); err == nil {
			t.Errorf("Decode(%q) accepted it", bad)
		}
	}
}

// TestNexusLinksNoHTTP: the nexus command imports no network package;
// only the preview server does.
func TestNexusLinksNoHTTP(t *testing.T) {
	deps := func(pkg string) map[string]bool {
		out, err := exec.Command("go", "list", "-deps", pkg).Output()
		if err != nil {
			t.Fatalf("go list -deps %s: %v", pkg, err)
		}
		m := map[string]bool{}
		for _, p := range strings.Fields(string(out)) {
			m[p] = true
		}
		return m
	}
	// cmd/nexus by its directory: its import path would name the study
	// packages it imports to internal/layering's check.
	nexus, server := deps("../../../../cmd/nexus"), deps(Program)
	for _, p := range []string{"net", "net/http", "crypto/tls", "crypto/x509"} {
		if nexus[p] {
			t.Errorf("cmd/nexus imports %s", p)
		}
		if !server[p] {
			t.Errorf("%s does not import %s; the test no longer tells the two apart", Program, p)
		}
	}
}
