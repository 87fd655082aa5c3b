package qda

import (
	"path/filepath"
	"strings"
)

// Init writes an empty coding package into the new directory dir: every
// resource of the format (see the package documentation) with its header
// row and no rows, and a datapackage.json that describes them. The
// package is named after the directory and validates.
func Init(dir string) error {
	return Write(dir, &Project{Name: packageName(filepath.Base(filepath.Clean(dir))), Version: "0.1.0"}, false)
}

// packageName makes a Frictionless package name (lower-case letters,
// digits and - . _) from s, or "coding" when nothing is left.
func packageName(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '.' || r == '_':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	n := strings.Trim(b.String(), "-._")
	if n == "" {
		return "coding"
	}
	return n
}
