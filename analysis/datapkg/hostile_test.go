package datapkg

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/nexus-toolkit/nexus/analysis/safefile"
)

// The attacks of issue 11 on package files: each test reads a copy of
// testdata/good with one resource file replaced.

// withResource copies testdata/good and replaces people.csv by what
// replace makes of its path.
func withResource(t *testing.T, replace func(name string)) string {
	t.Helper()
	dir := copyDir(t, "testdata/good")
	name := filepath.Join(dir, "people.csv")
	if err := os.Remove(name); err != nil {
		t.Fatal(err)
	}
	replace(name)
	return dir
}

// readWithin reads dir with Read, failing the test if it takes more than
// 20 seconds (a FIFO must not hang it).
func readWithin(t *testing.T, dir string) error {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		_, err := Read(dir)
		done <- err
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(20 * time.Second):
		t.Fatalf("Read(%s) hangs", dir)
	}
	return nil
}

// TestSymlinkOut: a resource linked to a secret outside the package is
// refused, validation never prints the secret, and hashing refuses it too.
func TestSymlinkOut(t *testing.T) {
	secret := filepath.Join(t.TempDir(), "secret.csv")
	// Shaped like people.csv, so that a validator that followed the link
	// would print the values in its problems.
	if err := os.WriteFile(secret, []byte("id,name,born,height,active,mentor,teams,seen,note\nTOPSECRET,hunter2,x,x,x,x,x,x,x\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	dir := withResource(t, func(name string) {
		if err := os.Symlink(secret, name); err != nil {
			t.Fatal(err)
		}
	})
	err := readWithin(t, dir)
	if !errors.Is(err, safefile.ErrOutside) {
		t.Fatalf("err %v, want safefile.ErrOutside", err)
	}
	msg := problemText(err)
	if bytes.Contains(msg, []byte("TOPSECRET")) || bytes.Contains(msg, []byte("hunter2")) {
		t.Errorf("the secret leaks:\n%s", msg)
	}
	want := filepath.Join(dir, "people.csv") + `: resource "people": path leaves the package: a symbolic link resolves it to `
	if !bytes.HasPrefix(msg, []byte(want)) {
		t.Errorf("problem %q, want it to start %q", msg, want)
	}
	hs, err := Hashes(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hs {
		if h.Resource == "people" && !errors.Is(h.Err, safefile.ErrOutside) {
			t.Errorf("Hashes of the link: %+v, want ErrOutside", h)
		}
	}
	// The descriptor itself, linked out, is refused as well.
	desc := filepath.Join(dir, DescriptorName)
	os.Rename(desc, filepath.Join(filepath.Dir(secret), DescriptorName))
	os.Symlink(filepath.Join(filepath.Dir(secret), DescriptorName), desc)
	if _, err := Open(dir); !errors.Is(err, safefile.ErrOutside) {
		t.Errorf("descriptor linked out: %v, want ErrOutside", err)
	}
}

// TestNotRegularResource: /dev/zero (by a link), a FIFO and a directory
// as a resource are refused without reading, and the FIFO does not hang.
func TestNotRegularResource(t *testing.T) {
	for _, tc := range []struct {
		name    string
		replace func(string) error
		want    error
	}{
		{"dev-zero", func(n string) error { return os.Symlink("/dev/zero", n) }, safefile.ErrOutside},
		{"fifo", func(n string) error { return syscall.Mkfifo(n, 0o644) }, safefile.ErrNotRegular},
		{"directory", func(n string) error { return os.Mkdir(n, 0o755) }, safefile.ErrNotRegular},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := withResource(t, func(name string) {
				if err := tc.replace(name); err != nil {
					t.Fatal(err)
				}
			})
			if err := readWithin(t, dir); !errors.Is(err, tc.want) {
				t.Errorf("err %v, want %v", err, tc.want)
			}
		})
	}
}

// TestSparseResource: a 6 GB sparse file is refused by its size, before
// a byte of it is read (reading it would take 6 GB of memory).
func TestSparseResource(t *testing.T) {
	dir := withResource(t, func(name string) {
		f, err := os.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := f.Truncate(6 << 30); err != nil {
			t.Fatal(err)
		}
	})
	err := readWithin(t, dir)
	want := filepath.Join(dir, "people.csv") + `: resource "people": file too large: 6442450944 bytes, want at most 2147483647`
	if !errors.Is(err, safefile.ErrTooLarge) || string(problemText(err)) != want+"\n" {
		t.Errorf("got %q, want %q", problemText(err), want)
	}
}

// TestControlPositions parses random CSV text and compares the control
// characters reported with those found by a byte-by-byte scan of the
// whole file: the scanner must see every byte, quoted or not, and give
// each its line and column.
func TestControlPositions(t *testing.T) {
	p, err := Open("testdata/good")
	if err != nil {
		t.Fatal(err)
	}
	r := p.Resource("people")
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte("ab,,\"\n\r\t\x00\x07\x1f\x7f\xc2\x80\x9f\xa0é")
	for range 3000 {
		d := make([]byte, rng.IntN(60))
		for i := range d {
			d[i] = alphabet[rng.IntN(len(alphabet))]
		}
		var want []string
		for i, c := range d {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f || c == 0xc2 && i+1 < len(d) && d[i+1] >= 0x80 && d[i+1] <= 0x9f {
				l, col := lineCol(d, i)
				want = append(want, fmt.Sprintf("%d:%d", l, col))
			}
		}
		for _, split := range []bool{false, true} {
			forceSplit = split
			var got []string
			tb := &Table{Resource: r, raw: d}
			tb.parse("f.csv", func(pr *Problem) {
				if errors.Is(pr, ErrControl) {
					got = append(got, fmt.Sprintf("%d:%d", pr.Line, pr.Column))
				}
			})
			forceSplit = false
			if !slices.Equal(got, want) {
				t.Fatalf("%q (split %v): controls at %v, want %v", d, split, got, want)
			}
		}
	}
}

func TestIsDatePattern(t *testing.T) {
	for pattern, want := range map[string]bool{
		`[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?`: true,
		`[0-9]{4}-[0-9]{2}-[0-9]{2}`:       true,
		`\d{4}(-\d\d)?`:                    true,
		`^[12][0-9]{3}-(0[1-9]|1[0-2])$`:   true,
		`[0-9]{4}`:                         true,
		`(19|20)[0-9]{2}`:                  true,
		`[0-9]{4}(-[0-9]{2}){0,2}`:         true,
		`[0-9]+`:                           false,
		`[0-9]{4}-[0-9]{2}-[0-9]{2}.*`:     false,
		`[0-9]{4}/[0-9]{2}`:                false,
		`[0-9a-f]{4}`:                      false,
		`[0-9]{3}`:                         false,
		`[0-9]{4}(-[0-9]{2})?|x`:           false,
		`r[0-9]{3}`:                        false,
		`[a-z0-9]+(-[a-z0-9]+)*`:           false,
		`(`:                                false,
		`(?:[0-9]{4})-[0-9]{2}`:            true,
		`[0-9]{4}\.[0-9]{2}`:               false,
		`[0-9]{4}-[0-9]{2}.`:               false,
		`[0-9]{4}-[\-0-9]{2}`:              false,
	} {
		if got := isDatePattern(pattern); got != want {
			t.Errorf("isDatePattern(%q) = %v, want %v", pattern, got, want)
		}
	}
}

func TestCheckDate(t *testing.T) {
	for s, want := range map[string]string{
		"2014": "", "0000": "", "2014-01": "", "2014-12": "", "2012-02-29": "", "2000-02-29": "", "2014-12-31": "",
		"2014-13":    "month 13 does not exist",
		"2014-00":    "month 00 does not exist",
		"2014-13-45": "month 13 does not exist",
		"2014-04-31": "day 31 does not exist in 2014-04, want 01 to 30",
		"2013-02-29": "(2013 is not a leap year)",
		"1900-02-29": "(1900 is not a leap year)",
		"2014-01-00": "day 00 does not exist",
	} {
		err := checkDate(s)
		switch {
		case want == "" && err != nil:
			t.Errorf("%s: %v, want a date", s, err)
		case want != "" && (err == nil || !strings.Contains(err.Error(), want) || !errors.Is(err, ErrDate)):
			t.Errorf("%s: %v, want ErrDate and %q", s, err, want)
		}
	}
}

// TestRehashRefuses: a published version (one with a CHANGELOG entry) is
// not rewritten without Force, and a symlinked descriptor never is; in
// both cases nothing changes on disk.
func TestRehashRefuses(t *testing.T) {
	top := t.TempDir()
	dir := filepath.Join(top, "v1.0.0")
	os.Rename(copyDir(t, "testdata/rules/hash"), dir)
	changelog := "# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2026-01-01\n\nFirst release.\n"
	if err := os.WriteFile(filepath.Join(top, ChangelogName), []byte(changelog), 0o644); err != nil {
		t.Fatal(err)
	}
	desc := filepath.Join(dir, DescriptorName)
	before, _ := os.ReadFile(desc)
	_, changed, err := Rehash(dir, RehashOptions{})
	want := desc + `: published version: version 1.0.0 has an entry in ` + filepath.Join(top, ChangelogName) + `:5 ("## [1.0.0] - 2026-01-01"), and a published version is read-only; copy it to a new version directory, or force the rewrite`
	if !errors.Is(err, ErrPublished) || changed || err.Error() != want {
		t.Errorf("published: changed %v, err\n%v\nwant\n%s", changed, err, want)
	}
	if after, _ := os.ReadFile(desc); !bytes.Equal(after, before) {
		t.Error("the descriptor of a published version changed")
	}
	if _, changed, err := Rehash(dir, RehashOptions{Force: true}); err != nil || !changed {
		t.Errorf("forced: changed %v, err %v", changed, err)
	}

	// A symlinked descriptor: refused, and still a link.
	link := filepath.Join(top, "v1.1.0")
	os.Rename(copyDir(t, "testdata/rules/hash"), link)
	ldesc := filepath.Join(link, DescriptorName)
	os.Rename(ldesc, filepath.Join(link, "real.json"))
	if err := os.Symlink("real.json", ldesc); err != nil {
		t.Fatal(err)
	}
	_, changed, err = Rehash(link, RehashOptions{Force: true})
	if !errors.Is(err, ErrLink) || changed || !strings.Contains(err.Error(), ldesc+": refusing to rewrite a symbolic link: it points to real.json") {
		t.Errorf("symlink: changed %v, err %v", changed, err)
	}
	if fi, err := os.Lstat(ldesc); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", fi, err)
	}
}

func TestPublished(t *testing.T) {
	top := t.TempDir()
	dir := filepath.Join(top, "v2.0.0")
	os.Rename(copyDir(t, "testdata/good"), dir) // its descriptor says 1.0.0
	os.WriteFile(filepath.Join(top, ChangelogName), []byte("## [2.0.0]\n## 1.0.0 - x\n"), 0o644)
	rel, err := Published(dir)
	if err != nil || rel == nil || rel.Version != "2.0.0" || rel.Line != 1 {
		t.Errorf("Published = %+v, %v; want the directory's 2.0.0 on line 1", rel, err)
	}
	os.WriteFile(filepath.Join(top, ChangelogName), []byte("## [3.0.0]\n## 1.0.0 - x\n"), 0o644)
	if rel, err := Published(dir); err != nil || rel == nil || rel.Version != "1.0.0" || rel.Line != 2 {
		t.Errorf("Published = %+v, %v; want the descriptor's 1.0.0 on line 2", rel, err)
	}
	os.WriteFile(filepath.Join(top, ChangelogName), []byte("## [Unreleased]\n## [1.0.1]\n## [2.0.0-rc1]\n"), 0o644)
	if rel, err := Published(dir); rel != nil || err != nil {
		t.Errorf("Published = %+v, %v; want none", rel, err)
	}
}
